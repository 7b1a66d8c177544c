// Japanese analysis as analysts meet it: every spelling of a word finds the same notices,
// phrases outrank scattered words, unknown names are found by their parts.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

std::vector<std::string> ids(const nlohmann::json& response) {
  std::vector<std::string> out;
  for (const auto& hit : response.at("results")) out.push_back(hit.at("id"));
  return out;
}

std::vector<std::string> ids_for(const std::string& query) {
  return ids(search_json({"--limit", "100", query}));
}

}  // namespace

TEST_CASE("analysis: every spelling of a variant group returns the same notices") {
  const std::vector<std::vector<std::string>> groups = {
      {"漏えい", "漏洩", "ろうえい"},
      {"サーバ", "サーバー", "ｻｰﾊﾞｰ", "ｻｰﾊﾞ"},
      {"USBメモリ", "ＵＳＢメモリ", "usbメモリ", "USBメモリー", "ｕｓｂメモリー"},
      {"メモリ", "メモリー"},
      {"問い合わせ", "問合せ", "問合わせ"},
      {"取り扱い", "取扱い"},
      {"ランサムウェア", "ランサムウエア", "ﾗﾝｻﾑｳｪｱ"},
  };
  for (const auto& group : groups) {
    const std::vector<std::string> expected = ids_for(group.front());
    CHECK_MESSAGE(!expected.empty(), group.front());
    for (const std::string& spelling : group) {
      INFO(group.front() << " vs " << spelling);
      CHECK(ids_for(spelling) == expected);
    }
  }
}

TEST_CASE("analysis: 漏洩 finds notices that write 漏えい, and highlights 漏えい") {
  const auto r = search_json({"--no-synonyms", "漏洩", "委託先"});
  REQUIRE(r.at("results").size() >= 3);
  bool highlighted = false;
  for (const auto& hit : r.at("results")) {
    const std::string snippet = hit.at("snippet");
    highlighted = highlighted || snippet.find("漏えい") != std::string::npos;
  }
  CHECK(highlighted);
}

TEST_CASE("analysis: a phrase query ranks notices with the phrase above notices with its words apart") {
  // (Not クレジットカード情報: the notices that write its words apart say it was not
  // included, and those words are not indexed.)
  const std::vector<std::string> phrase = ids_for("\"調査結果\"");
  const std::vector<std::string> ranked = ids_for("調査結果");
  REQUIRE(!phrase.empty());
  REQUIRE(ranked.size() > phrase.size());  // notices with 調査 and 結果 apart match too
  const std::set<std::string> with_phrase(phrase.begin(), phrase.end());
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    INFO("rank " << i + 1 << ": " << ranked[i]);
    CHECK(with_phrase.count(ranked[i]) == 1);
  }
}

TEST_CASE("analysis: verb forms are indexed by base form") {
  CHECK(ids_for("漏えいした") == ids_for("漏えい"));
}

TEST_CASE("analysis: synonyms bridge the analyst's words and the notices' words") {
  // Notices write the law's full name; analysts write 不正アクセス禁止法.
  const auto with = search_json({"不正アクセス禁止法", "違反"});
  const auto without = search_json({"--no-synonyms", "不正アクセス禁止法", "違反"});
  CHECK(with.at("partial") == false);
  CHECK(with.at("total").get<int>() >= 4);
  CHECK(without.at("partial") == true);  // without them no notice has both words
  const auto o = orgs(with);
  CHECK(std::find(o.begin(), o.end(), "大阪市") != o.end());
  CHECK(std::find(o.begin(), o.end(), "児玉郡市広域市町村圏組合") != o.end());
}

TEST_CASE("analysis: the original word outranks its synonyms, even when it is the commoner word") {
  // Two notices alike but for パソコン / PC, and many notices that also say パソコン, so
  // that by BM25 alone the rare synonym PC would outweigh the common original.
  const std::string dir = temp_dir("synonym-weight");
  {
    std::ofstream out(dir + "/notices.txt");
    out << "【セキュリティ事件簿#2024-901】株式会社甲 紛失について 2024/12/1\n社員がパソコンを紛失しました。\n"
        << "【セキュリティ事件簿#2024-902】株式会社乙 紛失について 2024/12/2\n社員がPCを紛失しました。\n";
    for (int k = 0; k < 20; ++k) {
      out << "【セキュリティ事件簿#2024-" << 910 + k << "】株式会社丙" << k << " 点検について 2024/12/3\n"
          << "全てのパソコンを点検しました。番号" << k << "。\n";
    }
  }
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, dir + "/notices.txt"}).exit_code == 0);
  const auto r = run("kaiji-searcher", {"--db", db, "--json", "--limit", "30", "パソコン", "紛失"});
  REQUIRE(r.exit_code == 0);
  const auto o = orgs(nlohmann::json::parse(r.out));
  REQUIRE(o.size() == 2);  // both lost-PC notices, and only they
  CHECK(o[0] == "株式会社甲");
  CHECK(o[1] == "株式会社乙");
}

TEST_CASE("analysis: user dictionary words and --dicdir") {
  CHECK(orgs(search_json({"ゼロトラスト"})).size() == 2);
  const auto r = run("kaiji-searcher", {"--db", corpus_index(), "--json", "--dicdir", KAIJI_IPADIC_DIR, "誤送信"});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).at("results").at(0).at("org") == "株式会社ダンダダン");
}
