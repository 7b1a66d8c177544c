// Numbers as Japanese notices write them.
#include <doctest/doctest.h>

#include "classify/japanese_number.h"

using namespace kaiji;

TEST_CASE("japanese numbers: kanji numerals with multipliers parse like digits") {
  CHECK(parse_japanese_number("三千") == 3000);
  CHECK(parse_japanese_number("四百十二") == 412);
  CHECK(parse_japanese_number("二万五千") == 25000);
  CHECK(parse_japanese_number("1万2千") == 12000);
}

TEST_CASE("japanese numbers: where a number starts") {
  CHECK(number_starts("約三千名", std::string_view("約").size()));
  CHECK(number_starts("計1,036名", std::string_view("計").size()));
  // inside a number, after 数, or a lone kanji digit: no start
  CHECK_FALSE(number_starts("1,036名", 2));
  CHECK_FALSE(number_starts("数千名", std::string_view("数").size()));
  CHECK_FALSE(number_starts("一名", 0));
  CHECK_FALSE(number_starts("一部の情報", 0));
  CHECK(number_end("約三千名", std::string_view("約").size()) == std::string_view("約三千").size());
  CHECK(number_end("1,036 名", 0) == std::string_view("1,036").size());
  CHECK(kanji_digit(U'七') == 7);
  CHECK(is_multiplier(U'百'));
}
