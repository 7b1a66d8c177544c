// Issue 18's examples, each on the notices it names: what an analyst types that the
// notices write differently still finds them in the top three.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "cli.h"
#include "heldout.h"

using namespace kaiji::e2e;

namespace {

bool has_cause(const nlohmann::json& hit, const std::string& cause) {
  const auto& causes = hit.at("causes");
  return std::find(causes.begin(), causes.end(), cause) != causes.end();
}

// The top three of a search on the bundled corpus; fails when there are none.
nlohmann::json top3(const std::vector<std::string>& query) {
  std::vector<std::string> args = {"--limit", "3"};
  args.insert(args.end(), query.begin(), query.end());
  nlohmann::json response = search_json(args);
  REQUIRE_FALSE(response.at("results").empty());
  return response;
}

// An index of the JSONL notices given, in a directory of its own; returns its path.
std::string index_of(const std::string& name, const std::string& jsonl) {
  const std::string dir = temp_dir(name);
  write_file(dir + "/notices.jsonl", jsonl);
  const std::string db = dir + "/index";
  const CommandResult indexed = run("kaiji-indexer", {"--db", db, dir + "/notices.jsonl"});
  REQUIRE_MESSAGE(indexed.exit_code == 0, indexed.err);
  return db;
}

// A search of db, as JSON.
nlohmann::json search_in(const std::string& db, const std::string& query) {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", query});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

void all_have_cause(const nlohmann::json& response, const std::string& cause) {
  for (const auto& hit : response.at("results")) CHECK_MESSAGE(has_cause(hit, cause), hit.at("id"));
}

}  // namespace

TEST_CASE("recall: org:ウェルシア finds ウエルシア薬局 (small and large kana in loanwords)") {
  const nlohmann::json r = top3({"org:ウェルシア"});
  CHECK(r.at("results").at(0).at("org") == "ウエルシア薬局株式会社");
  // ヱ is no spelling of エ: found only as a correction, and said so.
  CHECK(search_json({"ウヱルシア"}).at("suggestion") == "ウエルシア");
}

TEST_CASE("recall: ransomware (English) finds the ransomware notices") {
  const nlohmann::json r = top3({"ransomware"});
  CHECK(r.at("results").size() == 3);
  all_have_cause(r, "ransomware");
  CHECK(r.at("total") == top3({"ランサムウェア"}).at("total"));
}

TEST_CASE("recall: ランサム is matched as a prefix and says so; ランサム* asks for it") {
  const nlohmann::json cut = top3({"ランサム"});
  all_have_cause(cut, "ransomware");
  CHECK(cut.at("prefix_words") == nlohmann::json::array({"ランサム"}));
  CHECK(cut.at("results").at(0).at("match") == "partial");
  const nlohmann::json asked = top3({"ランサム*"});
  all_have_cause(asked, "ransomware");
  CHECK_FALSE(asked.contains("prefix_words"));
  CHECK(asked.at("results").at(0).at("match") == "all");
  CHECK(asked.at("total") == cut.at("total"));
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "--limit", "1", "ランサム"});
  CHECK(text.out.find("ランサム*") != std::string::npos);
  // A prefix no term has is a word no notice has, not an empty query.
  CHECK(search_json({"zzqx*"}).at("total") == 0);
  CHECK(search_json({"ＲＡＮＳＯＭＷＡＲ＊"}).at("total") == 0);
}

TEST_CASE("recall: paraphrases — ハッキング is 不正アクセス, 宛先間違い is 誤送信") {
  all_have_cause(top3({"ハッキング"}), "unauthorized_access");
  CHECK(has_cause(top3({"宛先間違い"}).at("results").at(0), "misdelivery"));
}

TEST_CASE("recall: 置き引き finds the theft notice among the held-out dev notices") {
  const HeldOutHalf& dev = held_out("dev");
  const nlohmann::json r = search_half(dev, {"--limit", "3", "置き引き"});
  REQUIRE_FALSE(r.at("results").empty());
  const auto& hits = r.at("results");
  CHECK(std::any_of(hits.begin(), hits.end(), [](const nlohmann::json& h) { return has_cause(h, "theft"); }));
}

