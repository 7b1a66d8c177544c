#include <doctest/doctest.h>

#include "base/date.h"

using namespace kaiji;

TEST_CASE("date: western forms, with spaces and full-width digits") {
  const auto d = find_dates("2024 年 7 月 5 日に公表、２０２４年１１月２７日に更新、2024/11/25");
  REQUIRE(d.size() == 3);
  CHECK(d[0].iso() == "2024-07-05");
  CHECK(d[1].iso() == "2024-11-27");
  CHECK(d[2].iso() == "2024-11-25");
}

TEST_CASE("date: Japanese era dates through ICU's calendar") {
  CHECK(find_dates("令和6年11月27日").at(0).iso() == "2024-11-27");
  CHECK(find_dates("令和元年5月1日").at(0).iso() == "2019-05-01");
  CHECK(find_dates("平成31年4月30日").at(0).iso() == "2019-04-30");
  CHECK(gregorian_year("令和", 6) == 2024);
  CHECK_FALSE(gregorian_year("未知", 1).has_value());
}

TEST_CASE("date: impossible dates are not dates") {
  CHECK(find_dates("2024年2月30日").empty());
  CHECK_FALSE(Date::from_ymd(2023, 2, 29).has_value());
  CHECK(Date::from_ymd(2024, 2, 29).has_value());
  CHECK_FALSE(parse_slash_date("2024/13/01").has_value());
}

TEST_CASE("date: ISO round trip and sortable form") {
  const auto d = Date::parse_iso("2025-01-08");
  REQUIRE(d);
  CHECK(d->iso() == "2025-01-08");
  CHECK(d->sortable() == "20250108");
  CHECK_FALSE(Date::parse_iso("2025-1-8").has_value());
}

TEST_CASE("date: an era's initial with dots or slashes (R6.11.29, H30/4/1)") {
  const auto found = find_dates("公表日 R6.11.29 ／ 旧 H30/4/1 ／ VR6.1.2");
  REQUIRE(found.size() == 2);
  CHECK(found[0].iso() == "2024-11-29");
  CHECK(found[1].iso() == "2018-04-01");
}
