// What each word a tokenizer emits folds to, remembered per analyser.
// Folding a word (case, kana letters, long vowel, the variant table) costs a few
// allocations and a hash lookup, and it is asked for every morpheme of every notice,
// most of which are the same few thousand particles, endings and common nouns.
// The memo is direct-mapped — one slot per hash value, a new word evicts the old —
// and small enough to stay in the CPU's cache: a hash map over the whole vocabulary
// missed the cache on nearly every lookup and cost more than folding again.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

struct FoldedWord {
  std::string cased;  // NFKC'd text, case-folded only (a noun's spelling data)
  std::string term;   // the index term
};

class WordMemo {
 public:
  // slots: a power of two.
  explicit WordMemo(std::size_t slots = 2048) : slots_(slots) {}

  // fold(word) unless the word's slot holds it; the reference holds until the next call.
  template <class Fold>
  const FoldedWord& get(std::string_view word, Fold&& fold) {
    Slot& slot = slots_[std::hash<std::string_view>{}(word) & (slots_.size() - 1)];
    if (!slot.filled || slot.word != word) {
      slot.word.assign(word);
      slot.folded = fold(word);
      slot.filled = true;
    }
    return slot.folded;
  }

 private:
  struct Slot {
    std::string word;
    FoldedWord folded;
    bool filled = false;  // an empty word is a word too
  };
  std::vector<Slot> slots_;
};

}  // namespace kaiji
