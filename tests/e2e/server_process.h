// kaiji-server started from tests: on a free loopback port, with an HTTP client to it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli.h"

namespace kaiji::e2e {

struct HttpAnswer {
  int status = 0;  // 0: no answer (connection failed)
  std::string body;
  httplib::Headers headers;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& name) const;
};

class ServerProcess {
 public:
  // kaiji-server --db DB --listen 127.0.0.1:0 ARGS…, waiting (at most 20 s) until it
  // says where it listens; fails the test when it exits first.
  explicit ServerProcess(const std::vector<std::string>& args = {}, const std::string& db = corpus_index());

  int port() const { return port_; }
  std::unique_ptr<httplib::Client> client() const;
  HttpAnswer get(const std::string& path_and_query, const httplib::Headers& headers = {}) const;
  HttpAnswer post_json(const std::string& path, const std::string& body) const;
  // SIGTERM, then waits for it to exit.
  CommandResult stop();

 private:
  std::unique_ptr<BackgroundCommand> process_;
  int port_ = 0;
};

// The path with a query string of the (name, value) pairs, percent-encoded.
std::string with_query(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params);

// The ids of the results, in rank order.
std::vector<std::string> result_ids(const nlohmann::json& response);

}  // namespace kaiji::e2e
