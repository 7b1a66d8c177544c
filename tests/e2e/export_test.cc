// --limit all with --jsonl and --csv: every match, streamed a page at a time, in the same
// order as a ranked page.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

CommandResult searcher(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  const CommandResult r = run("kaiji-searcher", args);
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE("--csv --limit all writes one row per notice, --jsonl --limit all one line per match") {
  const std::string csv = searcher(corpus_index(), {"--csv", "--limit", "all"}).out;
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 28 + 1);  // and the header
  const auto lines = json_lines(searcher(corpus_index(), {"--jsonl", "--limit", "all", "漏えい"}).out);
  CHECK(lines.size() == 23);
  const auto tail = json_lines(searcher(corpus_index(), {"--jsonl", "--limit", "all", "--offset", "20", "漏えい"}).out);
  REQUIRE(tail.size() == 3);
  CHECK(tail.front().at("id") == lines.at(20).at("id"));
  CHECK(tail.front().at("rank") == 21);

  for (const std::string format : {"", "--json"}) {
    std::vector<std::string> args = {"--db", corpus_index(), "--limit", "all"};
    if (!format.empty()) args.push_back(format);
    const CommandResult refused = run("kaiji-searcher", args);
    INFO(format);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--limit all goes with --jsonl or --csv") != std::string::npos);
  }
}

TEST_CASE("--limit all over more matches than one page: every match once, ranked as --json ranks them") {
  const std::string db = synthetic_index("export-pages", 1500);
  for (const std::string query : {"", "漏えい"}) {
    INFO("query '" << query << "'");
    const auto ranked = nlohmann::json::parse(searcher(db, {"--json", "--limit", "10000", query}).out);
    REQUIRE(ranked.at("total_is_estimate") == false);
    REQUIRE(ranked.at("total").get<int>() > 1000);  // more than one export page
    const auto exported = json_lines(searcher(db, {"--jsonl", "--limit", "all", query}).out);
    REQUIRE(exported.size() == ranked.at("results").size());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < exported.size(); ++i) {
      CHECK(exported[i].at("rank") == i + 1);
      CHECK(exported[i].at("id") == ranked.at("results").at(i).at("id"));
      seen.insert(exported[i].at("id").get<std::string>());
    }
    CHECK(seen.size() == exported.size());
  }
}
