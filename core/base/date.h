// Calendar dates as notices write them: 2024/11/25, 2024年7月5日, 2024 年 7 月 5 日,
// full-width digits, and Japanese era dates (令和6年11月27日, 令和元年…, 平成31年…).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // A valid Gregorian date, or nothing.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // "2024-07-05" (ISO 8601), or nothing.
  static std::optional<Date> parse_iso(std::string_view text);

  std::string iso() const;       // 2024-07-05
  std::string sortable() const;  // 20240705, for value slots

  auto operator<=>(const Date&) const = default;
};

// The Gregorian year of year `era_year` of a Japanese era named `era` (令和, 平成, …),
// from ICU's Japanese calendar. Nothing for an unknown era name.
std::optional<int> gregorian_year(std::string_view era, int era_year);

// Every full date (year, month and day) written in the text, in order of appearance.
std::vector<Date> find_dates(std::string_view text);

// A date written as Y/M/D (the blog's header form, e.g. 2024/11/25), or nothing.
std::optional<Date> parse_slash_date(std::string_view text);

}  // namespace kaiji
