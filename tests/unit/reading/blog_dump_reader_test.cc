#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reading/blog_dump_reader.h"

using namespace kaiji;

namespace {

std::string read_corpus_file(const std::string& name) {
  std::ifstream in(std::filesystem::path(KAIJI_CORPUS_DIR) / name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Notice* find_org(const ReadResult& r, std::string_view org) {
  const auto it = std::find_if(r.notices.begin(), r.notices.end(), [&](const Notice& n) { return n.org == org; });
  return it == r.notices.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("reader: posts, page labels, release dates and boilerplate") {
  const std::string dump =
      "ラベル 最終報告 の投稿を表示しています。 すべての投稿を表示\n"
      "\n"
      "【セキュリティ事件簿#2024-001】株式会社テスト 不正アクセスについて 2024/11/25\n"
      "本文の一行目。\n"
      "\n"
      "  本文の二行目。  \n"
      "リリース文アーカイブ\n"
      "【2024年6月11日リリース分】\n"
      "【セキュリティ事件簿#2024-002】テスト市 誤送信について 2024/10/1\n"
      "<p>誤送信がありました。</p>\n";
  const ReadResult r = read_blog_dump(dump, "dump.txt");
  CHECK(r.problems.empty());
  REQUIRE(r.notices.size() == 2);
  const Notice& first = r.notices[0];
  CHECK(first.org == "株式会社テスト");
  CHECK(first.incident == "2024-001");
  CHECK(first.body == "本文の一行目。\n本文の二行目。");
  CHECK(first.labels == std::vector<std::string>{"最終報告"});
  REQUIRE(first.release_dates.size() == 1);
  CHECK(first.release_dates[0].iso() == "2024-06-11");
  CHECK(first.sources == std::vector<std::string>{"dump.txt:3"});
  CHECK(r.notices[1].body == "誤送信がありました。");
  CHECK(r.notices[1].labels == std::vector<std::string>{"最終報告"});
}

TEST_CASE("reader: a notice with no header takes title and date from its text") {
  const ReadResult r = read_blog_dump(read_corpus_file("003_0ee66e272d27c4e9.txt"), "003.txt");
  REQUIRE(r.notices.size() == 1);
  CHECK(r.notices[0].title == "弊社お客さま情報の漏えいについて");
  CHECK(r.notices[0].org.empty());
  CHECK(r.notices[0].body.find("<p>") == std::string::npos);  // stray HTML removed
  CHECK(r.notices[0].body.find("イセトー") != std::string::npos);

  const ReadResult r0 = read_blog_dump(read_corpus_file("000_35fec24fa2ec45ea.txt"), "000.txt");
  REQUIRE(r0.notices.size() == 1);
  REQUIRE(r0.notices[0].release_dates.size() == 1);
  CHECK(r0.notices[0].release_dates[0].iso() == "2024-07-05");
  REQUIRE(r0.notices[0].date);
  CHECK(r0.notices[0].date->iso() == "2024-07-05");
}

TEST_CASE("reader: the real dump with many posts") {
  const ReadResult r = read_blog_dump(read_corpus_file("004_61c9923e7d8c2772.txt"), "004.txt");
  CHECK(r.problems.empty());
  CHECK(r.notices.size() == 20);
  const Notice* urasoe = find_org(r, "浦添市");
  REQUIRE(urasoe);
  CHECK(urasoe->labels == std::vector<std::string>{"インシデント:内部犯行"});
  CHECK(urasoe->date->iso() == "2025-01-08");
  CHECK(urasoe->release_dates.at(0).iso() == "2024-11-27");
  const Notice* yao = find_org(r, "八尾市");
  REQUIRE(yao);
  CHECK(yao->release_dates.at(0).iso() == "2024-05-09");
  CHECK(find_org(r, "株式会社NTTマーケティングアクトProCX") != nullptr);
}

TEST_CASE("reader: a damaged header is reported with its line and the post is kept") {
  const std::string dump =
      "【セキュリティ事件簿#2024-001】株式会社テスト 正常な投稿 2024/11/25\n本文。\n"
      "【セキュリティ事件簿#2024-\n壊れた見出しの後の本文。\n";
  const ReadResult r = read_blog_dump(dump, "bad.txt");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  REQUIRE(r.notices.size() == 2);
  CHECK(r.notices[1].body == "壊れた見出しの後の本文。");
}

TEST_CASE("reader: a damaged header's organisation and title are indexed") {
  const std::string dump =
      "【セキュリティ事件簿#2024-001】株式会社テスト 正常な投稿 2024/11/25\n本文。\n"
      "【セキュリティ事件簿#2024-002 株式会社壊れ見出し 不正アクセスに関するお知らせ 2024/11/26\n本文二。\n";
  const ReadResult r = read_blog_dump(dump, "bad.txt");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].message.starts_with("damaged post header (kept the post, its organisation and title as read)"));
  REQUIRE(r.notices.size() == 2);
  CHECK(r.notices[1].org == "株式会社壊れ見出し");
  CHECK(r.notices[1].title == "不正アクセスに関するお知らせ");
  CHECK(r.notices[1].incident == "2024-002");
  CHECK(r.notices[1].body == "本文二。");
}

TEST_CASE("reader: empty and blank input give no notice and no crash") {
  CHECK(read_blog_dump("", "empty.txt").notices.empty());
  CHECK(read_blog_dump("\n\n  \n", "blank.txt").notices.empty());
}
