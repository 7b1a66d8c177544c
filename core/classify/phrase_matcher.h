// Finds every occurrence of many fixed phrases in one pass over a text. The classifier
// has a few hundred phrases; searching for each separately read every notice a few
// hundred times and cost half as much as MeCab itself.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

// One occurrence of a phrase: where it starts (bytes) and which phrase it is.
struct PhraseHit {
  std::size_t offset = 0;
  std::size_t phrase = 0;
};
// A text's occurrences, in the order for_each_match reports them. Readers that look at one
// text several times, or at parts of it, take them from one pass (PhraseMatcher::find_all)
// rather than scanning again.
using PhraseHits = std::vector<PhraseHit>;

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // Phrases are byte strings (UTF-8); empty ones never match. Their indexes in this
  // vector are what matches report.
  explicit PhraseMatcher(std::vector<std::string> phrases);

  // Calls on_match(phrase index, byte offset) for every occurrence, overlapping ones
  // included, in order of offset (and, at one offset, of phrase index).
  void for_each_match(std::string_view text,
                      const std::function<void(std::size_t phrase, std::size_t offset)>& on_match) const;

  PhraseHits find_all(std::string_view text) const;

  std::size_t size() const { return phrases_.size(); }
  const std::string& phrase(std::size_t i) const { return phrases_[i]; }

 private:
  // Phrases are bucketed by a hash of their first three bytes, so each text position
  // costs one table probe; phrases shorter than that are searched for separately.
  static constexpr unsigned kBucketBits = 12;
  static std::uint32_t bucket_of(const char* first_three);

  std::vector<std::string> phrases_;
  std::vector<std::uint32_t> bucket_begin_;  // CSR offsets into bucket_phrases_, 2^kBucketBits + 1
  std::vector<std::uint32_t> bucket_phrases_;
  std::vector<std::uint32_t> short_phrases_;
};

}  // namespace kaiji
