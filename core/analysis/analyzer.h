// The one analysis used for documents and queries alike: NFKC (with offsets back into
// the original text) → MeCab (IPAdic + the kaiji user dictionary) → terms folded by
// case, the katakana long-vowel rule and the variant table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/mecab_tokenizer.h"
#include "analysis/near_compounds.h"
#include "analysis/word_memo.h"
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
  // A noun's text as the notice writes it, NFKC and case-folded, not folded further
  // (サーバー, 漏洩): the index's spelling data. Empty for other words.
  std::string surface;
};

struct AnalysisOptions {
  std::string dicdir;    // compiled MeCab dictionary; IPAdic by default
  // Where user.dic (and its source), variants.tsv, synonyms.tsv, loanwords.tsv and
  // question_words.tsv live.
  std::string data_dir;
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
  // analyze() of text already normalised by normalize_with_offsets(text); offsets are
  // into that text's source.
  std::vector<Token> analyze(const NormalizedText& normalized);

  // normalise_word followed by variant folding: what a one-word token becomes.
  std::string fold_word(std::string_view word) const;

  // synonyms.tsv and loanwords.tsv, one table: what a query word may also be written as.
  const SynonymTable& synonyms() const { return synonyms_; }
  // question_words.tsv: words a question drops (searcher/question_words.h); some only
  // inside a sentence (ケース of ケースを教えて, not of スマホ ケース 紛失).
  bool is_question_word(const std::string& folded, bool in_sentence) const {
    const auto it = question_words_.find(folded);
    return it != question_words_.end() && (in_sentence || !it->second);
  }
  // The user dictionary's compounds, for NEAR terms (near_compounds.h).
  const NearCompounds& near_compounds() const { return near_compounds_; }
  const VariantTable& variants() const { return variants_; }

 private:
  void analyze_line(std::string_view line, std::size_t line_offset, NormalizedText::Cursor& normalized,
                    std::uint32_t& position, std::vector<Token>& out);
  // The parts of a user-dictionary compound m (just added to out), from position on.
  void add_parts(const Morpheme& m, std::size_t line_offset, NormalizedText::Cursor& normalized,
                 std::uint32_t position, std::vector<Token>& out) const;

  std::unique_ptr<MecabTokenizer> mecab_;
  VariantTable variants_;
  SynonymTable synonyms_;
  std::unordered_map<std::string, bool> question_words_;  // word → only inside a sentence
  NearCompounds near_compounds_;
  WordMemo memo_;  // each word's fold, asked for every morpheme
};

}  // namespace kaiji
