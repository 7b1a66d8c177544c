// How notices number their parts.
#include <doctest/doctest.h>

#include "classify/heading_line.h"

using kaiji::starts_with_first_part_number;
using kaiji::starts_with_part_number;

TEST_CASE("part numbers: a short number and a separator start a numbered part") {
  CHECK(starts_with_part_number("3．経緯"));
  CHECK(starts_with_part_number("１　発生日時"));  // full-width digit, ideographic space
  CHECK(starts_with_part_number("四、今後の対応"));
  CHECK(starts_with_part_number("12) 対象"));
}

TEST_CASE("part numbers: a year, a bare number or running text is no part number") {
  CHECK_FALSE(starts_with_part_number("2022年4月に発生"));
  CHECK_FALSE(starts_with_part_number("3"));
  CHECK_FALSE(starts_with_part_number("経緯"));
  CHECK_FALSE(starts_with_part_number(""));
}

TEST_CASE("part numbers: the first of a numbered list is told apart") {
  CHECK(starts_with_first_part_number("1.氏名"));
  CHECK(starts_with_first_part_number("１　概要"));
  CHECK(starts_with_first_part_number("一、経緯"));
  CHECK_FALSE(starts_with_first_part_number("2.住所"));
  CHECK_FALSE(starts_with_first_part_number("12.その他"));
  CHECK_FALSE(starts_with_first_part_number("10月1日"));
}

TEST_CASE("part numbers: where the text after the number starts") {
  CHECK(kaiji::part_number_end("4.会員番号") == std::string_view("4.").size());
  CHECK(kaiji::part_number_end("１２）対象") == std::string_view("１２）").size());
  CHECK(kaiji::part_number_end("経緯") == 0);
}
