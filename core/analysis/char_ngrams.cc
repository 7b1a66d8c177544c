#include "analysis/char_ngrams.h"

#include <unicode/uchar.h>

#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "base/word_form.h"

namespace kaiji {

std::vector<CharGram> char_bigrams(std::string_view text, std::uint32_t first_position) {
  // One-for-one folds only: dropping ッ from long runs would make a name's bigrams
  // (ネットワン…) differ from those of its start (ネット).
  const std::string folded = fold_kana_letters(fold_case(normalize(text)));
  std::vector<CharGram> grams;
  std::uint32_t position = first_position;
  std::vector<std::string_view> run;
  auto flush_run = [&] {
    if (run.size() == 1) {
      grams.push_back({std::string(run[0]), position++});
    } else {
      for (std::size_t k = 0; k + 1 < run.size(); ++k) {
        grams.push_back({std::string(run[k]) + std::string(run[k + 1]), position++});
      }
    }
    if (!run.empty()) position += 1;  // a gap: no phrase spans two runs
    run.clear();
  };
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(folded, i);
    if (u_isalnum(static_cast<UChar32>(c)) || utf8::is_katakana(c)) {
      run.push_back(std::string_view(folded).substr(start, i - start));
    } else {
      flush_run();
    }
  }
  flush_run();
  return grams;
}

}  // namespace kaiji
