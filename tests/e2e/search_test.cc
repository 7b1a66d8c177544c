// What analysts ask of the searcher, on the bundled corpus.
#include <doctest/doctest.h>

#include <algorithm>

#include <xapian.h>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> top(const std::vector<std::string>& list, std::size_t n) {
  return {list.begin(), list.begin() + static_cast<std::ptrdiff_t>(std::min(n, list.size()))};
}

}  // namespace

TEST_CASE("search: ランサムウェア puts the イセトー print-contractor case and 倉業サービス on top") {
  const auto o = orgs(search_json({"ランサムウェア"}));
  const auto first5 = top(o, 5);
  CHECK(contains(first5, "株式会社東海信金ビジネス"));
  CHECK(contains(first5, "静清信用金庫"));
  CHECK(contains(first5, "株式会社倉業サービス"));
  CHECK(contains(first5, "リコージャパン株式会社"));
  // Disciplinary notices have nothing to do with ransomware.
  CHECK_FALSE(contains(o, "岡垣町"));
}

TEST_CASE("search: サポート詐欺 lists the support-scam notices") {
  const auto o = orgs(search_json({"サポート詐欺"}));
  const auto first2 = top(o, 2);
  CHECK(contains(first2, "熊本県暴力追放運動推進センター"));
  CHECK(contains(first2, "ウエルシア薬局株式会社"));
  CHECK(contains(o, "東京都"));
  CHECK(contains(o, "杏林大学"));
}

TEST_CASE("search: 懲戒処分 lists the disciplinary notices") {
  const auto o = orgs(search_json({"懲戒処分"}));
  const auto first5 = top(o, 5);
  CHECK(contains(first5, "岡垣町"));
  CHECK(contains(first5, "児玉郡市広域市町村圏組合"));
  CHECK(contains(first5, "市川市"));
  CHECK(contains(o, "秋田大学"));
  CHECK_FALSE(contains(o, "株式会社ダンダダン"));
}

TEST_CASE("search: a merged duplicate keeps both pages' labels and both sources") {
  const auto r = search_json({"岡垣町"});
  REQUIRE(r.at("results").size() >= 1);
  const auto& hit = r.at("results").at(0);
  CHECK(hit.at("org") == "岡垣町");
  const auto labels = hit.at("labels").get<std::vector<std::string>>();
  CHECK(contains(labels, "最終報告"));
  CHECK(contains(labels, "インシデント:内部犯行"));
  CHECK(hit.at("sources").size() == 2);
}

TEST_CASE("search: the headerless copy of the 東海信金ビジネス notice merged into the posted one") {
  const auto r = search_json({"東海信金ビジネス"});
  const auto& hit = r.at("results").at(0);
  CHECK(hit.at("org") == "株式会社東海信金ビジネス");
  CHECK(hit.at("incident") == "2024-217");
  CHECK(hit.at("date") == "2024-11-15");
  bool from_000 = false;
  for (const auto& s : hit.at("sources")) from_000 = from_000 || s.get<std::string>().find("000_") != std::string::npos;
  CHECK(from_000);
  CHECK(hit.at("release_dates") == nlohmann::json::array({"2024-07-05"}));
}

TEST_CASE("search: a piece of an organisation name finds its notice") {
  CHECK(orgs(search_json({"ダンダダン"})).at(0) == "株式会社ダンダダン");
  CHECK(orgs(search_json({"ウエルシア"})).at(0) == "ウエルシア薬局株式会社");
  CHECK(orgs(search_json({"ProCX"})).at(0) == "株式会社NTTマーケティングアクトProCX");
  CHECK(orgs(search_json({"procx"})).at(0) == "株式会社NTTマーケティングアクトProCX");
  CHECK(orgs(search_json({"倉業"})).at(0) == "株式会社倉業サービス");
  CHECK(contains(orgs(search_json({"イセトー"})), "静清信用金庫"));
}

TEST_CASE("search: JSON output carries the documented fields") {
  const auto r = search_json({"--limit", "3", "漏えい"});
  CHECK(r.at("query") == "漏えい");
  CHECK(r.at("total").get<int>() >= 3);
  CHECK(r.at("results").size() == 3);
  for (const auto& hit : r.at("results")) {
    for (const char* field : {"id", "rank", "score", "incident", "org", "title", "date", "labels", "sources",
                              "snippet", "highlights", "release_dates"}) {
      CHECK_MESSAGE(hit.contains(field), field);
    }
  }
  CHECK(r.at("results").at(0).at("rank") == 1);
  CHECK(r.at("results").at(0).at("score").get<double>() >= r.at("results").at(2).at("score").get<double>());
}

TEST_CASE("search: --limit and --offset page through the same ranking") {
  const auto all = search_json({"--limit", "6", "漏えい"});
  const auto page2 = search_json({"--limit", "3", "--offset", "3", "漏えい"});
  REQUIRE(page2.at("results").size() == 3);
  CHECK(page2.at("results").at(0).at("id") == all.at("results").at(3).at("id"));
  CHECK(page2.at("results").at(0).at("rank") == 4);
}

