// Numbers as Japanese notices write them: 69,403 / 7.2万 / 1万2千 / 約三千 / 四百十二.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kaiji {

// 〇 一 … 九 as a digit, or -1.
int kanji_digit(char32_t c);

// 十 百 千 万.
bool is_multiplier(char32_t c);

// number_starts past its byte test: a kanji numeral at i, after no digit, 数 or 何, in a run
// that holds a multiplier.
bool kanji_number_starts(std::string_view text, std::size_t i);

// Whether a number starts at byte i: a digit after no digit, or a number written in kanji
// with a multiplier (約三千名, 二万五千件) after no digit, 数 or 何 (数千名 counts nothing).
// A kanji digit alone (一名, 一人ひとり) is left to the words around it. Inline, with the
// byte test first: it runs at every character of every notice, and the first two bytes of
// every kanji numeral's UTF-8 — 〇 E3 80, 一七万三 E4 B8, 九 E4 B9, 二五 E4 BA, 八六 E5 85,
// 十千 E5 8D, 四 E5 9B, 百 E7 99 — let kana and most kanji pass without decoding.
inline bool number_starts(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c >= '0' && c <= '9') {
    const char before = i == 0 ? ' ' : text[i - 1];
    return !((before >= '0' && before <= '9') || before == '.' || before == ',');
  }
  if (i + 2 >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(c);
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const bool may_be_numeral = (lead == 0xE3 && second == 0x80) || (lead == 0xE4 && second >= 0xB8 && second <= 0xBA) ||
                              (lead == 0xE5 && (second == 0x85 || second == 0x8D || second == 0x9B)) ||
                              (lead == 0xE7 && second == 0x99);
  return may_be_numeral && kanji_number_starts(text, i);
}

// Where the number that starts at `start` ends: past its digits, separators (, .), kanji
// digits, multipliers and the spaces between them (「1, 234」 after normalising).
std::size_t number_end(std::string_view text, std::size_t start);

// Parses a Japanese number: 69,403 / 7.2万 / 1万2千 / 3千 / 三千 / 四百十二; nothing if it
// is not one.
std::optional<std::int64_t> parse_japanese_number(std::string_view text);

}  // namespace kaiji
