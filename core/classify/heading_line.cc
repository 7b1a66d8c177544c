#include "classify/heading_line.h"

#include "base/utf8.h"

namespace kaiji {

namespace {
bool is_part_separator(char32_t c) { return std::u32string_view(U".．、)） 　:").find(c) != std::u32string_view::npos; }
}  // namespace

std::size_t part_number_end(std::string_view line) {
  constexpr std::size_t kMaxNumerals = 2;
  std::size_t i = 0, numerals = 0;
  while (i < line.size()) {
    std::size_t next = i;
    const char32_t c = utf8::decode(line, next);
    const bool numeral = (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
                         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
    if (!numeral) break;
    ++numerals;
    i = next;
  }
  if (numerals == 0 || numerals > kMaxNumerals || i >= line.size()) return 0;
  return is_part_separator(utf8::decode(line, i)) ? i : 0;
}

bool starts_with_part_number(std::string_view line) { return part_number_end(line) > 0; }

bool starts_with_first_part_number(std::string_view line) {
  for (std::string_view one : {"1", "１", "一"}) {
    if (!line.starts_with(one) || line.size() == one.size()) continue;
    std::size_t next = one.size();
    return is_part_separator(utf8::decode(line, next));
  }
  return false;
}

}  // namespace kaiji
