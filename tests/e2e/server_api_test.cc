// kaiji-server's JSON API over HTTP on loopback, against the bundled corpus: the same
// answers as kaiji-searcher, disjunctive facets, errors as JSON, the export.
#include <doctest/doctest.h>

#include <codecvt>
#include <fstream>
#include <locale>
#include <set>

#include "cli.h"
#include "json_schema.h"
#include "server_process.h"

namespace kaiji::e2e {
namespace {

ServerProcess& corpus_server() {
  static ServerProcess server;
  return server;
}

nlohmann::json api(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params) {
  const HttpAnswer answer = corpus_server().get(with_query(path, params));
  INFO(path << " → " << answer.status << " " << answer.body);
  REQUIRE(answer.status == 200);
  CHECK(answer.header("Content-Type") == "application/json; charset=utf-8");
  return answer.json();
}

// The counts of one facet of an API response, by value.
std::map<std::string, int> facet_counts(const nlohmann::json& response, const std::string& facet) {
  std::map<std::string, int> out;
  for (const auto& value : response.at("facets").at(facet)) out[value.at("value")] = value.at("count");
  return out;
}

nlohmann::json error_of(const HttpAnswer& answer, int status) {
  INFO(answer.body);
  REQUIRE(answer.status == status);
  CHECK(answer.header("Content-Type") == "application/json; charset=utf-8");
  const nlohmann::json body = answer.json();
  REQUIRE(body.contains("error"));
  CHECK(body["error"]["message"].get<std::string>().size() > 0);
  return body["error"];
}

nlohmann::json api_schema() {
  std::ifstream in(std::string(KAIJI_SOURCE_DIR) + "/docs/http-api.schema.json");
  return nlohmann::json::parse(in);
}

void check_conforms(const nlohmann::json& instance, const std::string& definition) {
  nlohmann::json schema = api_schema();
  schema["$ref"] = "#/$defs/" + definition;
  const std::vector<std::string> violations = schema_violations(schema, instance);
  for (const std::string& v : violations) INFO(v);
  CHECK_MESSAGE(violations.empty(), definition << ": " << (violations.empty() ? "" : violations.front()));
}

}  // namespace

TEST_CASE("server: a search answers the command line's notices in the same order, with paging and timing") {
  const nlohmann::json cli = search_json({"ランサムウェア"});
  const nlohmann::json http = api("/api/v1/search", {{"q", "ランサムウェア"}, {"limit", "10"}});
  CHECK(result_ids(http) == result_ids(cli));
  CHECK(http["total"] == cli["total"]);
  CHECK(http["offset"] == 0);
  CHECK(http["limit"] == 10);
  CHECK(http["took_ms"].get<double>() >= 0);
  const nlohmann::json second = api("/api/v1/search", {{"q", "ランサムウェア"}, {"limit", "2"}, {"offset", "2"}});
  const std::vector<std::string> all = result_ids(cli);
  REQUIRE(all.size() >= 4);
  CHECK(result_ids(second) == std::vector<std::string>{all[2], all[3]});
}

TEST_CASE("server: POST takes the same search as a JSON body") {
  const nlohmann::json got = api("/api/v1/search", {{"q", "漏えい"}, {"filter", "cause:misdelivery"}, {"sort", "date"}});
  const HttpAnswer posted = corpus_server().post_json(
      "/api/v1/search", R"({"q": "漏えい", "filter": ["cause:misdelivery"], "sort": "date", "facets": false})");
  REQUIRE(posted.status == 200);
  CHECK(result_ids(posted.json()) == result_ids(got));
  CHECK(posted.json()["sort"] == "date");
}

TEST_CASE("server: facets are counted disjunctively, as ordered arrays with Japanese labels") {
  const nlohmann::json unfiltered = api("/api/v1/search", {{"facets", "1"}});
  const nlohmann::json finance = api("/api/v1/search", {{"facets", "1"}, {"filter", "sector:finance"}});
  const std::map<std::string, int> sectors = facet_counts(unfiltered, "sector");
  REQUIRE(sectors.size() > 2);
  // Choosing 金融・保険 still lists every other sector with its count…
  CHECK(facet_counts(finance, "sector") == sectors);
  CHECK(finance["total"] == sectors.at("finance"));
  // …while the other facets count only the finance notices.
  int finance_outcomes = 0;
  for (const auto& [value, count] : facet_counts(finance, "outcome")) finance_outcomes += count;
  CHECK(finance_outcomes == sectors.at("finance"));
  bool finance_selected = false;
  for (const auto& value : finance["facets"]["sector"]) {
    CHECK(value["label"].get<std::string>().size() > 0);
    if (value["value"] == "finance") {
      finance_selected = value["selected"].get<bool>();
      CHECK(value["label"] == "金融・保険");
    } else {
      CHECK_FALSE(value["selected"].get<bool>());
    }
  }
  CHECK(finance_selected);
  // Most frequent first.
  int previous = 1 << 30;
  for (const auto& value : unfiltered["facets"]["cause"]) {
    CHECK(value["count"].get<int>() <= previous);
    previous = value["count"];
  }
  CHECK(finance["filters"] == nlohmann::json::parse(R"([{"facet":"sector","value":"finance","label":"金融・保険"}])"));
}

TEST_CASE("server: values of one facet are ORed, different facets ANDed, labels accepted as values") {
  const std::map<std::string, int> sectors = facet_counts(api("/api/v1/search", {{"facets", "1"}}), "sector");
  const nlohmann::json both = api("/api/v1/search", {{"filter", "sector:finance"}, {"filter", "sector:education"}});
  CHECK(both["total"] == sectors.at("finance") + sectors.at("education"));
  const nlohmann::json by_label = api("/api/v1/search", {{"filter", "sector:金融・保険"}});
  CHECK(by_label["total"] == sectors.at("finance"));
  const nlohmann::json anded = api("/api/v1/search", {{"filter", "sector:finance"}, {"filter", "cause:ransomware"}});
  const nlohmann::json cli = search_json({"sector:finance", "cause:ransomware", "--limit", "100"});
  CHECK(result_ids(anded) == result_ids(cli));
}

TEST_CASE("server: year and month histograms, and the month filter") {
  const nlohmann::json all = api("/api/v1/search", {{"facets", "1"}});
  const nlohmann::json& months = all["histograms"]["month"];
  REQUIRE(months.size() >= 2);
  for (std::size_t k = 1; k < months.size(); ++k) CHECK(months[k - 1]["value"] < months[k]["value"]);
  const std::string month = months[0]["value"];
  const int in_month = months[0]["count"];
  const nlohmann::json narrowed = api("/api/v1/search", {{"facets", "1"}, {"filter", "month:" + month}});
  CHECK(narrowed["total"] == in_month);
  CHECK(narrowed["histograms"]["month"] == [&] {  // the month filter lifted, the chosen month marked
    nlohmann::json marked = months;
    marked[0]["selected"] = true;
    return marked;
  }());
  // Every month falls in a year of the year histogram.
  std::set<std::string> years;
  for (const auto& year : all["histograms"]["year"]) years.insert(year["value"].get<std::string>());
  for (const auto& m : months) CHECK(years.contains(m["value"].get<std::string>().substr(0, 4)));
  CHECK(all["histograms"]["year"][0]["label"].get<std::string>().ends_with("年"));
}

TEST_CASE("server: highlights are also given in UTF-16 code units") {
  const nlohmann::json http = api("/api/v1/search", {{"q", "漏えい"}, {"limit", "5"}});
  std::wstring_convert<std::codecvt_utf8_utf16<char16_t>, char16_t> utf16;
  std::wstring_convert<std::codecvt_utf8<char32_t>, char32_t> utf32;
  std::size_t checked = 0;
  for (const auto& hit : http["results"]) {
    const std::u32string points = utf32.from_bytes(hit["snippet"].get<std::string>());
    const std::u16string units = utf16.from_bytes(hit["snippet"].get<std::string>());
    REQUIRE(hit["highlights"].size() == hit["highlights_utf16"].size());
    for (std::size_t k = 0; k < hit["highlights"].size(); ++k) {
      const auto& cp = hit["highlights"][k];
      const auto& cu = hit["highlights_utf16"][k];
      CHECK(utf16.to_bytes(units.substr(cu[0], cu[1].get<std::size_t>() - cu[0].get<std::size_t>())) ==
            utf32.to_bytes(points.substr(cp[0], cp[1].get<std::size_t>() - cp[0].get<std::size_t>())));
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("server: errors are JSON with their codes, never an HTML page") {
  const nlohmann::json syntax = error_of(corpus_server().get(with_query("/api/v1/search", {{"q", "漏えい (委託"}})), 400);
  CHECK(syntax["code"] == "query_syntax");
  CHECK(syntax["column"] == 5);
  const nlohmann::json unknown = error_of(corpus_server().get("/api/v1/notices/no-such-id"), 404);
  CHECK(unknown["code"] == "not_found");
  CHECK(error_of(corpus_server().get("/api/v1/notices/no-such-id/similar"), 404)["code"] == "not_found");
  CHECK(error_of(corpus_server().get("/no/such/page"), 404)["code"] == "not_found");
  const nlohmann::json filter = error_of(corpus_server().get("/api/v1/search?filter=sector:bogus"), 400);
  CHECK(filter["code"] == "bad_filter");
  CHECK(std::find(filter["valid"].begin(), filter["valid"].end(), "finance") != filter["valid"].end());
  CHECK(error_of(corpus_server().get("/api/v1/search?filter=colour:red"), 400)["code"] == "bad_filter");
  const nlohmann::json param = error_of(corpus_server().get("/api/v1/search?qq=x"), 400);
  CHECK(param["code"] == "bad_parameter");
  CHECK(error_of(corpus_server().get("/api/v1/search?limit=-1"), 400)["code"] == "bad_parameter");
  CHECK(error_of(corpus_server().post_json("/api/v1/search", "{not json"), 400)["code"] == "bad_parameter");
  CHECK(error_of(corpus_server().get("/api/v1/search?q=" + std::string(9000, 'a')), 414)["code"] == "uri_too_long");
  check_conforms({{"error", syntax}}, "error_response");
}

TEST_CASE("server: an oversized body is refused with 413") {
  ServerProcess small({"--max-body-bytes", "1000"});
  const std::string body = R"({"q": ")" + std::string(2000, 'a') + R"("})";
  const nlohmann::json error = error_of(small.post_json("/api/v1/search", body), 413);
  CHECK(error["code"] == "payload_too_large");
  CHECK(small.post_json("/api/v1/search", R"({"q": "漏えい"})").status == 200);
}

TEST_CASE("server: a notice, its similar notices, the taxonomy, stats and health") {
  const nlohmann::json first = api("/api/v1/search", {{"q", "ランサムウェア"}, {"limit", "1"}});
  const std::string id = first["results"][0]["id"];
  const nlohmann::json notice = api("/api/v1/notices/" + id, {});
  CHECK(notice == search_json({"--show", id}));
  check_conforms(notice, "notice");
  const nlohmann::json similar = api("/api/v1/notices/" + id + "/similar", {});
  CHECK(result_ids(similar) == result_ids(search_json({"--like", id, "--limit", "5"})));
  const nlohmann::json taxonomy = api("/api/v1/taxonomy", {});
  CHECK(taxonomy["facets"]["sector"][1] == nlohmann::json::parse(R"({"value":"finance","label":"金融・保険"})"));
  check_conforms(taxonomy, "taxonomy");
  const nlohmann::json stats = api("/api/v1/stats", {});
  CHECK(stats["notices"] == search_json({"--limit", "0"})["total"]);
  CHECK(stats["generations"].size() == 1);
  CHECK(stats["last_commit"].get<std::string>().size() == 20);
  check_conforms(stats, "stats");
  CHECK(api("/health", {})["status"] == "ok");
}

TEST_CASE("server: a misspelt word is corrected, and a search finding nothing says which filter to drop") {
  const nlohmann::json corrected = api("/api/v1/search", {{"q", "サポート詐偽"}});
  CHECK(corrected.at("suggestion") == "サポート詐欺");
  CHECK(result_ids(corrected) == result_ids(search_json({"サポート詐欺"})));
  // A filter beside the query is dropped like one in it.
  const nlohmann::json none = api("/api/v1/search", {{"q", "ランサムウェア year:2023"}, {"filter", "sector:finance"}});
  REQUIRE(none.at("total") == 0);
  REQUIRE(none.at("relaxations").size() == 2);
  CHECK(none["relaxations"][0] == nlohmann::json({{"drop", "year:2023"},
                                                  {"total", search_json({"ランサムウェア sector:finance"}).at("total")},
                                                  {"total_is_estimate", false}}));
  CHECK(none["relaxations"][1].at("drop") == "sector:finance");
  CHECK(none["relaxations"][1].at("total") == search_json({"ランサムウェア year:2023"}).at("total"));
}

TEST_CASE("server: search responses conform to docs/http-api.schema.json") {
  check_conforms(api("/api/v1/search", {{"q", "漏えい"}, {"facets", "1"}, {"filter", "sector:finance"}}), "search_response");
  check_conforms(api("/api/v1/search", {{"q", "漏えい 委託"}, {"group", "incident"}}), "search_response");
  check_conforms(api("/api/v1/search", {{"q", "ランサムウェア 存在しない語彙"}}), "search_response");  // partial
  check_conforms(api("/api/v1/search", {{"q", "サポート詐偽"}}), "search_response");  // did you mean
  check_conforms(api("/api/v1/search", {{"q", "ランサムウェア year:2023"}, {"filter", "sector:finance"}}),
                 "search_response");  // relaxations
  nlohmann::json broken = api("/api/v1/search", {{"facets", "1"}});
  broken["facets"]["sector"][0].erase("label");
  nlohmann::json schema = api_schema();
  schema["$ref"] = "#/$defs/search_response";
  CHECK_FALSE(schema_violations(schema, broken).empty());  // the schema can fail
}

TEST_CASE("server: the export holds every match, CSV as safe as the command line's, and JSON Lines") {
  const nlohmann::json cli = search_json({"--limit", "10000", "--sort", "date"});
  const HttpAnswer csv = corpus_server().get("/api/v1/export.csv?sort=date");
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  const CommandResult cli_csv = run("kaiji-searcher", {"--db", corpus_index(), "--csv", "--limit", "10000", "--sort", "date"});
  CHECK(csv.body == cli_csv.out);
  const HttpAnswer jsonl = corpus_server().get("/api/v1/export.jsonl?sort=date");
  REQUIRE(jsonl.status == 200);
  std::vector<std::string> ids;
  std::istringstream lines(jsonl.body);
  for (std::string line; std::getline(lines, line);) ids.push_back(nlohmann::json::parse(line)["id"]);
  CHECK(ids == result_ids(cli));
  CHECK(ids.size() == cli["total"].get<std::size_t>());
  const HttpAnswer bom = corpus_server().get("/api/v1/export.csv?bom=1&filter=sector:finance");
  CHECK(bom.body.starts_with("\xEF\xBB\xBFrank,"));
  CHECK(error_of(corpus_server().get("/api/v1/export.csv?q=(x"), 400)["code"] == "query_syntax");
}

}  // namespace kaiji::e2e
