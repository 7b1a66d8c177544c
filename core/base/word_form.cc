#include "base/word_form.h"

#include <vector>

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr char32_t kVu = U'ヴ';
constexpr char32_t kSmallTsu = U'ッ';
constexpr std::size_t kLongLoanword = 5;  // katakana run length from which ッ is optional

// The large kana a small katakana stands for; 0 for any other code point.
char32_t large_kana(char32_t c) {
  switch (c) {
    case U'ァ': return U'ア';
    case U'ィ': return U'イ';
    case U'ゥ': return U'ウ';
    case U'ェ': return U'エ';
    case U'ォ': return U'オ';
    case U'ャ': return U'ヤ';
    case U'ュ': return U'ユ';
    case U'ョ': return U'ヨ';
    case U'ヮ': return U'ワ';
    case U'ヵ': return U'カ';
    case U'ヶ': return U'ケ';
    default: return 0;
  }
}

// ヴ followed by a small vowel: the バ-row kana; 0 when next is no small vowel.
char32_t vu_syllable(char32_t next) {
  switch (next) {
    case U'ァ': return U'バ';
    case U'ィ': return U'ビ';
    case U'ェ': return U'ベ';
    case U'ォ': return U'ボ';
    default: return 0;
  }
}

bool is_connector(char32_t c) { return c == U'ヶ' || c == U'ケ' || c == U'ヵ' || c == U'カ' || c == U'が'; }

// The counter connector (一ヶ所, 3カ月, 数か国): ヶ ケ ヵ カ か, before a counted kanji.
bool is_counter_connector(char32_t c) { return c == U'ヶ' || c == U'ケ' || c == U'ヵ' || c == U'カ' || c == U'か'; }
bool is_counter(char32_t c) {
  return c == U'所' || c == U'月' || c == U'国' || c == U'年' || c == U'条' || c == U'店' || c == U'村' || c == U'町';
}

// For each code point, the length of the katakana run it belongs to (0 outside runs).
std::vector<std::size_t> katakana_runs(const std::vector<char32_t>& cps) {
  std::vector<std::size_t> runs(cps.size(), 0);
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t j = i;
    while (j < cps.size() && utf8::is_katakana(cps[j])) ++j;
    for (std::size_t k = i; k < j; ++k) runs[k] = j - i;
    i = j == i ? i + 1 : j;
  }
  return runs;
}

// Whether fold_kana_letters may change text: it holds a small kana, ヴ or a connector
// (ヶ ケ ヵ カ が か). Most words hold none, and are then not decoded into code points.
bool has_foldable_kana(std::string_view text) {
  // Every such code point is in U+3040–U+30FF, whose UTF-8 starts E3 81–83; most kana
  // are told apart by their bytes alone, without decoding.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xE3) continue;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < 0x81 || second > 0x83) continue;
    const char32_t c = 0x3000 | ((second & 0x3F) << 6) | (static_cast<unsigned char>(text[i + 2]) & 0x3F);
    if (large_kana(c) != 0 || c == kVu || is_connector(c) || is_counter_connector(c)) return true;
    i += 2;
  }
  return false;
}

// Whether text holds ッ (E3 83 83), told by its bytes: asked of every word.
bool has_small_tsu(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '\xE3' && text[i + 1] == '\x83' && text[i + 2] == '\x83') return true;
  }
  return false;
}

}  // namespace

std::string fold_kana_letters(std::string_view word) {
  if (!has_foldable_kana(word)) return std::string(word);
  const std::vector<char32_t> cps = utf8::code_points(word);
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    const char32_t previous = i > 0 ? cps[i - 1] : 0;
    const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
    const bool after_number = previous == 0 || utf8::is_kanji(previous) || (previous >= U'0' && previous <= U'9');
    if ((is_connector(c) && utf8::is_kanji(previous) && utf8::is_kanji(next)) ||
        (is_counter_connector(c) && after_number && is_counter(next))) {
      utf8::append(out, U'ケ');
    } else if (c == kVu) {
      const char32_t syllable = vu_syllable(next);
      utf8::append(out, syllable != 0 ? syllable : U'ブ');
      if (syllable != 0) ++i;
    } else if (const char32_t large = large_kana(c); large != 0) {
      utf8::append(out, large);
    } else {
      utf8::append(out, c);
    }
  }
  return out;
}

std::string drop_loanword_tsu(std::string_view word) {
  if (!has_small_tsu(word)) return std::string(word);
  const std::vector<char32_t> cps = utf8::code_points(word);
  const std::vector<std::size_t> runs = katakana_runs(cps);
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const bool inside = i > 0 && i + 1 < cps.size() && utf8::is_katakana(cps[i - 1]) && utf8::is_katakana(cps[i + 1]);
    if (cps[i] == kSmallTsu && inside && runs[i] >= kLongLoanword) continue;
    utf8::append(out, cps[i]);
  }
  return out;
}

std::string fold_kana(std::string_view word) {
  std::string out = fold_kana_letters(word);
  return has_small_tsu(out) ? drop_loanword_tsu(out) : out;
}

std::string strip_long_vowel(std::string term) {
  static constexpr std::string_view kChoon = "ー";
  if (term.size() < kChoon.size() || term.compare(term.size() - kChoon.size(), kChoon.size(), kChoon) != 0) {
    return term;
  }
  // Count the trailing katakana run.
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < term.size()) {
    const char32_t c = utf8::decode(term, i);
    run = utf8::is_katakana(c) ? run + 1 : 0;
  }
  if (run >= 4) term.resize(term.size() - kChoon.size());
  return term;
}

std::string fold_cased_spelling(std::string_view cased) { return strip_long_vowel(fold_kana(cased)); }

std::string fold_spelling(std::string_view word) { return fold_cased_spelling(fold_case(word)); }

std::string normalise_word(std::string_view word) { return fold_spelling(utf8::trim(normalize(word))); }

}  // namespace kaiji
