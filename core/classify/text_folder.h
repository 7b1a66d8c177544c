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

 private:
  PhraseMatcher spellings_;              // every variant spelling (not the canonical ones)
  std::vector<std::string> canonical_;   // spellings_ phrase → its canonical spelling
  std::vector<std::size_t> spelling_sizes_;
};

}  // namespace kaiji
