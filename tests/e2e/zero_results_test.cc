// A search that finds nothing is never a dead end: a misspelt word is corrected from the
// index's spelling data (did you mean), and a filtered search says which filter to drop.
// The real binaries on the bundled corpus.
#include <doctest/doctest.h>

#include <fstream>

#include "cli.h"
#include "json_schema.h"

using namespace kaiji::e2e;

namespace {

std::vector<std::string> top_ids(const nlohmann::json& response, std::size_t n) {
  std::vector<std::string> ids;
  for (const auto& hit : response.at("results")) {
    if (ids.size() < n) ids.push_back(hit.at("id"));
  }
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The id of the notice a query finds first.
std::string first_id(const std::string& query) { return search_json({query}).at("results").at(0).at("id"); }

std::size_t total_of(const std::string& query) { return search_json({query}).at("total"); }

nlohmann::json output_schema() {
  std::ifstream in(std::string(KAIJI_SOURCE_DIR) + "/docs/search-output.schema.json");
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("did you mean: a one-character typo finds the notice it meant, saying so") {
  const std::string scam = first_id("ウエルシア薬局 サポート詐欺");
  const nlohmann::json typo = search_json({"サポート詐偽"});
  CHECK(typo.at("query") == "サポート詐偽");
  CHECK(typo.at("suggestion") == "サポート詐欺");
  CHECK(typo.at("total") == total_of("サポート詐欺"));
  CHECK(has(top_ids(typo, 3), scam));

  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "サポート詐偽"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.starts_with("もしかして: サポート詐欺"));
  CHECK(text.out.find("notices for サポート詐欺\n") != std::string::npos);
}

TEST_CASE("did you mean: a hiragana loanword is tried in katakana first") {
  const nlohmann::json kana = search_json({"さぽーと詐欺"});
  CHECK(kana.at("suggestion") == "サポート詐欺");
  CHECK(kana.at("total") == total_of("サポート詐欺"));
}

TEST_CASE("did you mean: only the word that matches nothing is corrected, the others kept") {
  const nlohmann::json two = search_json({"ウエルシア サポート詐偽"});
  CHECK(two.at("suggestion") == "ウエルシア サポート詐欺");
  CHECK(two.at("partial") == false);
  CHECK(top_ids(two, 1) == top_ids(search_json({"ウエルシア サポート詐欺"}), 1));
}

TEST_CASE("did you mean: no suggestion for a query that finds its own notices, or for words no notice has") {
  CHECK(search_json({"サポート詐欺"}).at("suggestion").is_null());
  // Words of a topic the corpus lacks: nothing near enough to correct them to.
  CHECK(search_json({"暗号資産 取引所"}).at("suggestion").is_null());
  for (const std::string query : {"取引所", "存在しない語句", "ブロックチェーン"}) {
    INFO(query);
    const nlohmann::json answer = search_json({query});
    CHECK(answer.at("suggestion").is_null());
    CHECK(answer.at("total") == 0);  // still no results: not "corrected" into something else
  }
  // A filter that leaves nothing is not a spelling problem.
  CHECK(search_json({"サポート詐欺 year:2019"}).at("suggestion").is_null());
}

TEST_CASE("zero results: each filter dropped alone, with what the search finds without it") {
  const nlohmann::json none = search_json({"ランサムウェア sector:finance year:2023"});
  REQUIRE(none.at("total") == 0);
  const nlohmann::json& drops = none.at("relaxations");
  REQUIRE(drops.size() == 2);
  CHECK(drops[0].at("drop") == "sector:finance");
  CHECK(drops[0].at("total") == total_of("ランサムウェア year:2023"));
  CHECK(drops[1].at("drop") == "year:2023");
  CHECK(drops[1].at("total") == total_of("ランサムウェア sector:finance"));
  CHECK(drops[1].at("total").get<int>() > 0);

  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "ランサムウェア sector:finance year:2023"});
  REQUIRE(text.exit_code == 0);
  const std::string without_year = "without year:2023: " + std::to_string(drops[1].at("total").get<int>()) + " notice";
  CHECK(text.out.find(without_year) != std::string::npos);
  CHECK(text.out.find("without sector:finance: ") != std::string::npos);

  // Found something, or no filter to drop: no relaxations.
  CHECK_FALSE(search_json({"ランサムウェア sector:finance"}).contains("relaxations"));
  CHECK_FALSE(search_json({"存在しない語句"}).contains("relaxations"));
}

TEST_CASE("zero results: suggestion and relaxations conform to docs/search-output.schema.json") {
  const nlohmann::json schema = output_schema();
  for (const std::string query : {"サポート詐偽", "ランサムウェア sector:finance year:2023", "サポート詐欺"}) {
    const nlohmann::json output = search_json({query});
    const auto violations = schema_violations(schema, output);
    INFO(query << ": " << (violations.empty() ? "" : violations.front()));
    CHECK(violations.empty());
  }
  nlohmann::json broken = search_json({"ランサムウェア sector:finance year:2023"});
  broken["relaxations"][0].erase("total");
  CHECK_FALSE(schema_violations(schema, broken).empty());
  broken = search_json({"サポート詐偽"});
  broken["suggestion"] = 1;
  CHECK_FALSE(schema_violations(schema, broken).empty());
}

TEST_CASE("did you mean: an update in place adds the new notices' words to the spelling data") {
  const std::string dir = indexed_corpus_copy("spelling-update");
  write_file(dir + "/corpus/added.jsonl",
             R"({"id": "added-1", "title": "ゼロトラスト移行計画の不備について", "body": "当社のゼロトラスト移行計画に不備があり、顧客情報が閲覧可能な状態でした。"})"
             "\n");
  REQUIRE(run("kaiji-indexer", {"--quiet", "--db", dir + "/db", dir + "/corpus"}).exit_code == 0);
  const CommandResult found = run("kaiji-searcher", {"--db", dir + "/db", "--json", "ゼロトラスト移行計面"});
  REQUIRE(found.exit_code == 0);
  const nlohmann::json answer = nlohmann::json::parse(found.out);
  CHECK(answer.at("suggestion") == "ゼロトラスト移行計画");
  CHECK(top_ids(answer, 1) == std::vector<std::string>{"added-1"});
}
