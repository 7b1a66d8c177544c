// Issue 19: every answer the searcher gives is right, or says why not (negated filters,
// reversed ranges, …), on the bundled corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

std::set<std::string> id_set(const nlohmann::json& response) {
  std::set<std::string> out;
  for (const auto& hit : response.at("results")) out.insert(hit.at("id").get<std::string>());
  return out;
}

// Every notice matching the query, by id.
std::set<std::string> all_ids(const std::string& query) { return id_set(search_json({"--limit", "10000", query})); }

CommandResult searcher(std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", corpus_index()});
  return run("kaiji-searcher", args);
}

}  // namespace

TEST_CASE("negated filters on their own: every notice except the excluded ones") {
  const std::set<std::string> everything = all_ids("");
  REQUIRE(everything.size() == 28);
  struct Case {
    const char* negated;
    const char* positive;
    std::size_t expected;
  };
  for (const Case c : {Case{"-cause:ransomware", "cause:ransomware", 22}, Case{"NOT cause:ransomware", "cause:ransomware", 22},
                       Case{"-sector:finance", "sector:finance", 24}, Case{"(-cause:ransomware)", "cause:ransomware", 22}}) {
    INFO(c.negated);
    const std::set<std::string> kept = all_ids(c.negated), excluded = all_ids(c.positive);
    CHECK(kept.size() == c.expected);
    CHECK(kept.size() + excluded.size() == everything.size());
    for (const std::string& id : excluded) CHECK(kept.count(id) == 0);
  }
  const nlohmann::json without_ransomware = search_json({"--limit", "100", "-cause:ransomware"});
  REQUIRE_FALSE(without_ransomware.at("results").empty());
  for (const auto& hit : without_ransomware.at("results")) {
    for (const auto& cause : hit.at("causes")) CHECK(cause != "ransomware");
  }
}