TEST_CASE("recall: a question typed as a sentence finds the print contractor's ransomware notices") {
  const nlohmann::json r = top3({"印刷会社がランサムウェアに感染して委託元の顧客情報が漏れた事例は?"});
  CHECK(r.at("words") == nlohmann::json::array({"印刷会社", "ランサムウェア", "感染", "委託元", "顧客情報", "漏れる"}));
  CHECK(r.at("partial") == true);
  const auto& hits = r.at("results");
  // Incident 2024-217: the print and mailing contractor イセトー, hit by ransomware.
  CHECK(std::any_of(hits.begin(), hits.end(),
                    [](const nlohmann::json& h) { return h.at("id").get<std::string>().starts_with("2024-217-"); }));
  CHECK(std::count_if(hits.begin(), hits.end(), [](const nlohmann::json& h) { return has_cause(h, "ransomware"); }) >= 2);
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "--limit", "1", "病院のランサムウェア被害の事例を教えて"});
  CHECK(text.out.find("Read as the words: 病院 · ランサムウェア被害") != std::string::npos);
  CHECK(text.out.find("安佐市民病院") != std::string::npos);
}

TEST_CASE("recall: a word no notice holds ends the search with a reason, not with noise") {
  const nlohmann::json r = search_json({"ビットコイン 漏えい"});
  CHECK(r.at("total") == 0);
  CHECK(r.at("absent_words") == nlohmann::json::array({"ビットコイン"}));
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "ビットコイン 漏えい"});
  CHECK(text.out.find("No notice contains: ビットコイン") != std::string::npos);
  // One absent word among several present ones leaves the best partial matches.
  const nlohmann::json partial = search_json({"ランサムウェア 委託先 ビットコイン"});
  CHECK(partial.at("total") > 0);
  CHECK(partial.at("absent_words") == nlohmann::json::array({"ビットコイン"}));
}

TEST_CASE("recall: place names with ヶ, ケ, ヵ and が between kanji are one name") {
  const std::string db = index_of("place-names",
             "{\"id\":\"p1\",\"title\":\"霞ヶ関支店における書類紛失について\",\"org\":\"白鷺ヶ丘信用組合\",\"date\":\"2024-05-01\","
             "\"body\":\"白鷺ヶ丘信用組合霞ヶ関支店において、お客様の書類を紛失いたしました。\"}\n"
             "{\"id\":\"p2\",\"title\":\"誤送信について\",\"org\":\"桜丘町\",\"date\":\"2024-06-01\","
             "\"body\":\"桜丘町役場において、メールの誤送信が発生しました。\"}\n");
  for (const char* query : {"霞が関", "霞ケ関", "霞ヵ関", "白鷺が丘", "白鷺ケ丘", "org:白鷺ヶ丘", "org:白鷺が丘"}) {
    CHECK_MESSAGE(search_in(db, query).at("total") == 1, query);
  }
}

TEST_CASE("recall: data a notice says was not included does not find it") {
  const std::string db = index_of("negated-inclusion",
             "{\"id\":\"c1\",\"title\":\"カード情報流出について\",\"org\":\"甲社\",\"date\":\"2024-05-01\","
             "\"body\":\"お客様のクレジットカード情報が流出しました。\"}\n"
             "{\"id\":\"c2\",\"title\":\"メール誤送信について\",\"org\":\"乙社\",\"date\":\"2024-06-01\","
             "\"body\":\"氏名とメールアドレスが閲覧可能となりました。なお、クレジットカード情報は含まれておりません。\"}\n");
  const nlohmann::json r = search_in(db, "クレジットカード情報");
  REQUIRE(r.at("total") == 1);
  CHECK(r.at("results").at(0).at("id") == "c1");
  // The rest of the reassuring notice is found as ever.
  CHECK(search_in(db, "メールアドレス").at("total") == 1);
}
