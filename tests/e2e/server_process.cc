#include "server_process.h"

#include <chrono>
#include <regex>
#include <thread>

#include <doctest/doctest.h>

namespace kaiji::e2e {
namespace {

HttpAnswer answer_of(const httplib::Result& result) {
  HttpAnswer answer;
  if (!result) return answer;
  answer.status = result->status;
  answer.body = result->body;
  answer.headers = result->headers;
  return answer;
}

}  // namespace

std::string HttpAnswer::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

ServerProcess::ServerProcess(const std::vector<std::string>& args, const std::string& db) {
  std::vector<std::string> full = {"--db", db, "--listen", "127.0.0.1:0"};
  full.insert(full.end(), args.begin(), args.end());
  process_ = std::make_unique<BackgroundCommand>("kaiji-server", full);
  const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string out = process_->out_so_far();
    if (std::regex_search(out, match, listening)) {
      port_ = std::stoi(match[1]);
      return;
    }
    if (!process_->running()) {
      const CommandResult r = process_->wait();
      FAIL("kaiji-server exited (" << r.exit_code << ") before listening: " << r.err);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("kaiji-server did not start listening within 20 s");
}

std::unique_ptr<httplib::Client> ServerProcess::client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5);
  client->set_read_timeout(20);
  return client;
}

HttpAnswer ServerProcess::get(const std::string& path_and_query, const httplib::Headers& headers) const {
  return answer_of(client()->Get(path_and_query.c_str(), headers));
}

HttpAnswer ServerProcess::post_json(const std::string& path, const std::string& body) const {
  return answer_of(client()->Post(path.c_str(), body, "application/json"));
}

CommandResult ServerProcess::stop() {
  process_->terminate();
  return process_->wait();
}

std::string with_query(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params) {
  httplib::Params encoded;
  for (const auto& [name, value] : params) encoded.emplace(name, value);
  return path + "?" + httplib::detail::params_to_query_str(encoded);
}

std::vector<std::string> result_ids(const nlohmann::json& response) {
  std::vector<std::string> ids;
  for (const auto& hit : response.at("results")) ids.push_back(hit.at("id").get<std::string>());
  return ids;
}

}  // namespace kaiji::e2e
