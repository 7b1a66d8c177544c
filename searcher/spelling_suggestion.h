// Did you mean: for the top-level words of a query that match no notice at all, the
// form they were probably meant to have, from the index's spelling data (Xapian's
// spelling table, filled at index time by index/spelling_words.h).
//
// A word is corrected, first, to the katakana form of its hiragana (さぽーと詐欺 →
// サポート詐欺: loanwords typed without converting), then to the spelling table's nearest
// word (Database::get_spelling_suggestion) within an edit distance that grows with the
// word's length (suggestion_distance). A correction is taken only when the corrected word
// matches notices, and only when it differs from the word by more than case, width or
// a long vowel and is not a part of it (the notices lacking 取引所 do not make it a
// misspelt 取引). An index without spelling data (written before it, or served over
// tcp://, which does not carry it) gives no suggestions.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query_syntax.h"

namespace kaiji {

// The words a suggestion may correct: the children of the query's top-level AND that are
// plain words (or the root itself when it is one). Not phrases, field values or
// excluded words.
std::vector<const QueryNode*> top_level_words(const QueryNode& root);

// The word with each run of two or more hiragana (ー included) in katakana; other
// characters, and a lone hiragana (a particle), as they are.
std::string katakana_form(std::string_view word);

// The edit distance a correction of a word of `chars` code points may have: 1 up to
// kShortWordChars, 2 beyond (two slips in a long compound are as likely as one in a
// short one; two in a short word make another word).
inline constexpr std::size_t kShortWordChars = 8;
unsigned suggestion_distance(std::size_t chars);

// One word of the query replaced: the Word node's column (1-based code points in the
// NFKC-normalised query, QueryNode::column), its text and its correction.
struct WordCorrection {
  std::size_t column = 0;
  std::string word;
  std::string corrected;
};

// normalized_query (as parse_query saw it: NFKC) with each correction applied.
std::string corrected_query(std::string_view normalized_query, const std::vector<WordCorrection>& corrections);

class SpellingSuggester {
 public:
  // Whether a word, searched alone and without filters, finds any notice.
  using WordMatches = std::function<bool(const std::string& word)>;

  // db must outlive the suggester.
  SpellingSuggester(const Xapian::Database& db, WordMatches matches) : db_(db), matches_(std::move(matches)) {}

  // A correction of word that matches notices, or "" when there is none. word is
  // expected not to match any itself.
  std::string correct_word(const std::string& word) const;

  // The corrections of tree's top-level words that match nothing; empty when no such
  // word could be corrected.
  std::vector<WordCorrection> corrections(const QueryNode& tree) const;

 private:
  // The spelling table's nearest word to word, or "".
  std::string nearest_spelling(const std::string& word) const;

  const Xapian::Database& db_;
  WordMatches matches_;
};

}  // namespace kaiji
