// The searcher analysts live in: query language, snippets, partial matches, sorting,
// grouping, similar notices, whole notices, output for tools.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "cli.h"
#include "json_schema.h"

using namespace kaiji::e2e;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string id_of(const std::string& query) { return search_json({query}).at("results").at(0).at("id"); }

std::u32string to_u32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += c;
    i += n;
  }
  return out;
}

}  // namespace

TEST_CASE("query language: OR, exclusion, NOT, phrases, parentheses, title: and org:") {
  const auto scam = search_json({"--limit", "50", "サポート詐欺"}).at("total").get<int>();
  const auto mis = search_json({"--limit", "50", "誤送信"}).at("total").get<int>();
  CHECK(search_json({"誤送信 OR サポート詐欺"}).at("total") == scam + mis);

  const auto no_univ = orgs(search_json({"--limit", "50", "サポート詐欺 -大学"}));
  CHECK_FALSE(contains(no_univ, "杏林大学"));
  CHECK(contains(no_univ, "ウエルシア薬局株式会社"));
  CHECK(orgs(search_json({"--limit", "50", "懲戒処分 NOT 大学"})) ==
        orgs(search_json({"--limit", "50", "懲戒処分 -大学"})));
  CHECK_FALSE(contains(orgs(search_json({"--limit", "50", "懲戒処分 NOT 大学"})), "秋田大学"));

  const auto grouped = orgs(search_json({"--limit", "50", "(誤送信 OR 懲戒処分) 氏名"}));
  CHECK(contains(grouped, "岡垣町"));
  CHECK_FALSE(contains(grouped, "株式会社倉業サービス"));

  // Named: a range-for over a member of a temporary would read a destroyed object.
  const nlohmann::json disciplinary = search_json({"--limit", "50", "title:懲戒"});
  REQUIRE_FALSE(disciplinary.at("results").empty());
  for (const auto& hit : disciplinary.at("results")) {
    CHECK(hit.at("title").get<std::string>().find("懲戒") != std::string::npos);
  }
  const auto universities = orgs(search_json({"--limit", "50", "org:大学"}));
  CHECK(universities.size() == 3);
  for (const auto& o : universities) CHECK(o.find("大学") != std::string::npos);
}

