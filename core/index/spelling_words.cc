#include "index/spelling_words.h"

#include <algorithm>

#include <xxhash.h>

#include "base/utf8.h"

namespace kaiji {
namespace {

// Digits (and the separators of numbers) only: 2024, 1,200, 3.5.
bool is_number(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// Whether word (a noun's surface, or a run of them joined) is a spelling word: not too
// short, not too long, no number, no white space inside.
bool is_spelling_word(std::string_view word) {
  // One walk counts the characters and looks for white space: this runs for every noun
  // and every run of nouns of every notice.
  std::size_t chars = 0;
  for (std::size_t i = 0; i < word.size(); ++chars) {
    if (chars == kMaxSpellingChars || utf8::is_space(utf8::decode(word, i))) return false;
  }
  return chars >= 2 && !is_number(word);
}

// Whether word is at most one character long (decodes one character, not the word).
bool is_one_character(std::string_view word) {
  std::size_t i = 0;
  if (!word.empty()) utf8::decode(word, i);
  return i == word.size();
}

// A word that may stand in a run of nouns (a number breaks the run: 2024年, 3名).
bool runs_on(const Token& token) { return token.noun && token.indexable && !is_number(token.term); }

}  // namespace

void collect_spelling_words(const std::vector<Token>& tokens, std::vector<std::string>& words, std::size_t text_limit) {
  // The whole words of the text, in order (a compound's parts follow it, flagged).
  std::vector<const Token*> run;
  for (const Token& token : tokens) {
    if (token.begin >= text_limit) break;
    if (token.noun && token.indexable && is_spelling_word(token.surface)) words.push_back(token.surface);
    if (token.is_part) continue;
    const bool adjacent = !run.empty() && run.back()->end == token.begin;
    if (!runs_on(token)) {
      run.clear();
      continue;
    }
    if (!adjacent) run.clear();
    // A run does not start at a one-character noun: that is mostly a suffix cut off
    // from a number (3月予定, 2名様).
    if (run.empty() && is_one_character(token.term)) continue;
    run.push_back(&token);
    if (run.size() > kMaxSpellingRun) run.erase(run.begin());
    // Every run of 2..kMaxSpellingRun words ending here, joined as the text has them.
    for (std::size_t first = 0; first + 1 < run.size(); ++first) {
      std::string joined;
      for (std::size_t k = first; k < run.size(); ++k) joined += run[k]->surface;
      if (is_spelling_word(joined)) words.push_back(std::move(joined));
    }
  }
}

std::size_t SpellingBatch::WordHash::operator()(const std::string& word) const {
  return static_cast<std::size_t>(XXH3_64bits(word.data(), word.size()));
}

void SpellingBatch::add(const std::vector<std::string>& words) {
  constexpr std::size_t kExpectedWords = std::size_t{1} << 16;
  if (added_++ == 0) notices_.reserve(kExpectedWords);
  for (const std::string& word : words) {
    Held& held = notices_[word];
    if (held.last_notice == added_) continue;
    held.last_notice = added_;
    ++held.notices;
  }
}

void SpellingBatch::merge(SpellingBatch&& other) {
  if (notices_.empty()) {
    std::swap(notices_, other.notices_);
    added_ = std::max(added_, other.added_);
  } else {
    for (auto& [word, held] : other.notices_) {
      // last_notice counts other's add()s, not this batch's: a word new here must not
      // look already counted for this batch's next notice.
      Held& mine = notices_.try_emplace(word).first->second;
      mine.notices += held.notices;
    }
  }
  other.notices_.clear();
}

void SpellingBatch::flush(Xapian::WritableDatabase& db) {
  for (const auto& [word, held] : notices_) db.add_spelling(word, held.notices);
  notices_.clear();
}

}  // namespace kaiji
