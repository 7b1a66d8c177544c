#include "classify/phrase_matcher.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace kaiji {

std::uint32_t PhraseMatcher::bucket_of(const char* first_three) {
  const std::uint32_t key = static_cast<std::uint32_t>(static_cast<unsigned char>(first_three[0])) << 16 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(first_three[1])) << 8 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(first_three[2]));
  return (key * 2654435761U) >> (32 - kBucketBits);  // Knuth's multiplicative hash
}

PhraseMatcher::PhraseMatcher(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;
  std::vector<std::vector<std::uint32_t>> buckets(kBuckets);
  for (std::uint32_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.empty()) continue;
    if (p.size() < 3) {
      short_phrases_.push_back(i);
    } else {
      buckets[bucket_of(p.data())].push_back(i);
    }
  }
  bucket_begin_.reserve(kBuckets + 1);
  for (const auto& bucket : buckets) {
    bucket_begin_.push_back(static_cast<std::uint32_t>(bucket_phrases_.size()));
    bucket_phrases_.insert(bucket_phrases_.end(), bucket.begin(), bucket.end());
  }
  bucket_begin_.push_back(static_cast<std::uint32_t>(bucket_phrases_.size()));
}

void PhraseMatcher::for_each_match(std::string_view text,
                                   const std::function<void(std::size_t, std::size_t)>& on_match) const {
  if (phrases_.empty()) return;
  // Short phrases first collected, so everything can be reported in offset order.
  std::vector<std::pair<std::size_t, std::uint32_t>> short_hits;
  for (const std::uint32_t i : short_phrases_) {
    for (std::size_t at = text.find(phrases_[i]); at != std::string_view::npos; at = text.find(phrases_[i], at + 1)) {
      short_hits.emplace_back(at, i);
    }
  }
  std::sort(short_hits.begin(), short_hits.end());
  auto next_short = short_hits.begin();

  const char* const data = text.data();
  const std::size_t size = text.size();
  const auto continuation = [data](std::size_t i) { return (static_cast<unsigned char>(data[i]) & 0xC0) == 0x80; };
  const auto shorts_end = short_hits.end();
  std::vector<std::uint32_t> here;
  // One step per character: a UTF-8 phrase starts with a lead byte, never with a
  // continuation byte (10xxxxxx), so those are stepped over.
  for (std::size_t at = 0; at < size;) {
    std::size_t next = at + 1;
    while (next < size && continuation(next)) ++next;
    std::uint32_t first = 0, last = 0;  // the bucket of phrases that may start here
    if (at + 3 <= size && !continuation(at)) {
      const std::uint32_t b = bucket_of(data + at);
      first = bucket_begin_[b];
      last = bucket_begin_[b + 1];
    }
    // Mostly nothing starts here: no bucket and no short phrase at or before it.
    if (first == last && (next_short == shorts_end || next_short->first >= next)) {
      at = next;
      continue;
    }
    here.clear();
    // A short phrase found inside a character (damaged text) is reported where it is.
    for (; next_short != shorts_end && next_short->first < at; ++next_short) on_match(next_short->second, next_short->first);
    while (next_short != shorts_end && next_short->first == at) here.push_back((next_short++)->second);
    for (std::uint32_t k = first; k < last; ++k) {
      const std::string& p = phrases_[bucket_phrases_[k]];
      if (p.size() <= size - at && std::memcmp(p.data(), data + at, p.size()) == 0) here.push_back(bucket_phrases_[k]);
    }
    if (here.size() > 1) std::sort(here.begin(), here.end());
    for (const std::uint32_t i : here) on_match(i, at);
    at = next;
  }
  for (; next_short != short_hits.end(); ++next_short) on_match(next_short->second, next_short->first);
}

PhraseHits PhraseMatcher::find_all(std::string_view text) const {
  PhraseHits hits;
  for_each_match(text, [&](std::size_t phrase, std::size_t offset) { hits.push_back({offset, phrase}); });
  return hits;
}

}  // namespace kaiji
