// --group incident: the total is the number of groups, and with --facets the facet counts
// count groups, saying so.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

// 1,500 synthetic notices: enough matches that the ranked pass's own group estimate
// was wrong (漏えい: "about 1300" for 1,282 incidents).
const std::string& index_of_1500() {
  static const std::string db = synthetic_index("grouping", 1500);
  return db;
}

nlohmann::json search(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--json"});
  const CommandResult r = run("kaiji-searcher", args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// Every matching notice's group (its incident, or itself without one), and per outcome
// the groups with a notice of that outcome.
struct Groups {
  std::set<std::string> all;
  std::map<std::string, std::set<std::string>> by_outcome;
  std::map<std::string, std::set<std::string>> by_cause;
};

Groups groups_of(const std::string& db, const std::string& query) {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--jsonl", "--limit", "all", query});
  REQUIRE(r.exit_code == 0);
  Groups out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const auto hit = nlohmann::json::parse(line);
    const std::string incident = hit.at("incident");
    const std::string group = incident.empty() ? "id " + hit.at("id").get<std::string>() : incident;
    out.all.insert(group);
    out.by_outcome[hit.at("outcome")].insert(group);
    for (const auto& cause : hit.at("causes")) out.by_cause[cause].insert(group);
  }
  return out;
}

}  // namespace

TEST_CASE("grouping: the total is the number of incidents, exact, on the corpus and on 1,500 notices") {
  for (const std::string& db : {corpus_index(), index_of_1500()}) {
    for (const std::string query : {"漏えい", "ランサムウェア 委託先", "", "cause:ransomware"}) {
      INFO(db << ": '" << query << "'");
      const Groups expected = groups_of(db, query);
      const auto grouped = search(db, {"--group", "incident", "--limit", "0", query});
      CHECK(grouped.at("total") == expected.all.size());
      CHECK(grouped.at("total_is_estimate") == false);
      // The notices, ungrouped, are more whenever an incident has several.
      CHECK(search(db, {"--limit", "0", query}).at("total") >= expected.all.size());
    }
  }
  CHECK(search(index_of_1500(), {"--group", "incident", "--limit", "0", "漏えい"}).at("total") == 1282);
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "--group", "incident", "--limit", "0", "漏えい"});
  CHECK(text.out.starts_with("22 incidents for 漏えい\n"));
}

TEST_CASE("grouping with --facets: facet counts are incidents, and say so in JSON and text") {
  for (const std::string& db : {corpus_index(), index_of_1500()}) {
    const Groups expected = groups_of(db, "漏えい");
    const auto grouped = search(db, {"--group", "incident", "--facets", "--limit", "0", "漏えい"});
    INFO(db);
    CHECK(grouped.at("facet_unit") == "incident");
    CHECK(grouped.at("total") == expected.all.size());
    for (const auto& [outcome, groups] : expected.by_outcome) {
      INFO(outcome);
      CHECK(grouped.at("facets").at("outcome").at(outcome) == groups.size());
    }
    for (const auto& [cause, groups] : expected.by_cause) {
      INFO(cause);
      CHECK(grouped.at("facets").at("cause").at(cause) == groups.size());
    }
    CHECK(grouped.at("facets").at("cause").size() == expected.by_cause.size());
    CHECK(search(db, {"--facets", "--limit", "0", "漏えい"}).at("facet_unit") == "notice");
  }
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "--group", "incident", "--facets", "漏えい"});
  CHECK(text.out.find("facet counts are incidents") != std::string::npos);
  // Over a remote shard kaiji cannot read each match's incident and facets: refused.
  const CommandResult remote = run("kaiji-searcher", {"--db", "tcp://127.0.0.1:1", "--group", "incident", "--facets", "x"});
  CHECK(remote.exit_code == 2);
  CHECK(remote.err.find("counts facets by incident on local indexes only") != std::string::npos);
}