TEST_CASE("query language: bad syntax says what and where, exit code 2") {
  struct Case {
    const char* query;
    const char* message;
  };
  for (const Case c : {Case{"漏えい \"未完", "column 5: unclosed quote"}, Case{"(漏えい", "column 1: unclosed '('"},
                       Case{"漏えい OR", "column 5: OR needs a word after it"},
                       Case{"year:abc", "column 6: year:abc: a year is four digits"}}) {
    const auto r = run("kaiji-searcher", {"--db", corpus_index(), c.query});
    INFO(c.query << " → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("snippets: highlights are character offsets into the snippet, on the text as written") {
  const auto r = search_json({"--no-synonyms", "漏洩", "委託先"});
  bool saw_variant = false;
  for (const auto& hit : r.at("results")) {
    const std::u32string snippet = to_u32(hit.at("snippet"));
    for (const auto& h : hit.at("highlights")) {
      const std::size_t begin = h.at(0), end = h.at(1);
      REQUIRE(end <= snippet.size());
      REQUIRE(begin < end);
      const std::u32string marked = snippet.substr(begin, end - begin);
      saw_variant = saw_variant || marked == U"漏えい";
    }
  }
  CHECK(saw_variant);  // the query said 漏洩, the notice said 漏えい
}

TEST_CASE("partial matches: when no notice has every word, the best partial matches, marked") {
  const auto full = search_json({"ダンダダン"});
  CHECK(full.at("partial") == false);
  CHECK(full.at("results").at(0).at("match") == "all");

  const auto r = search_json({"--limit", "20", "ダンダダン", "懲戒処分"});
  CHECK(r.at("partial") == true);
  REQUIRE(r.at("results").size() >= 2);
  const auto o = orgs(r);
  CHECK(contains(o, "株式会社ダンダダン"));
  CHECK(contains(o, "岡垣町"));
  for (const auto& hit : r.at("results")) {
    CHECK(hit.at("match") == "partial");
    CHECK(hit.at("matched_words") == 1);
  }
  // Counting only (--limit 0), or a page past the end, gives the same answer.
  for (const std::string offset : {"0", "500"}) {
    const auto counted = search_json({"--limit", offset == "0" ? "0" : "10", "--offset", offset, "ダンダダン", "懲戒処分"});
    INFO("offset " << offset);
    CHECK(counted.at("partial") == true);
    CHECK(counted.at("total") == r.at("total"));
  }
  const auto text = run("kaiji-searcher", {"--db", corpus_index(), "ダンダダン", "懲戒処分"});
  CHECK(text.out.find("No notice contains every word") != std::string::npos);
  CHECK(text.out.find("[partial: 1 of 2 words]") != std::string::npos);
}

TEST_CASE("sorting: by date and by affected, either way, and relevance only best first") {
  auto dates = [](const nlohmann::json& r) {
    std::vector<std::string> out;
    for (const auto& hit : r.at("results")) {
      if (!hit.at("date").is_null()) out.push_back(hit.at("date"));
    }
    return out;
  };
  const auto newest = dates(search_json({"--sort", "date", "--limit", "30", "漏えい"}));
  CHECK(std::is_sorted(newest.rbegin(), newest.rend()));
  const auto oldest = dates(search_json({"--sort", "date:asc", "--limit", "30", "漏えい"}));
  CHECK(std::is_sorted(oldest.begin(), oldest.end()));
  // The oldest dated notice. (2023-449 prints no date of its own: the 2023-08-10 in its
  // first line is the date of the notice it follows up, so it is undated and sorts last.)
  CHECK(oldest.front() == "2024-07-26");

  const auto by_size = search_json({"--sort", "affected", "--limit", "3"});
  CHECK(by_size.at("sort") == "affected");
  CHECK(orgs(by_size).at(0) == "株式会社アイリックコーポレーション");  // 約 7.2 万件
  CHECK(search_json({"--sort", "affected:asc", "--limit", "1"}).at("results").at(0).at("affected") == 2);

  const auto bad = run("kaiji-searcher", {"--db", corpus_index(), "--sort", "relevance:asc", "漏えい"});
  CHECK(bad.exit_code == 2);
  const auto unknown = run("kaiji-searcher", {"--db", corpus_index(), "--sort", "size", "漏えい"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("relevance, date or affected") != std::string::npos);
}

TEST_CASE("grouping: one result per incident, with how many notices it holds") {
  const auto r = search_json({"--group", "incident", "--limit", "20", "ランサムウェア", "委託先"});
  CHECK(r.at("grouped") == true);
  std::set<std::string> incidents;
  bool iseto_once = false;
  for (const auto& hit : r.at("results")) {
    const std::string incident = hit.at("incident");
    if (!incident.empty()) CHECK(incidents.insert(incident).second);  // each incident once
    if (incident == "2024-217") iseto_once = hit.at("group_count") == 2;
  }
  CHECK(iseto_once);  // the イセトー case: 東海信金ビジネス and 静清信用金庫
  const auto ungrouped = search_json({"--limit", "20", "ランサムウェア", "委託先"});
  CHECK(r.at("results").size() == ungrouped.at("results").size() - 1);
}

TEST_CASE("--like: notices similar to a given one") {
  const auto r = search_json({"--like", id_of("東海信金ビジネス")});
  const auto o = orgs(r);
  REQUIRE(o.size() >= 3);
  CHECK(contains({o.begin(), o.begin() + 3}, "静清信用金庫"));
  CHECK_FALSE(contains(o, "株式会社東海信金ビジネス"));  // not itself
  // A query narrows the similar notices.
  const nlohmann::json similar_finance = search_json({"--like", id_of("東海信金ビジネス"), "sector:finance"});
  REQUIRE_FALSE(similar_finance.at("results").empty());
  for (const auto& hit : similar_finance.at("results")) {
    CHECK(hit.at("sector") == "finance");
  }
  const auto missing = run("kaiji-searcher", {"--db", corpus_index(), "--like", "no-such-id"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no notice with id no-such-id") != std::string::npos);
}

TEST_CASE("--show: the whole notice with its metadata") {
  const std::string id = id_of("岡垣町");
  const auto text = run("kaiji-searcher", {"--db", corpus_index(), "--show", id});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("岡垣町職員の懲戒処分について") != std::string::npos);
  CHECK(text.out.find("labels:       最終報告, インシデント:内部犯行") != std::string::npos);
  CHECK(text.out.find("町民の皆様の信頼回復に努めてまいります。") != std::string::npos);  // the last line of the body
  const auto json = run("kaiji-searcher", {"--db", corpus_index(), "--show", id, "--json"});
  const auto notice = nlohmann::json::parse(json.out);
  CHECK(notice.at("id") == id);
  CHECK(notice.at("body").get<std::string>().find("停職6月") != std::string::npos);
}

TEST_CASE("output for tools: JSON Lines and CSV") {
  const auto jsonl = run("kaiji-searcher", {"--db", corpus_index(), "--jsonl", "--limit", "4", "漏えい"});
  REQUIRE(jsonl.exit_code == 0);
  std::istringstream lines(jsonl.out);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) CHECK(nlohmann::json::parse(line).at("rank") == count + 1);
  CHECK(count == 4);

  const auto csv = run("kaiji-searcher", {"--db", corpus_index(), "--csv", "--limit", "3", "漏えい"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.starts_with("rank,score,match,group_count,id,incident,org,title,date,"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 4);
  const auto bom = run("kaiji-searcher", {"--db", corpus_index(), "--csv", "--bom", "--limit", "1", "漏えい"});
  CHECK(bom.out.starts_with("\xEF\xBB\xBFrank,"));
  CHECK(run("kaiji-searcher", {"--db", corpus_index(), "--json", "--csv", "漏えい"}).exit_code == 2);
}

TEST_CASE("output for tools: real JSON output conforms to docs/search-output.schema.json") {
  std::ifstream in(std::string(KAIJI_SOURCE_DIR) + "/docs/search-output.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in);
  const std::vector<std::vector<std::string>> requests = {
      {"ランサムウェア"},
      {"--facets"},
      {"--facets", "--group", "incident", "ランサムウェア", "委託先"},
      {"ダンダダン", "懲戒処分"},
      {"--like", id_of("東海信金ビジネス")},
      {"--sort", "affected:asc", "cause:insider"},
      {"存在しない語句"},
  };
  for (const auto& request : requests) {
    const auto output = search_json(request);
    const auto violations = schema_violations(schema, output);
    INFO(request.back() << ": " << (violations.empty() ? "" : violations.front()));
    CHECK(violations.empty());
  }
  // A deliberately broken document is caught, so the check can fail.
  auto broken = search_json({"ランサムウェア"});
  broken["results"][0].erase("org");
  CHECK_FALSE(schema_violations(schema, broken).empty());
}

TEST_CASE("limits: huge queries and thousands of OR terms are bounded, not hangs") {
  const auto huge = run("kaiji-searcher", {"--db", corpus_index(), std::string(20000, 'a')});
  CHECK(huge.exit_code == 2);
  CHECK(huge.err.find("at most 10000") != std::string::npos);
  std::string many;
  for (int k = 0; k < 1000; ++k) many += (k ? " OR " : "") + std::string("語") + std::to_string(k);
  const auto ors = run("kaiji-searcher", {"--db", corpus_index(), "--json", many});
  CHECK(ors.exit_code == 0);
  CHECK(search_json({"--limit", "10000", "漏えい"}).at("results").size() <= 28);
}

TEST_CASE("evidence: --show --explain says which dict/ line set each field and what it matched; --json carries it") {
  const std::string id = id_of("東海信金ビジネス");
  const auto text = run("kaiji-searcher", {"--db", corpus_index(), "--show", id, "--explain"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("evidence (why each field has its value):") != std::string::npos);
  CHECK(text.out.find("dict/sector_words.tsv:") != std::string::npos);
  CHECK(text.out.find("dict/classification_rules.tsv:") != std::string::npos);

  const auto shown = run("kaiji-searcher", {"--db", corpus_index(), "--show", id, "--json"});
  REQUIRE(shown.exit_code == 0);
  const nlohmann::json notice = nlohmann::json::parse(shown.out);
  std::ifstream in(std::string(KAIJI_SOURCE_DIR) + "/docs/search-output.schema.json");
  nlohmann::json schema = nlohmann::json::parse(in);
  schema["$ref"] = "#/$defs/shown_notice";
  const auto violations = schema_violations(schema, notice);
  INFO((violations.empty() ? "" : violations.front()));
  CHECK(violations.empty());
  // The sector's evidence names the line that set it, and that line gives that sector.
  bool sector_seen = false;
  for (const auto& e : notice.at("evidence")) {
    if (e.at("field") != "sector") continue;
    sector_seen = true;
    CHECK(e.at("value") == notice.at("sector"));
    const std::string rule = e.at("rule");
    const std::size_t colon = rule.rfind(':');
    std::ifstream table(std::string(KAIJI_SOURCE_DIR) + "/" + rule.substr(0, colon));
    std::string line;
    for (int n = std::stoi(rule.substr(colon + 1)); n > 0; --n) std::getline(table, line);
    CHECK(line.starts_with(notice.at("sector").get<std::string>() + "\t"));
  }
  CHECK(sector_seen);
  CHECK(run("kaiji-searcher", {"--db", corpus_index(), "--explain", "漏えい"}).exit_code == 2);
}
