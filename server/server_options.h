// kaiji-server's command line: what to serve, where, and the bounds it runs within.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "cli/command_line.h"

namespace kaiji::server {

struct ServerOptions {
  AnalysisOptions analysis = default_analysis_options();
  std::vector<std::string> db_paths;
  std::string listen = "127.0.0.1:7810";
  std::string host;  // from listen
  int port = 0;      // from listen; 0 picks a free port
  std::size_t threads = 4;               // search engines, one per worker
  std::string token_file;
  std::string token;                     // read from token_file
  std::string cors_origin;               // exact origin allowed to call the API, or none
  std::size_t max_body_bytes = 64 * 1024;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 10;
  int queue_wait_ms = 2000;              // how long a request waits for a free search engine
};

// The options bound to `given` (which must outlive the description).
cli::po::options_description define_server_options(ServerOptions& given);

// Checks the parsed options and completes host, port and token. Throws po::error (a
// non-loopback --listen without --token-file among them).
void validate_server_options(ServerOptions& given);

// True for 127.0.0.0/8, ::1 and localhost.
bool is_loopback_host(const std::string& host);

}  // namespace kaiji::server
