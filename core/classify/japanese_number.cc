#include "classify/japanese_number.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "base/utf8.h"

namespace kaiji {
namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

// 〇 一 … 九 as a digit, or -1.
int kanji_digit(char32_t c) {
  switch (c) {
    case U'〇': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

bool is_multiplier(char32_t c) { return c == U'十' || c == U'百' || c == U'千' || c == U'万'; }

// The rest of number_starts, once the bytes allow a kanji numeral at i.
bool kanji_number_starts(std::string_view text, std::size_t i) {
  std::size_t j = i;
  const char32_t first = utf8::decode(text, j);
  if (kanji_digit(first) < 0 && !is_multiplier(first)) return false;
  if (i > 0) {
    const char32_t previous = utf8::decode_before(text, i);
    if (kanji_digit(previous) >= 0 || is_multiplier(previous) || previous == U'数' || previous == U'何' ||
        (previous >= '0' && previous <= '9')) {
      return false;
    }
  }
  for (bool multiplied = is_multiplier(first); j <= text.size();) {
    if (multiplied) return true;
    if (j == text.size()) return false;
    const char32_t c = utf8::decode(text, j);
    if (kanji_digit(c) < 0 && !is_multiplier(c)) return false;
    multiplied = is_multiplier(c);
  }
  return false;
}

std::size_t number_end(std::string_view text, std::size_t start) {
  std::size_t end = start;
  for (std::size_t j = start; j < text.size();) {
    const char32_t c = utf8::decode(text, j);
    if ((c >= '0' && c <= '9') || c == ',' || c == '.' || kanji_digit(c) >= 0 || is_multiplier(c)) {
      end = j;
    } else if (c != ' ') {
      break;
    }
  }
  return end;
}

std::optional<std::int64_t> parse_japanese_number(std::string_view text) {
  double total = 0;    // everything in 万 units and above
  double section = 0;  // below 万
  double number = 0;
  bool have_number = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_digit(text[i])) {
      std::string digits;
      while (i < text.size() && (is_digit(text[i]) || text[i] == ',' || text[i] == '.')) {
        if (text[i] != ',') digits += text[i];
        ++i;
      }
      number = std::strtod(digits.c_str(), nullptr);
      have_number = any = true;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const char32_t c = utf8::decode(text, i);
    if (const int digit = kanji_digit(c); digit >= 0) {  // 三千: a digit in kanji
      number = number * 10 + digit;
      have_number = any = true;
      continue;
    }
    const double unit = c == U'万' ? 1e4 : c == U'千' ? 1e3 : c == U'百' ? 1e2 : c == U'十' ? 10 : 0;
    if (unit == 0) return std::nullopt;
    if (unit == 1e4) {
      total += (section + (have_number ? number : 1)) * unit;
      section = 0;
    } else {
      section += (have_number ? number : 1) * unit;
    }
    number = 0;
    have_number = false;
    any = true;
  }
  if (!any) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(total + section + (have_number ? number : 0)));
}

}  // namespace kaiji
