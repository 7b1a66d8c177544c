#include <doctest/doctest.h>

#include "classify/affected_count.h"

using namespace kaiji;

TEST_CASE("affected: Japanese number forms") {
  CHECK(parse_japanese_number("69,403") == 69403);
  CHECK(parse_japanese_number("7.2 万") == 72000);
  CHECK(parse_japanese_number("1万2千") == 12000);
  CHECK(parse_japanese_number("3千") == 3000);
  CHECK_FALSE(parse_japanese_number("abc").has_value());
}

TEST_CASE("affected: the forms notices write") {
  CHECK(headline_affected("対象件数\n69,403 件(名寄せ後件数合計) ※延べ 77,202 件") == 69403);
  CHECK(headline_affected("漏えいした個人情報は約 7.2 万件です。") == 72000);
  CHECK(headline_affected("顧客情報1万2千名が流出") == 12000);
  CHECK(headline_affected("個人情報 延べ 3,000 名分") == 3000);
  CHECK(headline_affected("生徒の個人情報３５０人") == 350);
}

TEST_CASE("affected: the headline total wins over other counts") {
  CHECK(headline_affected("会員217名へ送信。\n2.流出した情報\nメールアドレス49件") == 49);
  CHECK(headline_affected("お客様の情報(計 25,406 人)と担当者の情報 12 名") == 25406);
}

TEST_CASE("affected: counts that are not victims are ignored") {
  CHECK_FALSE(headline_affected("職員3人に対し口頭注意を行いました。").has_value());
  CHECK_FALSE(headline_affected("情報セキュリティのため約100名規模の組織を設立").has_value());
  CHECK_FALSE(headline_affected("情報の被害額は45万円").has_value());
  CHECK_FALSE(headline_affected("").has_value());
}
