#include <doctest/doctest.h>

#include "reading/post_header.h"

using namespace kaiji;

TEST_CASE("header: organisation, title and date") {
  const auto h = parse_post_header(
      "【セキュリティ事件簿#2024-244】株式会社銀時 弊社が運営する「銀時公式通販サイト」への不正アクセスによる "
      "個人情報漏えいに関するお詫びとお知らせ 2024/11/25");
  REQUIRE(h);
  CHECK(h->incident == "2024-244");
  CHECK(h->org == "株式会社銀時");
  CHECK(h->title == "弊社が運営する「銀時公式通販サイト」への不正アクセスによる 個人情報漏えいに関するお詫びとお知らせ");
  REQUIRE(h->date);
  CHECK(h->date->iso() == "2024-11-25");
}

TEST_CASE("header: organisation glued to the title") {
  const auto h = parse_post_header("【セキュリティ事件簿#2024-512】岡垣町職員の懲戒処分について 2024/11/12");
  REQUIRE(h);
  CHECK(h->org == "岡垣町");
  CHECK(h->title == "岡垣町職員の懲戒処分について");
  const auto n = parse_post_header("【セキュリティ事件簿#2024-354】部外秘の人事情報に不正アクセスした新潟市の係長が処分される");
  REQUIRE(n);
  CHECK(n->org == "新潟市");
  CHECK_FALSE(n->date.has_value());
}

TEST_CASE("header: no date, double spaces, trailing space") {
  const auto h = parse_post_header("【セキュリティ事件簿#2024-426】株式会社倉業サービス  サイバー攻撃による情報漏洩の可能性のお知らせとお詫びについて ");
  REQUIRE(h);
  CHECK(h->org == "株式会社倉業サービス");
  CHECK(h->title == "サイバー攻撃による情報漏洩の可能性のお知らせとお詫びについて");
}

TEST_CASE("header: a title that starts with a bracket is not an organisation") {
  const auto h = parse_post_header("【セキュリティ事件簿#2024-001】【お詫び】資料の漏えいについて 2024/1/5");
  REQUIRE(h);
  CHECK(h->org.empty());
  CHECK(h->title == "【お詫び】資料の漏えいについて");
}

TEST_CASE("header: damaged lines are recognised but not parsed") {
  CHECK(looks_like_post_header("【セキュリティ事件簿#2024-"));
  CHECK_FALSE(parse_post_header("【セキュリティ事件簿#2024-").has_value());
  CHECK_FALSE(parse_post_header("【セキュリティ事件簿#abc】タイトル").has_value());
  CHECK_FALSE(looks_like_post_header("本文の一行"));
}

TEST_CASE("header: a damaged line still gives its organisation, title and date") {
  // The 】 lost: the number ends at the space.
  auto h = salvage_post_header("【セキュリティ事件簿#2024-217 株式会社東海信金ビジネス 不正アクセスについて 2024/11/15");
  REQUIRE(h);
  CHECK(h->incident == "2024-217");
  CHECK(h->org == "株式会社東海信金ビジネス");
  CHECK(h->title == "不正アクセスについて");
  REQUIRE(h->date);
  CHECK(h->date->iso() == "2024-11-15");
  // A number that is not one: the text after the 】 is kept, without an incident.
  h = salvage_post_header("【セキュリティ事件簿#20x4-1】岡垣町職員の懲戒処分について");
  REQUIRE(h);
  CHECK(h->incident.empty());
  CHECK(h->org == "岡垣町");
  CHECK(h->title == "岡垣町職員の懲戒処分について");
  // No number at all.
  h = salvage_post_header("【セキュリティ事件簿#株式会社テスト 顧客情報の漏えいについて");
  REQUIRE(h);
  CHECK(h->org == "株式会社テスト");
  CHECK(h->title == "顧客情報の漏えいについて");
  // Nothing after what is left of the number.
  CHECK_FALSE(salvage_post_header("【セキュリティ事件簿#2024-"));
  CHECK_FALSE(salvage_post_header("【セキュリティ事件簿#2024-1】 "));
}
