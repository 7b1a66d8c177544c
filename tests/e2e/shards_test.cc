// A sharded index, searched locally and through Xapian's remote backend (xapian-tcpsrv),
// answers exactly as the single index does: same notices, same order, same scores,
// same facet counts.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

// A loopback port nobody listens on right now.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

bool is_grouped(const std::vector<std::string>& args) {
  return std::find(args.begin(), args.end(), "--group") != args.end();
}

// The parts of a response that must not depend on how the index is split; with facets
// unless facets is false.
nlohmann::json comparable(const std::vector<std::string>& dbs, const std::vector<std::string>& args,
                          bool facets = true) {
  std::vector<std::string> full;
  for (const std::string& db : dbs) full.insert(full.end(), {"--db", db});
  full.insert(full.end(), {"--json", "--limit", "20"});
  if (facets) full.push_back("--facets");
  full.insert(full.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", full);
  INFO(nlohmann::json(full).dump() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json response = nlohmann::json::parse(r.out);
  nlohmann::json out = {{"total", response.at("total")}, {"facets", response.value("facets", nlohmann::json())},
                        {"results", nlohmann::json::array()}};
  for (const auto& hit : response.at("results")) {
    out["results"].push_back({hit.at("id"), hit.at("score"), hit.at("snippet"), hit.value("group_count", 0)});
  }
  return out;
}

const std::vector<std::vector<std::string>> kRequests = {
    {"ランサムウェア"},
    {"漏えい"},
    {"メール 誤送信"},
    {"不正アクセス", "--group", "incident"},
    {"sector:government"},
    {"--sort", "affected", "個人情報"},
    {"倉業"},                        // bigrams of an organisation name
    {"ランサムウェア 量子暗号通信"},  // partial matches
    {},                              // browse everything
};

}  // namespace

TEST_CASE("shards: two shards, local or behind xapian-tcpsrv, answer exactly as the single index") {
  const std::string dir = temp_dir("shards");
  const std::string single = dir + "/single";
  const std::string sharded = dir + "/sharded";
  REQUIRE(run("kaiji-indexer", {"--db", single, KAIJI_CORPUS_DIR}).exit_code == 0);
  const auto r = run("kaiji-indexer", {"--db", sharded, "--shards", "2", KAIJI_CORPUS_DIR});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string shard0 = sharded + "/gen-000001/shard-0";
  const std::string shard1 = sharded + "/gen-000001/shard-1";
  REQUIRE(fs::exists(shard0 + "/iamglass"));
  REQUIRE(fs::exists(shard1 + "/iamglass"));

  const int port0 = free_port();
  const int port1 = free_port();
  BackgroundCommand server0("/usr/bin/xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", std::to_string(port0), shard0});
  BackgroundCommand server1("/usr/bin/xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", std::to_string(port1), shard1});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!(accepts_connections(port0) && accepts_connections(port1)) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(accepts_connections(port0));
  REQUIRE(accepts_connections(port1));
  const std::vector<std::string> remote = {"tcp://127.0.0.1:" + std::to_string(port0),
                                           "tcp://127.0.0.1:" + std::to_string(port1)};

  for (const auto& request : kRequests) {
    const nlohmann::json expected = comparable({single}, request);
    CAPTURE(request);
    CHECK(expected.at("total").get<int>() > 0);
    CHECK(comparable({sharded}, request) == expected);           // the stub names both shards
    CHECK(comparable({shard0, shard1}, request) == expected);    // shards given one by one
    if (!is_grouped(request)) {
      CHECK(comparable(remote, request) == expected);  // both through xapian-tcpsrv
      continue;
    }
    // Facets counted by incident need kaiji's own spy, which xapian-tcpsrv cannot run:
    // refused over remote shards; the groups themselves are counted there too.
    std::vector<std::string> grouped_facets = {"--db", remote[0], "--db", remote[1], "--facets"};
    grouped_facets.insert(grouped_facets.end(), request.begin(), request.end());
    CHECK(run("kaiji-searcher", grouped_facets).exit_code == 2);
    CHECK(comparable(remote, request, false) == comparable({single}, request, false));
  }
  // Each shard holds part of the notices; together all of them.
  const auto part = comparable({shard0}, {}).at("total").get<int>();
  CHECK(part > 0);
  CHECK(part < comparable({single}, {}).at("total").get<int>());
  // --like and --show work through the remote backend too.
  const std::string id = comparable({single}, {"ランサムウェア"}).at("results").at(0).at(0);
  CHECK(comparable(remote, {"--like", id}) == comparable({single}, {"--like", id}));
  std::vector<std::string> show = {"--show", id, "--json"};
  for (const std::string& db : remote) show.insert(show.begin(), {"--db", db});
  CHECK(run("kaiji-searcher", show).exit_code == 0);
}

TEST_CASE("shards: a notice stays in its shard across runs, and changing the count needs --rebuild") {
  const std::string db = temp_dir("shard-count") + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, "--shards", "3", KAIJI_CORPUS_DIR}).exit_code == 0);
  const auto again = run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR});
  CHECK(again.out.find("notices unchanged: 28\n") != std::string::npos);
  const auto change = run("kaiji-indexer", {"--db", db, "--shards", "2", KAIJI_CORPUS_DIR});
  CHECK(change.exit_code == 2);
  CHECK(change.err.find("has 3 shard(s); add --rebuild") != std::string::npos);
  const auto rebuilt = run("kaiji-indexer", {"--db", db, "--shards", "2", "--rebuild", KAIJI_CORPUS_DIR});
  CHECK(rebuilt.exit_code == 0);
  CHECK(rebuilt.out.find("notices in index:  28\n") != std::string::npos);
}