TEST_CASE("search: text output for people") {
  const auto r = run("kaiji-searcher", {"--db", corpus_index(), "--limit", "2", "ダンダダン"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1 notice for ダンダダン") != std::string::npos);
  CHECK(r.out.find("1. 2024-10-31  株式会社ダンダダン") != std::string::npos);
  CHECK(r.out.find("[") != std::string::npos);  // highlights as brackets when not a terminal
}

TEST_CASE("search: errors are one clear line and a non-zero exit") {
  const auto missing = run("kaiji-searcher", {"--db", "/nonexistent/index", "漏えい"});
  CHECK(missing.exit_code != 0);
  CHECK(missing.err.find("cannot open index /nonexistent/index") != std::string::npos);
  CHECK(missing.out.empty());

  const auto unknown = run("kaiji-searcher", {"--db", corpus_index(), "--frobnicate", "漏えい"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);

  const auto syntax = run("kaiji-searcher", {"--db", corpus_index(), "(漏えい"});
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.err.find("unclosed '('") != std::string::npos);


  const auto huge = run("kaiji-searcher", {"--db", corpus_index(), "--limit", "10000000", "漏えい"});
  CHECK(huge.exit_code == 2);
  CHECK(huge.err.find("--limit") != std::string::npos);
}

TEST_CASE("search: a dictionary compound also finds its parts standing apart, ranked below the compound itself") {
  const std::string dir = temp_dir("near-compound");
  write_file(dir + "/a.txt", "【セキュリティ事件簿#2025-01】甲社 お知らせ\n当社サーバに第三者による不正なアクセスがありました。\n");
  write_file(dir + "/b.txt", "【セキュリティ事件簿#2025-02】乙社 お知らせ\n当社サーバへの不正アクセスが判明しました。\n");
  write_file(dir + "/c.txt",
             "【セキュリティ事件簿#2025-03】丙社 お知らせ\n不正な請求がありました。\n" + std::string(200, 'x') +
                 "\nアクセス解析の結果です。\n");
  REQUIRE(run("kaiji-indexer", {"--db", dir + "/db", dir + "/a.txt", dir + "/b.txt", dir + "/c.txt"}).exit_code == 0);
  const auto r = run("kaiji-searcher", {"--db", dir + "/db", "--json", "--no-synonyms", "不正アクセス"});
  REQUIRE(r.exit_code == 0);
  const auto results = nlohmann::json::parse(r.out).at("results");
  REQUIRE(results.size() == 2);  // not 丙社, whose 不正 and アクセス are far apart
  CHECK(results.at(0).at("org") == "乙社");
  CHECK(results.at(1).at("org") == "甲社");
}

TEST_CASE("search: a compound ranks notices by how often and where they name it") {
  const std::string dir = temp_dir("compound-frequency");
  const std::string filler = "当社では調査を進めております。関係者の皆様にはご迷惑をおかけしました。\n";
  write_file(dir + "/once.txt", "【セキュリティ事件簿#2025-11】甲社 お知らせ\n" + filler + "不正アクセスを確認しました。\n" + filler);
  write_file(dir + "/often.txt", "【セキュリティ事件簿#2025-12】乙社 お知らせ\n不正アクセスを確認しました。\n" + filler +
                                     "不正アクセスの経路を調べています。\n不正アクセスへの対策を講じます。\n");
  write_file(dir + "/title.txt", "【セキュリティ事件簿#2025-13】丙社 不正アクセスに関するお知らせ\n" + filler +
                                     "不正アクセスの被害が判明しました。\n" + filler);
  REQUIRE(run("kaiji-indexer", {"--db", dir + "/db", dir}).exit_code == 0);
  const auto r = run("kaiji-searcher", {"--db", dir + "/db", "--json", "--no-synonyms", "不正アクセス"});
  REQUIRE(r.exit_code == 0);
  const auto results = nlohmann::json::parse(r.out).at("results");
  REQUIRE(results.size() == 3);
  // Named in the title, or three times in the body, outranks named once in the body.
  CHECK(results.at(2).at("org") == "甲社");
}

TEST_CASE("search: an index in another format is refused with a clear message, not answered wrongly") {
  const std::string dir = temp_dir("old-format");
  write_file(dir + "/a.txt", "【セキュリティ事件簿#2025-01】甲社 お知らせ\n不正アクセスがありました。\n");
  REQUIRE(run("kaiji-indexer", {"--db", dir + "/db", dir + "/a.txt"}).exit_code == 0);
  {
    // What an older kaiji's index looks like to this searcher.
    Xapian::WritableDatabase shard(dir + "/db/gen-000001/shard-0", Xapian::DB_OPEN);
    shard.set_metadata("kaiji.format", "3");
    shard.commit();
  }
  const auto r = run("kaiji-searcher", {"--db", dir + "/db", "不正アクセス"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("index format 3") != std::string::npos);
  CHECK(r.err.find("run kaiji-indexer on it again") != std::string::npos);
  // The indexer brings it up to date, as the message says.
  const auto again = run("kaiji-indexer", {"--db", dir + "/db", dir + "/a.txt"});
  CHECK(again.exit_code == 0);
  CHECK(run("kaiji-searcher", {"--db", dir + "/db", "不正アクセス"}).exit_code == 0);
}
