#include "base/word_form.h"

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {

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

std::string normalise_word(std::string_view word) { return strip_long_vowel(fold_case(utf8::trim(normalize(word)))); }

}  // namespace kaiji
