// The index's spelling data: the words a reader of the notices would type, for Xapian's
// spelling table (WritableDatabase::add_spelling), from which the searcher suggests a
// correction for a query word that finds nothing (searcher/spelling_suggestion.h).
//
// A spelling word is what the reader sees, not the index term: the surface of a noun as
// the notice writes it, NFKC-normalised and case-folded (サーバー keeps its ー, 漏洩 is not
// folded to 漏えい). MeCab splits compounds that analysts type as one word (サポート詐欺 →
// サポート + 詐欺, 不正閲覧 → 不正 + 閲覧), so runs of two or three adjacent nouns are spelling
// words too, joined as they stand in the text. Bounded: no one-character word, no word
// of digits only, no run across a number or starting at a one-character noun, nothing
// past kMaxSpellingChars.
//
// Each word counts once per notice (its frequency is how many notices hold it). A notice
// replaced or removed in place keeps its old words in the table: Xapian cannot tell
// which notice added a word, and re-analysing the old version to subtract its words
// would cost as much as indexing it. The searcher accepts a suggestion only when the
// corrected query finds notices, so a stale word never leads anywhere empty; a rebuild
// (--rebuild) writes the table afresh. A bulk build adds its words at its end
// (SpellingBatch), once into each finished shard, so a build interrupted and resumed
// lacks the words of the notices its first run wrote: they are searchable, only not
// suggested, until a rebuild.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace kaiji {

// Part of every notice's version: changing what is collected makes the next run
// rewrite every notice, and so the spelling table.
inline constexpr int kSpellingVersion = 1;
// Longer words (and runs) are not collected: a query word that long is a phrase.
inline constexpr std::size_t kMaxSpellingChars = 16;
// Runs of adjacent nouns of up to this many words are joined.
inline constexpr std::size_t kMaxSpellingRun = 3;

// Adds the spelling words of one field's tokens (their surfaces, Token::surface) to words,
// in text order, repeats included. Only tokens starting before byte text_limit count.
void collect_spelling_words(const std::vector<Token>& tokens, std::vector<std::string>& words,
                            std::size_t text_limit = SIZE_MAX);

// The spelling words of notices written but not yet added to the spelling table, each
// with the number of notices that hold it. Xapian looks a word up on every add_spelling
// and, at each commit, rewrites and recompresses every fragment entry a new word touched;
// so a word common to many notices is added once, with its count, and a writer that may
// (a bulk build) adds them at few commits.
class SpellingBatch {
 public:
  // One notice's words (collect_spelling_words): each counts once, however often the
  // notice has it.
  void add(const std::vector<std::string>& words);
  // Adds other's words and counts (batches of disjoint notices, such as a bulk build's
  // parts) and leaves other empty.
  void merge(SpellingBatch&& other);
  // Adds every word to db's spelling table and starts an empty batch.
  void flush(Xapian::WritableDatabase& db);
  // Distinct words waiting.
  std::size_t size() const { return notices_.size(); }

 private:
  struct Held {
    Xapian::termcount notices = 0;
    std::size_t last_notice = 0;  // the add() that counted it last (1, 2, …)
  };
  // Every word of every notice is looked up here: XXH3 hashes a short word faster than
  // std::hash, and the table starts large enough for a corpus's vocabulary.
  struct WordHash {
    std::size_t operator()(const std::string& word) const;
  };
  std::unordered_map<std::string, Held, WordHash> notices_;
  std::size_t added_ = 0;
};

}  // namespace kaiji
