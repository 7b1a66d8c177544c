// Blog dumps: other series' post headers start posts, and a post that is not a notice is
// told apart by its text.
#include <doctest/doctest.h>

#include "reading/blog_dump_reader.h"
#include "reading/post_kind.h"

using namespace kaiji;

TEST_CASE("post kind: another series' header, numbered or dated, starts a post; a heading does not") {
  const auto numbered = parse_series_header("【山歩き日誌#33】初夏の峠から稜線歩き 2024/6/2");
  REQUIRE(numbered);
  CHECK(numbered->series == "山歩き日誌");
  CHECK(numbered->title == "初夏の峠から稜線歩き");
  REQUIRE(numbered->date);
  CHECK(numbered->date->iso() == "2024-06-02");
  CHECK(parse_series_header("【勉強会参加記】地方のセキュリティ勉強会に参加した 2024/6/15"));
  CHECK_FALSE(parse_series_header("【お問い合わせ先】株式会社青柳製作所　総務部"));
  CHECK_FALSE(parse_series_header("【本件に関するお問い合わせ先】"));
}

TEST_CASE("post kind: a notice speaks of an incident and of apology, personal data or its structure") {
  CHECK(reads_like_notice("当社サーバーが不正アクセスを受け、お客様の個人情報が流出した可能性があります。深くお詫び申し上げます。"));
  CHECK_FALSE(reads_like_notice("梅雨入り前の晴れ間に峠から稜線を歩いた。ブナの新緑がまぶしい。"));
  // A review that mentions leaks in passing is still not a notice.
  CHECK_FALSE(reads_like_notice("このパスワード管理アプリは、過去の漏えい事件のリストに自分のアドレスがないか調べてくれる。"));
}

TEST_CASE("blog dump: a post of another series is neither a notice nor glued into the one before") {
  const std::string dump =
      "【セキュリティ事件簿#2024-121】株式会社青柳製作所 「不正アクセスに関するお詫び」 2024/6/7\n"
      "当社サーバーが不正アクセスを受け、お客様の個人情報が流出した可能性があります。深くお詫び申し上げます。\n"
      "【台所ノート#21】土鍋で炊く栗ごはん 2024/11/27\n"
      "栗の皮をむくのは大変だが、秋の楽しみだ。\n";
  const ReadResult read = read_blog_dump(dump, "dump.txt");
  REQUIRE(read.notices.size() == 1);
  CHECK(read.notices.front().body.find("栗") == std::string::npos);
  CHECK(read.posts_not_notices == 1);
}
