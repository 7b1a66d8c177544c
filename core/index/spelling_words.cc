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

// What decides whether a surface, or a run of surfaces joined, is a spelling word; it
// adds up over a run, so a run is judged without joining its words first.
struct Shape {
  std::size_t chars = 0;
  bool spaced = false;  // holds white space (utf8::is_space)
  bool number = true;   // digits and number separators only (vacuously true when empty)

  Shape& operator+=(const Shape& other) {
    chars += other.chars;
    spaced = spaced || other.spaced;
    number = number && other.number;
    return *this;
  }
  // Not too short, not too long, no number, no white space inside.
  bool is_spelling_word() const { return chars >= 2 && chars <= kMaxSpellingChars && !spaced && !number; }
};

// One pass over the bytes of a surface (NFKC output, so valid UTF-8): this runs for every
// noun of every notice.
Shape shape_of(std::string_view word) {
  Shape shape;
  const auto byte = [&](std::size_t i) { return i < word.size() ? static_cast<unsigned char>(word[i]) : 0; };
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char b = byte(i);
    if ((b & 0xC0) == 0x80) continue;  // inside a character
    ++shape.chars;
    if (!((b >= '0' && b <= '9') || b == ',' || b == '.')) shape.number = false;
    // The white space utf8::is_space knows: ASCII, U+00A0, U+3000, U+FEFF.
    if ((b < 0x80 && utf8::is_space(b)) || (b == 0xC2 && byte(i + 1) == 0xA0) ||
        (b == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) ||
        (b == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF)) {
      shape.spaced = true;
    }
  }
  return shape;
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
  struct InRun {
    const Token* token;
    Shape shape;
  };
  std::vector<InRun> run;
  for (const Token& token : tokens) {
    if (token.begin >= text_limit) break;
    if (!token.noun || !token.indexable) {
      if (!token.is_part) run.clear();
      continue;
    }
    const Shape shape = shape_of(token.surface);
    if (shape.is_spelling_word()) words.push_back(token.surface);
    if (token.is_part) continue;
    const bool adjacent = !run.empty() && run.back().token->end == token.begin;
    if (!runs_on(token)) {
      run.clear();
      continue;
    }
    if (!adjacent) run.clear();
    // A run does not start at a one-character noun: that is mostly a suffix cut off
    // from a number (3月予定, 2名様).
    if (run.empty() && is_one_character(token.term)) continue;
    run.push_back({&token, shape});
    if (run.size() > kMaxSpellingRun) run.erase(run.begin());
    // Every run of 2..kMaxSpellingRun words ending here, joined as the text has them;
    // judged before it is joined, since most long runs are not kept.
    for (std::size_t first = 0; first + 1 < run.size(); ++first) {
      Shape joined_shape;
      for (std::size_t k = first; k < run.size(); ++k) joined_shape += run[k].shape;
      if (!joined_shape.is_spelling_word()) continue;
      std::string joined;
      for (std::size_t k = first; k < run.size(); ++k) joined += run[k].token->surface;
      words.push_back(std::move(joined));
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
