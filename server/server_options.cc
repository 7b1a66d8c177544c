#include "server_options.h"

#include <fstream>
#include <sstream>

namespace kaiji::server {
namespace po = cli::po;
namespace {

constexpr std::size_t kMaxThreads = 64;
constexpr std::size_t kMinTokenBytes = 16;

// "127.0.0.1:7810", "[::1]:7810" → host and port.
void split_listen(ServerOptions& given) {
  const std::size_t colon = given.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw po::error("--listen takes HOST:PORT (e.g. 127.0.0.1:7810), not '" + given.listen + "'");
  }
  std::string host = given.listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = given.listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    throw po::error("--listen port must be a number from 0 to 65535, not '" + port + "'");
  }
  given.host = host;
  given.port = std::stoi(port);
}

std::string read_token(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw po::error("--token-file " + path + " cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string token = bytes.str();
  const std::size_t end = token.find_last_not_of(" \t\r\n");
  token.erase(end == std::string::npos ? 0 : end + 1);
  if (token.size() < kMinTokenBytes || token.find_first_of(" \t\r\n") != std::string::npos) {
    throw po::error("--token-file " + path + " must hold one token of at least " + std::to_string(kMinTokenBytes) +
                    " characters without spaces");
  }
  return token;
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

po::options_description define_server_options(ServerOptions& given) {
  po::options_description visible(
      "Usage: kaiji-server --db DIR|tcp://HOST:PORT ... [options]\n"
      "Serves the kaiji index over HTTP: a JSON API under /api/v1 (docs/http-api.md) and a\n"
      "page for browsing it at /. Read-only.\n\n"
      "Options");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&given.db_paths)->value_name("DIR|tcp://HOST:PORT"),
       "index directory, or an index served by xapian-tcpsrv; repeat to serve several as one")
      ("listen", po::value(&given.listen)->value_name("HOST:PORT"),
       "address to listen on (default 127.0.0.1:7810; port 0 picks a free one). Any address but\n"
       "loopback needs --token-file")
      ("threads", po::value(&given.threads)->value_name("N"),
       "search workers, each with its own search engine (default 4, at most 64)")
      ("token-file", po::value(&given.token_file)->value_name("FILE"),
       "a bearer token every API request must send (Authorization: Bearer TOKEN)")
      ("cors-origin", po::value(&given.cors_origin)->value_name("ORIGIN"),
       "let pages from this exact origin (https://host:port) call the API")
      ("max-body-bytes", po::value(&given.max_body_bytes)->value_name("N"),
       "largest request body accepted (default 65536)")
      ("read-timeout", po::value(&given.read_timeout_seconds)->value_name("SECONDS"), "default 5")
      ("write-timeout", po::value(&given.write_timeout_seconds)->value_name("SECONDS"), "default 10")
      ("queue-wait", po::value(&given.queue_wait_ms)->value_name("MS"),
       "how long a request waits for a free worker before a 503 (default 2000)");
  cli::add_analysis_options(visible, given.analysis);
  return visible;
}

void validate_server_options(ServerOptions& given) {
  if (given.db_paths.empty()) throw po::error("--db DIR is required");
  if (given.threads == 0 || given.threads > kMaxThreads) {
    throw po::error("--threads must be from 1 to " + std::to_string(kMaxThreads));
  }
  if (given.max_body_bytes == 0) throw po::error("--max-body-bytes must be at least 1");
  if (given.read_timeout_seconds <= 0 || given.write_timeout_seconds <= 0 || given.queue_wait_ms < 0) {
    throw po::error("timeouts must be positive");
  }
  split_listen(given);
  if (!given.token_file.empty()) given.token = read_token(given.token_file);
  if (!is_loopback_host(given.host) && given.token.empty()) {
    throw po::error("--listen " + given.listen +
                    " is reachable from other machines; give --token-file so every request must carry a token");
  }
}

}  // namespace kaiji::server
