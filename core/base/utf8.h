// UTF-8 helpers shared by the reader, the analysis and the snippet code.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

namespace detail {
char32_t decode_any(std::string_view s, std::size_t& i);  // decode's general case
}

// Decodes the code point starting at s[i] and advances i past it. An invalid or
// truncated sequence yields U+FFFD and advances one byte, so callers never loop forever.
// Inline, with ASCII and the three-byte sequences of kana and kanji first: the reader,
// the normaliser and the dedupe keys decode every character of every notice (10% of
// the indexer's instructions when this was a plain function).
inline char32_t decode(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    const char32_t cp = (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (char32_t{b2} & 0x3F);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      i += 3;
      return cp;
    }
  }
  return detail::decode_any(s, i);
}

void append(std::string& out, char32_t c);

// The code point that ends at byte `at` (at > 0): the one before the character at `at`.
char32_t decode_before(std::string_view s, std::size_t at);

// Number of code points (invalid bytes count one each).
std::size_t length(std::string_view s);

// Number of code points of text known to be valid UTF-8 (what the normaliser returns):
// its bytes that are not continuation bytes, counted eight at a time. On invalid text it
// differs from length().
std::size_t length_of_valid(std::string_view s);

// The length of the longest prefix of s that is valid UTF-8 (a U+FFFD already in the
// text counts as valid): s.size() for valid text. Faster than decoding, for the checks
// run over whole notices.
std::size_t valid_prefix(std::string_view s);

// The input with every invalid sequence replaced by U+FFFD; valid text is unchanged.
std::string sanitize(std::string_view s);

// The first max_chars code points of s.
std::string_view prefix(std::string_view s, std::size_t max_chars);

// s up to (not including) the first occurrence of any of stops; all of s without one.
std::string_view before_any(std::string_view s, std::initializer_list<std::string_view> stops);

// Where the last occurrence of any of stops that ends at or before byte `at` of s ends;
// 0 without one. It scans back from `at`, so it costs the distance to that occurrence,
// not the length of s (a clause's start, asked at every hit of a long notice).
std::size_t after_last(std::string_view s, std::size_t at, std::initializer_list<std::string_view> stops);

// The sentence of s holding byte `at`: from after the last 。 or line break before it to
// the next one (not included).
std::string_view sentence_around(std::string_view s, std::size_t at);

// Every code point of s, decoded.
std::vector<char32_t> code_points(std::string_view s);

bool is_katakana(char32_t c);   // including the long-vowel mark ー
bool is_hiragana(char32_t c);
bool is_kanji(char32_t c);      // CJK ideographs and 々
// ASCII white space, NBSP, ideographic space, BOM. Inline: asked of every character of
// every word the spelling data and trim look at.
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x3000 ||
         c == 0xFEFF;
}

// s without leading and trailing white space (as defined by is_space).
std::string_view trim(std::string_view s);

}  // namespace kaiji::utf8