TEST_CASE("reversed ranges are a usage error naming the range") {
  for (const std::string range : {"year:2024..2022", "date:2024-12-31..2024-01-01", "affected:50000..1000"}) {
    const CommandResult r = searcher({"漏えい", range});
    INFO(range << " → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(range + ": the range starts after it ends") != std::string::npos);
    CHECK(r.out.empty());
  }
  // The same ranges the right way round, and open or single-valued ones, still answer.
  CHECK(search_json({"year:2022..2024"}).at("total") == 26);
  CHECK(search_json({"affected:1000..50000"}).at("total") == 7);
  CHECK(search_json({"year:2024..2024"}).at("total") == search_json({"year:2024"}).at("total"));
}

TEST_CASE("a query of only particles, stop words or punctuation is refused, not answered with everything") {
  for (const std::string query : {"の は が", "、。！", "-の", "(の) OR (が)"}) {
    const CommandResult r = searcher({"--", query});
    INFO(query << " → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("nothing to search for in '" + query + "'") != std::string::npos);
    CHECK(r.out.empty());
  }
  // Beside a word or a filter a particle is only dropped.
  CHECK(search_json({"の", "cause:ransomware"}).at("total") == 6);
  CHECK(search_json({"ランサムウェア", "の"}).at("total") == search_json({"ランサムウェア"}).at("total"));
}

TEST_CASE("repeated words are matched once: the same notices and scores as the word alone") {
  const auto once = search_json({"懲戒処分"});
  std::vector<std::string> repeated(300, "懲戒処分");
  const auto many = search_json(repeated);
  CHECK(many.at("total") == once.at("total"));
  REQUIRE(many.at("results").size() == once.at("results").size());
  for (std::size_t i = 0; i < once.at("results").size(); ++i) {
    CHECK(many.at("results").at(i).at("id") == once.at("results").at(i).at("id"));
    CHECK(many.at("results").at(i).at("score") == once.at("results").at(i).at("score"));
  }
  // Spellings that analyse alike count as one word of a partial match.
  const auto partial = search_json({"ダンダダン", "懲戒処分", "懲戒処分", "ダンダダン"});
  REQUIRE(partial.at("partial") == true);
  const auto text = searcher({"ダンダダン", "懲戒処分", "懲戒処分"});
  CHECK(text.out.find("[partial: 1 of 2 words]") != std::string::npos);
}

TEST_CASE("option combinations that cannot work, negative numbers, empty ids and a repeated --db are refused") {
  const std::string show_id = search_json({"--limit", "1"}).at("results").at(0).at("id");
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const std::vector<Case> cases = {
      {{"--limit", "-1", "漏えい"}, "--limit takes a whole number from 0, not '-1'"},
      {{"--offset", "-1", "漏えい"}, "--offset takes a whole number from 0, not '-1'"},
      {{"--limit=-5"}, "--limit takes a whole number from 0, not '-5'"},
      {{"--limit", "ten"}, "--limit takes a whole number from 0, not 'ten'"},
      {{"--show", ""}, "--show needs a notice id"},
      {{"--like", ""}, "--like needs a notice id"},
      {{"--db", corpus_index()}, "names an index given already"},
      {{"--db", corpus_index() + "/."}, "names an index given already"},
      {{"--csv", "--facets", "漏えい"}, "--facets counts go to the text or --json output; --csv"},
      {{"--jsonl", "--facets"}, "--facets counts go to the text or --json output; --jsonl"},
      {{"--show", show_id, "--csv"}, "--show prints one whole notice; it does not take --csv"},
      {{"--show", show_id, "--facets"}, "it does not take --facets"},
      {{"--show", show_id, "漏えい"}, "it does not take a query"},
      {{"--show", show_id, "--limit", "5"}, "it does not take --limit"},
      {{"--show", show_id, "--like", show_id}, "it does not take --like"},
      {{"--bom", "--json"}, "--bom goes with --csv"},
  };
  for (const Case& c : cases) {
    const CommandResult r = searcher(c.args);
    INFO(c.args.front() << " … → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.out.empty());
  }
  // What does go together still works: --show with --jsonl is the notice on one line.
  const CommandResult line = searcher({"--show", show_id, "--jsonl"});
  CHECK(line.exit_code == 0);
  CHECK(nlohmann::json::parse(line.out).at("id") == show_id);
  CHECK(std::count(line.out.begin(), line.out.end(), '\n') == 1);
}

TEST_CASE("text output: which results of how many, the option for the next page, thousands separators") {
  const CommandResult first = searcher({"漏えい"});
  CHECK(first.out.starts_with("1–10 of 23 notices for 漏えい\n"));
  CHECK(first.out.find("Next page: --offset 10 (results 11–20 of 23)") != std::string::npos);
  const CommandResult last = searcher({"--offset", "20", "漏えい"});
  CHECK(last.out.starts_with("21–23 of 23 notices for 漏えい\n"));
  CHECK(last.out.find("Next page") == std::string::npos);
  CHECK(searcher({"--offset", "22", "漏えい"}).out.starts_with("23 of 23 notices for 漏えい\n"));
  CHECK(searcher({"--offset", "500", "漏えい"}).out.starts_with("23 notices for 漏えい; none past result 500"));
  // A page holding every result says only how many; so does counting (--limit 0).
  CHECK(searcher({"ダンダダン"}).out.starts_with("1 notice for ダンダダン\n"));
  CHECK(searcher({"--limit", "0", "漏えい"}).out == "23 notices for 漏えい\n");

  const CommandResult biggest = searcher({"--sort", "affected", "--limit", "1"});
  CHECK(biggest.out.starts_with("1 of 28 notices, sorted by affected\n"));
  CHECK(biggest.out.find("対象 72,000") != std::string::npos);
  const std::string id = search_json({"--sort", "affected", "--limit", "1"}).at("results").at(0).at("id");
  CHECK(searcher({"--show", id}).out.find("affected:     72,000\n") != std::string::npos);
}
