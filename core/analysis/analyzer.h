// The one analysis used for documents and queries alike: NFKC (with offsets back into
// the original text) → MeCab (IPAdic + the kaiji user dictionary) → terms folded by
// case, the katakana long-vowel rule and the variant table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/mecab_tokenizer.h"
#include "analysis/near_compounds.h"
#include "base/term_table.h"
#include "base/text_normalizer.h"
#include "base/word_form.h"

namespace kaiji {

struct Token {
  std::string term;             // the folded index term
  std::uint32_t position = 0;   // word position; every word counts, stop words too
  std::uint32_t begin = 0;      // byte range in the ORIGINAL text, for highlights
  std::uint32_t end = 0;
  bool indexable = true;        // false for particles, auxiliaries, symbols, filler verbs
  bool is_part = false;         // a sub-word of a dictionary compound (search-mode split)
  bool unknown = false;         // not in any dictionary (gets character n-grams too)
  bool noun = false;            // MeCab's 名詞 (the index's spelling data joins runs of them)
};

struct AnalysisOptions {
  std::string dicdir;    // compiled MeCab dictionary; IPAdic by default
  std::string data_dir;  // where user.dic (and its source), variants.tsv and synonyms.tsv live
  bool use_user_dictionary = true;
};

// Default locations chosen at build time (IPAdic's installed path, the build tree's data).
AnalysisOptions default_analysis_options();

// One per thread: analyze() runs MeCab on the analyser's own tokenizer and lattice.
class Analyzer {
 public:
  // Throws std::runtime_error with a message naming what could not be loaded.
  explicit Analyzer(const AnalysisOptions& options);

  std::vector<Token> analyze(std::string_view text);

  // normalise_word followed by variant folding: what a one-word token becomes.
  std::string fold_word(std::string_view word) const;

  const SynonymTable& synonyms() const { return synonyms_; }
  // The user dictionary's compounds, for NEAR terms (near_compounds.h).
  const NearCompounds& near_compounds() const { return near_compounds_; }
  const VariantTable& variants() const { return variants_; }

 private:
  void analyze_line(std::string_view line, std::size_t line_offset, NormalizedText::Cursor& normalized,
                    std::uint32_t& position, std::vector<Token>& out);

  std::unique_ptr<MecabTokenizer> mecab_;
  VariantTable variants_;
  SynonymTable synonyms_;
  NearCompounds near_compounds_;
};

}  // namespace kaiji
