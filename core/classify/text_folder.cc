#include "classify/text_folder.h"

#include <algorithm>

#include "base/text_normalizer.h"

namespace kaiji {
namespace {

std::string basic_fold(std::string_view text) { return fold_case(normalize(text)); }

}  // namespace

TextFolder::TextFolder(const std::vector<TableLine>& variant_lines) {
  std::vector<std::pair<std::string, std::string>> pairs;  // spelling, canonical
  for (const TableLine& line : variant_lines) {
    if (line.words.size() < 2) continue;
    const std::string canonical = basic_fold(line.words.front());
    for (std::size_t k = 1; k < line.words.size(); ++k) {
      std::string spelling = basic_fold(line.words[k]);
      if (!spelling.empty() && spelling != canonical) pairs.emplace_back(std::move(spelling), canonical);
    }
  }
  // Longer spellings first, so at one offset the longest wins (ファイヤーウォール before ファイヤ…).
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::vector<std::string> phrases;
  for (auto& [spelling, canonical] : pairs) {
    spelling_sizes_.push_back(spelling.size());
    phrases.push_back(std::move(spelling));
    canonical_.push_back(std::move(canonical));
  }
  spellings_ = PhraseMatcher(std::move(phrases));
}

std::string TextFolder::fold(std::string_view text) const { return fold_normalized(normalize(text)); }

std::string TextFolder::fold_normalized(std::string_view normalized) const {
  const std::string basic = fold_case(normalized);
  if (spellings_.size() == 0) return basic;
  // Leftmost, then longest, occurrences are replaced; overlapping ones are skipped.
  std::string out;
  out.reserve(basic.size());
  std::size_t copied = 0;
  spellings_.for_each_match(basic, [&](std::size_t phrase, std::size_t at) {
    if (at < copied) return;
    out.append(basic, copied, at - copied);
    out += canonical_[phrase];
    copied = at + spelling_sizes_[phrase];
  });
  out.append(basic, copied);
  return out;
}

}  // namespace kaiji
