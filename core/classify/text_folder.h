// How the classifier reads text: NFKC-normalised, lower case, and every spelling of
// dict/variants.tsv written as its group's first spelling — the same table the search
// folds words with — so a rule written with 漏えい matches 漏洩, 改ざん matches 改竄.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/term_table.h"
#include "classify/phrase_matcher.h"

namespace kaiji {

class TextFolder {
 public:
  TextFolder() = default;  // normalises and lower-cases only
  explicit TextFolder(const std::vector<TableLine>& variant_lines);

  std::string fold(std::string_view text) const;
  // fold() of text that is already NFKC-normalised (normalize()'s output, such as the
  // analyser's NormalizedText): the normalising pass is skipped.
  std::string fold_normalized(std::string_view normalized) const;

 private:
  PhraseMatcher spellings_;              // every variant spelling (not the canonical ones)
  std::vector<std::string> canonical_;   // spellings_ phrase → its canonical spelling
  std::vector<std::size_t> spelling_sizes_;
};

}  // namespace kaiji
