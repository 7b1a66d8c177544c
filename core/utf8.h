// UTF-8 helpers shared by the reader, the analysis and the snippet code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kaiji::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[i] and advances i past it. An invalid or
// truncated sequence yields U+FFFD and advances one byte, so callers never loop forever.
char32_t decode(std::string_view s, std::size_t& i);

void append(std::string& out, char32_t c);

// Number of code points (invalid bytes count one each).
std::size_t length(std::string_view s);

// The input with every invalid sequence replaced by U+FFFD; valid text is unchanged.
std::string sanitize(std::string_view s);

// The first max_chars code points of s.
std::string_view prefix(std::string_view s, std::size_t max_chars);

bool is_katakana(char32_t c);   // including the long-vowel mark ー
bool is_hiragana(char32_t c);
bool is_kanji(char32_t c);      // CJK ideographs and 々
bool is_space(char32_t c);      // ASCII white space, NBSP, ideographic space

// s without leading and trailing white space (as defined by is_space).
std::string_view trim(std::string_view s);

}  // namespace kaiji::utf8
