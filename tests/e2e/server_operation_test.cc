// kaiji-server as it runs: loopback by default, tokens, CORS, security headers, bounded
// workers, following the indexer's commits and generations, stopping on SIGTERM.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "cli.h"
#include "server_process.h"

namespace kaiji::e2e {
namespace {

std::string token_file(const std::string& token) {
  const std::string path = temp_dir("server-token") + "/token";
  write_file(path, token + "\n");
  return path;
}

int total(const ServerProcess& server) {
  const HttpAnswer answer = server.get("/api/v1/search?limit=0");
  REQUIRE(answer.status == 200);
  return answer.json()["total"];
}

}  // namespace

TEST_CASE("server: a listen address other than loopback is refused without a token") {
  const CommandResult open = run("kaiji-server", {"--db", corpus_index(), "--listen", "0.0.0.0:0"});
  CHECK(open.exit_code == 2);
  CHECK(open.err.find("--token-file") != std::string::npos);
  const CommandResult weak = run("kaiji-server", {"--db", corpus_index(), "--token-file", token_file("short")});
  CHECK(weak.exit_code == 2);
  const CommandResult bad = run("kaiji-server", {"--db", corpus_index(), "--listen", "127.0.0.1:99999"});
  CHECK(bad.exit_code == 2);
  CHECK(run("kaiji-server", {"--db", temp_dir("server-no-index") + "/none"}).exit_code == 1);
}

TEST_CASE("server: with a token, a request without it gets 401; the page itself needs none") {
  const std::string token = "kaiji-test-token-0123456789";
  ServerProcess server({"--token-file", token_file(token)});
  const HttpAnswer without = server.get("/api/v1/search?q=漏えい");
  CHECK(without.status == 401);
  CHECK(without.json()["error"]["code"] == "unauthorized");
  CHECK(without.header("WWW-Authenticate").starts_with("Bearer"));
  CHECK(server.get("/health", {{"Authorization", "Bearer wrong-token-0123456789"}}).status == 401);
  CHECK(server.get("/health", {{"Authorization", "Bearer " + token}}).status == 200);
  CHECK(server.get("/api/v1/stats", {{"Authorization", "Bearer " + token}}).status == 200);
  CHECK(server.get("/").status == 200);
}

TEST_CASE("server: security headers everywhere, CORS only for the origin named") {
  ServerProcess plain;
  for (const std::string path : {"/", "/api/v1/search", "/nothing-here"}) {
    const HttpAnswer answer = plain.get(path, {{"Origin", "https://elsewhere.example"}});
    CHECK(answer.header("Content-Security-Policy").starts_with("default-src 'self'"));
    CHECK(answer.header("X-Content-Type-Options") == "nosniff");
    CHECK(answer.header("Access-Control-Allow-Origin").empty());
  }
  ServerProcess cors({"--cors-origin", "https://tools.example"});
  CHECK(cors.get("/api/v1/search", {{"Origin", "https://tools.example"}}).header("Access-Control-Allow-Origin") ==
        "https://tools.example");
  CHECK(cors.get("/api/v1/search", {{"Origin", "https://tools.example.evil"}}).header("Access-Control-Allow-Origin").empty());
  const auto preflight = cors.client()->Options("/api/v1/search", {{"Origin", "https://tools.example"},
                                                                   {"Access-Control-Request-Method", "POST"}});
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->get_header_value("Access-Control-Allow-Methods") == "GET, POST");
}

TEST_CASE("server: the page and its files are served from the binary") {
  ServerProcess server;
  const HttpAnswer page = server.get("/");
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body.find("lang=\"ja\"") != std::string::npos);
  CHECK(server.get("/app.js").header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(server.get("/style.css").status == 200);
}

TEST_CASE("server: a single worker answers concurrent requests or says 503 with Retry-After") {
  ServerProcess server({"--threads", "1", "--queue-wait", "0"});
  std::atomic<int> ok{0}, busy{0}, other{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&] {
      for (int k = 0; k < 10; ++k) {
        const HttpAnswer answer = server.get("/api/v1/search?q=漏えい&facets=1");
        if (answer.status == 200) {
          ++ok;
        } else if (answer.status == 503 && answer.header("Retry-After") == "1" &&
                   answer.json()["error"]["code"] == "overloaded") {
          ++busy;
        } else {
          ++other;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  CHECK(other == 0);
  CHECK(ok > 0);
  CHECK(ok + busy == 80);
}

TEST_CASE("server: follows the indexer's commits and new generations without a restart") {
  const std::string dir = temp_dir("server-follow");
  const std::string some = dir + "/some", db = dir + "/db";
  std::filesystem::create_directories(some);
  const std::vector<std::string> files = {"000_35fec24fa2ec45ea.txt", "001_d7048f176aaf01b0.txt"};
  for (const std::string& f : files) std::filesystem::copy(std::string(KAIJI_CORPUS_DIR) + "/" + f, some + "/" + f);
  REQUIRE(run("kaiji-indexer", {"--db", db, some}).exit_code == 0);
  ServerProcess server({"--threads", "2"}, db);
  const int before = total(server);
  REQUIRE(before > 0);
  // Searching all the while, nothing fails as the indexer commits and switches.
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, answered{0};
  std::thread searcher([&] {
    while (!done) {
      const HttpAnswer answer = server.get("/api/v1/search?q=漏えい&facets=1");
      answer.status == 200 ? ++answered : ++failures;
    }
  });
  REQUIRE(run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR}).exit_code == 0);
  const int updated = total(server);
  CHECK(updated > before);
  CHECK(server.get("/api/v1/stats").json()["generations"][0] == "gen-000001");
  REQUIRE(run("kaiji-indexer", {"--db", db, "--rebuild", some}).exit_code == 0);
  CHECK(total(server) == before);
  CHECK(server.get("/api/v1/stats").json()["generations"][0] == "gen-000002");
  done = true;
  searcher.join();
  CHECK(failures == 0);
  CHECK(answered > 0);
}

TEST_CASE("server: SIGTERM stops it cleanly") {
  ServerProcess server;
  REQUIRE(server.get("/health").status == 200);
  const CommandResult stopped = server.stop();
  CHECK(stopped.exit_code == 0);
  CHECK(stopped.err.find("stopped") != std::string::npos);
}

}  // namespace kaiji::e2e
