#include "index/spelling_words.h"

#include <algorithm>

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

// Digits (and the separators of numbers) only: 2024, 1,200, 3.5.
bool is_number(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// The reader's form of text[begin, end): NFKC, case-folded; empty when it is not a
// spelling word (too short, too long, a number, white space inside).
std::string spelling_form(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end || end > text.size()) return {};
  std::string word = fold_case(normalize(text.substr(begin, end - begin)));
  const std::size_t chars = utf8::length(word);
  if (chars < 2 || chars > kMaxSpellingChars || is_number(word)) return {};
  for (std::size_t i = 0; i < word.size();) {
    if (utf8::is_space(utf8::decode(word, i))) return {};
  }
  return word;
}

// A word that may stand in a run of nouns (a number breaks the run: 2024年, 3名).
bool runs_on(const Token& token) { return token.noun && token.indexable && !is_number(token.term); }

}  // namespace

void collect_spelling_words(std::string_view text, const std::vector<Token>& tokens, std::vector<std::string>& words,
                            std::size_t text_limit) {
  // The whole words of the text, in order (a compound's parts follow it, flagged).
  std::vector<const Token*> run;
  for (const Token& token : tokens) {
    if (token.begin >= text_limit) break;
    if (token.noun && token.indexable) {
      if (std::string word = spelling_form(text, token.begin, token.end); !word.empty()) words.push_back(std::move(word));
    }
    if (token.is_part) continue;
    const bool adjacent = !run.empty() && run.back()->end == token.begin;
    if (!runs_on(token)) {
      run.clear();
      continue;
    }
    if (!adjacent) run.clear();
    // A run does not start at a one-character noun: that is mostly a suffix cut off
    // from a number (3月予定, 2名様).
    if (run.empty() && utf8::length(token.term) < 2) continue;
    run.push_back(&token);
    if (run.size() > kMaxSpellingRun) run.erase(run.begin());
    // Every run of 2..kMaxSpellingRun words ending here.
    for (std::size_t first = 0; first + 1 < run.size(); ++first) {
      if (std::string word = spelling_form(text, run[first]->begin, token.end); !word.empty()) {
        words.push_back(std::move(word));
      }
    }
  }
}

void finish_spelling_words(std::vector<std::string>& words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

void add_spelling_words(Xapian::WritableDatabase& db, const std::vector<std::string>& words) {
  for (const std::string& word : words) db.add_spelling(word, 1);
}

}  // namespace kaiji
