#include "base/date.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include "base/text_normalizer.h"

namespace kaiji {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to max_digits ASCII digits at text[i]; advances i.
std::optional<int> read_number(std::string_view text, std::size_t& i, int max_digits) {
  const std::size_t start = i;
  while (i < text.size() && is_digit(text[i]) && static_cast<int>(i - start) < max_digits) ++i;
  if (i == start || (i < text.size() && is_digit(text[i]))) {
    i = start;
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(text.data() + start, text.data() + i, value);
  return value;
}

void skip_spaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && text[i] == ' ') ++i;
}

bool consume(std::string_view text, std::size_t& i, std::string_view literal) {
  skip_spaces(text, i);
  if (text.substr(i, literal.size()) != literal) return false;
  i += literal.size();
  skip_spaces(text, i);
  return true;
}

// Reads "M月D日" after a year; advances i on success.
std::optional<Date> read_month_day(std::string_view text, std::size_t& i, int year) {
  std::size_t j = i;
  const auto month = read_number(text, j, 2);
  if (!month || !consume(text, j, "月")) return std::nullopt;
  const auto day = read_number(text, j, 2);
  if (!day || !consume(text, j, "日")) return std::nullopt;
  const auto date = Date::from_ymd(year, *month, *day);
  if (date) i = j;
  return date;
}

// Era names (令和, 平成, …) → ICU era index, read from ICU's Japanese calendar symbols.
const std::map<std::string, int, std::less<>>& era_indices() {
  static const std::map<std::string, int, std::less<>> indices = [] {
    std::map<std::string, int, std::less<>> out;
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale("ja_JP"), "japanese", status);
    if (U_FAILURE(status)) return out;
    int32_t count = 0;
    const icu::UnicodeString* eras = symbols.getEras(count);
    for (int32_t k = 0; k < count; ++k) {
      std::string name;
      eras[k].toUTF8String(name);
      out.emplace(name, k);
    }
    return out;
  }();
  return indices;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int limit = days_in_month[month - 1] + ((month == 2 && leap) ? 1 : 0);
  if (day > limit) return std::nullopt;
  return Date{year, month, day};
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::size_t i = 0;
  const auto y = read_number(text, i, 4);
  i = 5;
  const auto m = read_number(text, i, 2);
  i = 8;
  const auto d = read_number(text, i, 2);
  if (!y || !m || !d) return std::nullopt;
  return from_ymd(*y, *m, *d);
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Date::sortable() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

std::optional<int> gregorian_year(std::string_view era, int era_year) {
  const auto& indices = era_indices();
  const auto it = indices.find(era);
  if (it == indices.end() || era_year < 1) return std::nullopt;
  // ICU's Calendar is not thread-safe; a mutex keeps this cheap function simple.
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  UErrorCode status = U_ZERO_ERROR;
  static const std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::Locale("ja_JP@calendar=japanese"), status));
  if (U_FAILURE(status) || !calendar) return std::nullopt;
  calendar->clear();
  calendar->set(UCAL_ERA, it->second);
  calendar->set(UCAL_YEAR, era_year);
  calendar->set(UCAL_MONTH, 6);
  calendar->set(UCAL_DATE, 1);
  const int32_t year = calendar->get(UCAL_EXTENDED_YEAR, status);
  if (U_FAILURE(status)) return std::nullopt;
  return year;
}

namespace {
// 「R6.11.29」「H30/4/1」: an era's initial, its year and a month and day set apart by . / or -.
// Not inside a word (「VR6.1」).
std::optional<Date> read_initial_era_date(std::string_view text, std::size_t& i) {
  const char initial = text[i];
  if ((initial != 'R' && initial != 'H') || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) return std::nullopt;
  std::size_t j = i + 1;
  const auto era_year = read_number(text, j, 2);
  if (!era_year || j >= text.size() || (text[j] != '.' && text[j] != '/' && text[j] != '-')) return std::nullopt;
  const char sep = text[j++];
  const auto month = read_number(text, j, 2);
  if (!month || j >= text.size() || text[j] != sep) return std::nullopt;
  ++j;
  const auto day = read_number(text, j, 2);
  if (!day) return std::nullopt;
  const auto year = gregorian_year(initial == 'R' ? "令和" : "平成", *era_year);
  if (!year) return std::nullopt;
  auto date = Date::from_ymd(*year, *month, *day);
  if (date) i = j;
  return date;
}
}  // namespace

std::vector<Date> find_dates(std::string_view raw) {
  const std::string text = normalize(raw);  // full-width digits → ASCII, 　 → space
  std::vector<Date> dates;
  static constexpr std::string_view eras[] = {"令和", "平成", "昭和", "大正", "明治"};
  for (std::size_t i = 0; i < text.size();) {
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
      std::size_t j = i;
      const auto year = read_number(text, j, 4);
      if (year && j - i == 4) {
        if (consume(text, j, "年")) {
          if (auto d = read_month_day(text, j, *year)) {
            dates.push_back(*d);
            i = j;
            continue;
          }
        } else if (j < text.size() && (text[j] == '/' || text[j] == '-' || text[j] == '.')) {
          const char sep = text[j];
          std::size_t k = j + 1;
          const auto month = read_number(text, k, 2);
          if (month && k < text.size() && text[k] == sep) {
            ++k;
            const auto day = read_number(text, k, 2);
            if (day) {
              if (auto d = Date::from_ymd(*year, *month, *day)) {
                dates.push_back(*d);
                i = k;
                continue;
              }
            }
          }
        }
      }
      i = j > i ? j : i + 1;
      continue;
    }
    if (auto d = read_initial_era_date(text, i)) {
      dates.push_back(*d);
      continue;
    }
    bool matched = false;
    for (std::string_view era : eras) {
      if (text.compare(i, era.size(), era) != 0) continue;
      std::size_t j = i + era.size();
      skip_spaces(text, j);
      std::optional<int> era_year;
      if (text.compare(j, std::string_view("元").size(), "元") == 0) {
        era_year = 1;
        j += std::string_view("元").size();
      } else {
        era_year = read_number(text, j, 2);
      }
      if (era_year && consume(text, j, "年")) {
        if (const auto year = gregorian_year(era, *era_year)) {
          if (auto d = read_month_day(text, j, *year)) {
            dates.push_back(*d);
            i = j;
            matched = true;
          }
        }
      }
      break;
    }
    if (!matched) ++i;
  }
  return dates;
}

std::optional<Date> parse_slash_date(std::string_view text) {
  std::size_t i = 0;
  const auto y = read_number(text, i, 4);
  if (!y || i != 4 || i >= text.size() || text[i] != '/') return std::nullopt;
  ++i;
  const auto m = read_number(text, i, 2);
  if (!m || i >= text.size() || text[i] != '/') return std::nullopt;
  ++i;
  const auto d = read_number(text, i, 2);
  if (!d || i != text.size()) return std::nullopt;
  return Date::from_ymd(*y, *m, *d);
}

}  // namespace kaiji
