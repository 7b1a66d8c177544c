#include "base/utf8.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace kaiji::utf8 {
namespace {

// The top bit of each byte of a 64-bit word: ASCII bytes have it clear.
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

}  // namespace

char32_t detail::decode_any(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1; cp = b0 & 0x1F; min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2; cp = b0 & 0x0F; min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3; cp = b0 & 0x07; min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= s.size()) {
      ++i;
      return kReplacement;
    }
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += extra + 1;
  return cp;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t valid_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      if (i + 8 <= n) {  // ASCII comes in runs: eight bytes at once where it does
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if ((w & kHighBits) == 0) {
          i += 8;
          continue;
        }
      }
      ++i;
      continue;
    }
    // Kana and kanji: a lead byte E1–EF but ED takes any two continuation bytes (E0 and
    // ED have narrower ranges, left to decode). Both are checked with one load.
    if (static_cast<unsigned char>(b0 - 0xE1) <= 0xEF - 0xE1 && b0 != 0xED && i + 2 < n) {
      std::uint16_t w;
      std::memcpy(&w, p + i + 1, 2);
      if ((w & 0xC0C0) == 0x8080) {
        i += 3;
        continue;
      }
    }
    std::size_t next = i;
    if (decode(s, next) == kReplacement && !(next - i == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) return i;
    i = next;
  }
  return n;
}

char32_t decode_before(std::string_view s, std::size_t at) {
  std::size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return decode(s, start);
}

std::size_t length(std::string_view s) {
  const std::size_t valid = valid_prefix(s);
  std::size_t n = length_of_valid(s.substr(0, valid));
  for (std::size_t i = valid; i < s.size(); ++n) decode(s, i);
  return n;
}

std::size_t length_of_valid(std::string_view s) {
  std::size_t continuations = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // A continuation byte is 10xxxxxx: bit 7 set and bit 6 (shifted into bit 7) clear.
    continuations += static_cast<std::size_t>(std::popcount(w & ~(w << 1) & kHighBits));
  }
  for (; i < s.size(); ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

std::string sanitize(std::string_view s) {
  // Most text is valid throughout: one quick check, then one copy.
  const std::size_t valid = valid_prefix(s);
  if (valid == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t copied = 0;  // s[copied, start) is valid and not yet in out
  for (std::size_t i = valid; i < s.size();) {
    const std::size_t start = i;
    if (decode(s, i) == kReplacement && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
      out.append(s.substr(copied, start - copied));
      append(out, kReplacement);
      copied = i;
    }
  }
  out.append(s.substr(copied));
  return out;
}

std::string_view prefix(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < max_chars && i < s.size(); ++n) decode(s, i);
  return s.substr(0, i);
}

std::string_view before_any(std::string_view s, std::initializer_list<std::string_view> stops) {
  std::size_t end = s.size();
  for (std::string_view stop : stops) end = std::min(end, s.find(stop));
  return s.substr(0, end);
}

std::size_t after_last(std::string_view s, std::size_t at, std::initializer_list<std::string_view> stops) {
  for (std::size_t end = std::min(at, s.size()); end > 0; --end) {
    const char last = s[end - 1];
    for (std::string_view stop : stops) {
      if (!stop.empty() && stop.back() == last && stop.size() <= end && s.substr(end - stop.size(), stop.size()) == stop) {
        return end;
      }
    }
  }
  return 0;
}

std::string_view sentence_around(std::string_view s, std::size_t at) {
  const std::size_t begin = after_last(s, at, {"。", "\n"});
  const std::size_t end = std::min({s.find("。", at), s.find('\n', at), s.size()});
  return s.substr(begin, end - begin);
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size() / 2);
  for (std::size_t i = 0; i < s.size();) out.push_back(decode(s, i));
  return out;
}

bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }
bool is_hiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }
bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005;
}
std::string_view trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!is_space(decode(s, next))) break;
    begin = next;
  }
  // From the end backwards, by the byte forms of is_space's characters (each starts with
  // a lead byte, so a match is always a whole character).
  std::string_view rest = s.substr(begin);
  while (!rest.empty()) {
    const auto last = static_cast<unsigned char>(rest.back());
    if (last < 0x80 && is_space(last)) {
      rest.remove_suffix(1);
    } else if (rest.ends_with("\xC2\xA0")) {  // NBSP
      rest.remove_suffix(2);
    } else if (rest.ends_with("\xE3\x80\x80") || rest.ends_with("\xEF\xBB\xBF")) {  // ideographic space, BOM
      rest.remove_suffix(3);
    } else {
      break;
    }
  }
  return rest;
}

}  // namespace kaiji::utf8
