// kaiji-server: the kaiji index over HTTP — a JSON API under /api/v1 (docs/http-api.md)
// and a page for browsing it at /. Another front end of the same search engine as
// kaiji-searcher: no search logic lives here.
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <iostream>
#include <thread>

#include <httplib.h>
#include <xapian.h>

#include "api_routes.h"
#include "connection_queue.h"
#include "engine_pool.h"
#include "http_guard.h"
#include "server_options.h"
#include "web_assets.h"

namespace {

namespace po = kaiji::cli::po;
using kaiji::server::ServerOptions;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kKeepAliveRequests = 100;

// SO_REUSEADDR only: the library's default adds SO_REUSEPORT, with which a second server
// on the same port would silently share it.
void reuse_address_only(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

void configure(httplib::Server& server, const ServerOptions& options) {
  // Connection workers: more than the search engines (a kept-alive connection holds one
  // while idle), with a bounded queue; past it, 503 (connection_queue.h).
  const std::size_t connection_workers = std::max<std::size_t>(8, options.threads * 4);
  server.new_task_queue = [connection_workers] {
    return new kaiji::server::ConnectionQueue(connection_workers, connection_workers * 4);
  };
  server.set_socket_options(reuse_address_only);
  server.set_read_timeout(options.read_timeout_seconds);
  server.set_write_timeout(options.write_timeout_seconds);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_payload_max_length(options.max_body_bytes);
  server.set_tcp_nodelay(true);
  kaiji::server::install_guards(server, options);
  for (const kaiji::server::WebAsset& asset : kaiji::server::web_assets()) {
    server.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.bytes.data(), asset.bytes.size(), std::string(asset.content_type) + "; charset=utf-8");
    });
  }
}

// Binds (port 0: any free one) and says where on stdout, so scripts and tests can find it.
bool bind(httplib::Server& server, const ServerOptions& options) {
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port <= 0) return false;
  } else if (!server.bind_to_port(options.host, port)) {
    return false;
  }
  const bool v6 = options.host.find(':') != std::string::npos;
  std::cout << "kaiji-server: listening on http://" << (v6 ? "[" + options.host + "]" : options.host) << ':' << port
            << "/" << std::endl;
  return true;
}

// Serves until SIGINT or SIGTERM, which a thread of its own waits for (the signals are
// blocked everywhere else) and answers by stopping the server cleanly.
int serve(const ServerOptions& options, kaiji::server::EnginePool& pool, const kaiji::Taxonomy& taxonomy) {
  httplib::Server server;
  configure(server, options);
  kaiji::server::install_api_routes(server, pool, taxonomy, options);
  if (!bind(server, options)) {
    std::cerr << "kaiji-server: cannot listen on " << options.listen << " (in use, or not an address of this machine)\n";
    return kExitFailure;
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  std::thread stopper([&server, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server.stop();
  });
  const bool clean = server.listen_after_bind();
  pthread_kill(stopper.native_handle(), SIGTERM);  // stopped otherwise: end the waiting thread too
  stopper.join();
  std::cerr << "kaiji-server: stopped\n";
  return clean ? kExitOk : kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  ServerOptions options;
  const po::options_description visible = kaiji::server::define_server_options(options);
  try {
    std::vector<std::string> words;
    if (!kaiji::cli::parse(argc, argv, visible, words)) return kExitOk;
    if (!words.empty()) throw po::error("unexpected argument '" + words.front() + "'");
    kaiji::server::validate_server_options(options);
  } catch (const po::error& e) {
    std::cerr << "kaiji-server: " << e.what() << "\nTry 'kaiji-server --help'.\n";
    return kExitUsage;
  }
  // Before any thread starts, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  try {
    const kaiji::Taxonomy taxonomy = kaiji::Taxonomy::load(options.analysis.data_dir + "/taxonomy.tsv");
    kaiji::server::EnginePool pool(options.db_paths, options.analysis, taxonomy, options.threads);
    return serve(options, pool, taxonomy);
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-server: cannot open index (run kaiji-indexer first?): " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-server: " << e.what() << '\n';
  }
  return kExitFailure;
}
