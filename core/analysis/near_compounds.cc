#include "analysis/near_compounds.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <xxhash.h>

#include "analysis/analyzer.h"
#include "base/term_table.h"
#include "analysis/word_paths.h"

namespace kaiji {

NearCompounds::NearCompounds(const std::string& csv_path, const std::string& synonyms_path, Analyzer& analyzer) {
  std::ifstream in(csv_path);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      fields.push_back(std::string_view(line).substr(start, comma == std::string::npos ? comma : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (fields.size() < 14 || fields[13] == "*" || fields[13].empty()) continue;
    add(fields[0], analyzer);
  }
  // Synonyms are whole phrases (不正アクセス行為の禁止等に関する法律): as typed, and as the
  // query expands them (normalised first).
  std::error_code missing;
  if (!synonyms_path.empty() && std::filesystem::exists(synonyms_path, missing)) {
    for (const TableLine& line : read_table_file(synonyms_path)) {
      for (const std::string& word : line.words) {
        add(word, analyzer);
        add(analyzer.fold_word(word), analyzer);
      }
    }
  }
}

std::string NearCompounds::key_of(const std::vector<std::string>& main) {
  std::string key;
  for (const std::string& word : main) {
    if (!key.empty()) key += ' ';  // no analysed word holds a space
    key += word;
  }
  return key;
}

void NearCompounds::add(std::string_view text, Analyzer& analyzer) {
  const WordPaths paths = split_paths(analyzer.analyze(text));
  if (paths.main.empty() || paths.leaves.size() < 2) return;
  const std::string key = key_of(paths.main);
  if (by_term_.contains(key)) return;
  by_term_.emplace(key, compounds_.size());
  for (const std::string& leaf : paths.leaves) leaves_.insert(leaf);
  compounds_.push_back({key, paths.leaves, paths.span + kNearSlack});
}

std::string NearCompounds::fingerprint() const {
  if (compounds_.empty()) return "none";
  std::string material;
  for (const NearCompound& c : compounds_) {
    material += c.term + '\t' + std::to_string(c.window);
    for (const std::string& leaf : c.leaves) material += '\t' + leaf;
    material += '\n';
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(material.data(), material.size())));
  return hex;
}

const NearCompound* NearCompounds::find(const std::vector<std::string>& main, const std::vector<std::string>& leaves) const {
  const auto it = by_term_.find(key_of(main));
  if (it == by_term_.end() || compounds_[it->second].leaves != leaves) return nullptr;
  return &compounds_[it->second];
}

NearCompounds::Present NearCompounds::present(const WordPositions& positions, std::uint32_t heavy_before,
                                               std::uint32_t heavy_weight) const {
  Present out;
  std::vector<const std::vector<std::uint32_t>*> lists;
  for (const NearCompound& c : compounds_) {
    lists.clear();
    for (const std::string& leaf : c.leaves) {
      const auto it = positions.find(leaf);
      if (it == positions.end()) break;
      lists.push_back(&it->second);
    }
    if (lists.size() != c.leaves.size() || !near_each_other(lists, c.window)) continue;
    out.near.push_back({&c, std::max<std::uint32_t>(1, count_near(lists, c.window, heavy_before, heavy_weight))});
    // Counted from every start, so a count of 0 is the phrase test failing.
    if (const std::uint32_t n = count_in_order(lists, c.window - kNearSlack, heavy_before, heavy_weight); n > 0) {
      out.in_order.push_back({&c, n});
    }
  }
  return out;
}

bool near_each_other(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window) {
  if (lists.empty()) return false;
  // All occurrences in position order, tagged by list; then the narrowest window that
  // holds every list, found with two pointers.
  std::vector<std::pair<std::uint32_t, std::size_t>> all;
  for (std::size_t k = 0; k < lists.size(); ++k) {
    if (lists[k]->empty()) return false;
    for (const std::uint32_t p : *lists[k]) all.emplace_back(p, k);
  }
  std::sort(all.begin(), all.end());
  std::vector<std::size_t> in_window(lists.size(), 0);
  std::size_t covered = 0;
  std::size_t left = 0;
  for (std::size_t right = 0; right < all.size(); ++right) {
    if (in_window[all[right].second]++ == 0) ++covered;
    while (covered == lists.size()) {
      if (all[right].first - all[left].first < window) return true;
      if (--in_window[all[left].second] == 0) --covered;
      ++left;
    }
  }
  return false;
}

namespace {

std::uint32_t occurrence_weight(std::uint32_t position, std::uint32_t heavy_before, std::uint32_t heavy_weight) {
  return position < heavy_before ? heavy_weight : 1;
}

// Whether an in-order match starts at `first` (an occurrence of the first list).
bool in_order_from(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t first,
                   std::uint32_t window) {
  // The earliest occurrence of each next list after the previous one's is the best bet.
  std::uint32_t previous = first;
  for (std::size_t k = 1; k < lists.size(); ++k) {
    const auto next = std::upper_bound(lists[k]->begin(), lists[k]->end(), previous);
    if (next == lists[k]->end() || *next - first >= window) return false;
    previous = *next;
  }
  return true;
}

}  // namespace

std::uint32_t count_near(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window,
                         std::uint32_t heavy_before, std::uint32_t heavy_weight) {
  if (lists.empty()) return 0;
  std::uint32_t count = 0;
  for (const std::uint32_t p : *lists.front()) {
    bool all = true;
    for (std::size_t k = 1; k < lists.size() && all; ++k) {
      // The first occurrence more than `window` before p; near when it is also less
      // than `window` after p.
      const std::uint32_t low = p >= window ? p - window : 0;
      const auto q = std::upper_bound(lists[k]->begin(), lists[k]->end(), low);
      all = q != lists[k]->end() && *q < p + window;
    }
    if (all) count += occurrence_weight(p, heavy_before, heavy_weight);
  }
  return count;
}

std::uint32_t count_in_order(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window,
                             std::uint32_t heavy_before, std::uint32_t heavy_weight) {
  std::uint32_t count = 0;
  if (lists.empty()) return count;
  for (const std::uint32_t first : *lists.front()) {
    if (in_order_from(lists, first, window)) count += occurrence_weight(first, heavy_before, heavy_weight);
  }
  return count;
}

}  // namespace kaiji
