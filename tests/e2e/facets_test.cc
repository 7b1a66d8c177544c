// Facets analysts browse by: counts, filters, browsing without words.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

// The filter that selects one value of a facet.
std::string filter_for(const std::string& facet, const std::string& value) {
  const bool quote = value.find(' ') != std::string::npos;
  return facet + ":" + (quote ? "\"" + value + "\"" : value);
}

void check_counts_match_filters(const std::string& query) {
  std::vector<std::string> args = {"--facets", "--limit", "1"};
  if (!query.empty()) args.push_back(query);
  const auto r = search_json(args);
  REQUIRE(r.contains("facets"));
  std::size_t checked = 0;
  for (const auto& [facet, counts] : r.at("facets").items()) {
    for (const auto& [value, count] : counts.items()) {
      const std::string filter = filter_for(facet, value);
      const auto filtered = search_json({"--limit", "1", query.empty() ? filter : query + " " + filter});
      INFO(query << " " << filter);
      CHECK(filtered.at("total") == count);
      ++checked;
    }
  }
  CHECK(checked >= 20);
}

}  // namespace

TEST_CASE("facets: every count equals the number of results its filter gives (whole corpus)") {
  check_counts_match_filters("");
}

TEST_CASE("facets: counts for a query cover all its matches, not just the page shown") {
  const auto r = search_json({"--facets", "--limit", "1", "ランサムウェア"});
  CHECK(r.at("results").size() == 1);
  CHECK(r.at("facets").at("cause").at("ransomware") == 6);
  CHECK(r.at("facets").at("sector").at("finance") == 3);
  check_counts_match_filters("漏えい");
}

TEST_CASE("facets: an empty query with --facets browses everything, newest first") {
  const auto r = search_json({"--facets", "--limit", "30"});
  CHECK(r.at("total") == 28);
  CHECK(r.at("sort") == "date");
  std::string previous = "9999-99-99";
  for (const auto& hit : r.at("results")) {
    if (hit.at("date").is_null()) continue;  // undated notices come last
    CHECK(hit.at("date").get<std::string>() <= previous);
    previous = hit.at("date").get<std::string>();
  }
  // Multi-valued facets count a notice once per value.
  std::size_t cause_total = 0;
  for (const auto& [value, count] : r.at("facets").at("cause").items()) cause_total += count.get<std::size_t>();
  CHECK(cause_total > 28);
}

TEST_CASE("facets: filters alone browse newest first, and slugs and Japanese display names both work") {
  const auto slug = search_json({"cause:ransomware"});
  const auto display = search_json({"cause:ランサムウェア"});
  CHECK(slug.at("total") == 6);
  CHECK(slug.at("results") == display.at("results"));
  CHECK(slug.at("sort") == "date");
  CHECK(slug.at("results").at(0).at("org") == "静清信用金庫");  // 2024-11-18, the newest of the six

  CHECK(search_json({"sector:finance", "year:2024"}).at("total") == 3);
  CHECK(orgs(search_json({"year:2022..2023"})) == std::vector<std::string>{"一般財団法人日本情報経済社会推進協会"});
  CHECK(search_json({"date:2024-06-01..2024-09-30"}).at("total") == 8);
  CHECK(search_json({"affected:>=10000"}).at("total") == 5);
  CHECK(search_json({"affected:1000..50000"}).at("total") == 7);
  CHECK(orgs(search_json({"data:card_number"})) == std::vector<std::string>{"株式会社銀時"});
  CHECK(search_json({"label:最終報告"}).at("total") == 7);
  CHECK(search_json({"incident:2024-217"}).at("total") == 2);
  CHECK(search_json({"outcome:not_leaked"}).at("total") == 2);
  CHECK(search_json({"cause_family:insider", "-cause:unauthorized_browsing"}).at("total") == 5);
}

TEST_CASE("facets: words and filters together rank by relevance within the filter") {
  const auto r = search_json({"漏えい", "sector:education"});
  CHECK(r.at("sort") == "relevance");
  for (const auto& hit : r.at("results")) CHECK(hit.at("sector") == "education");
}

TEST_CASE("facets: every result carries its facets") {
  const auto r = search_json({"東海信金ビジネス"});
  const auto& hit = r.at("results").at(0);
  CHECK(hit.at("causes") == nlohmann::json::array({"ransomware", "unauthorized_access", "contractor"}));
  CHECK(hit.at("cause_families") == nlohmann::json::array({"cyber"}));
  CHECK(hit.at("sector") == "finance");
  CHECK(hit.at("year") == 2024);
  CHECK(hit.at("affected") == 69403);
  CHECK(hit.at("data") == nlohmann::json::array({"name"}));
  CHECK(hit.at("outcome") == "leaked");
  CHECK(hit.at("release_dates") == nlohmann::json::array({"2024-07-05"}));
}

TEST_CASE("facets: unknown facet names and values are clear errors listing the valid ones") {
  const auto value = run("kaiji-searcher", {"--db", corpus_index(), "cause:ransomwear"});
  CHECK(value.exit_code == 2);
  CHECK(value.err.find("unknown value; valid: ransomware (ランサムウェア), malware (マルウェア感染)") != std::string::npos);
  CHECK(value.err.find("contractor (委託先経由)") != std::string::npos);
  CHECK(value.err.find("kaiji-searcher --list-facets") != std::string::npos);
  const auto sector = run("kaiji-searcher", {"--db", corpus_index(), "sector:banking"});
  CHECK(sector.exit_code == 2);
  CHECK(sector.err.find("finance (金融・保険)") != std::string::npos);
  const auto name = run("kaiji-searcher", {"--db", corpus_index(), "colour:red"});
  CHECK(name.exit_code == 2);
  CHECK(name.err.find("valid fields: title:, org:, cause:") != std::string::npos);
  const auto year = run("kaiji-searcher", {"--db", corpus_index(), "year:abc"});
  CHECK(year.exit_code == 2);
  CHECK(year.err.find("year:2022..2024") != std::string::npos);
}

TEST_CASE("facets: the text output shows counts with Japanese display names") {
  const auto r = run("kaiji-searcher", {"--db", corpus_index(), "--facets", "--limit", "1", "ランサムウェア"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("ランサムウェア 6") != std::string::npos);
  CHECK(r.out.find("金融・保険 3") != std::string::npos);
}
