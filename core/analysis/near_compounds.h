// The kaiji user dictionary's compounds (不正アクセス = 不正/アクセス) and the synonym
// table's phrases as NEAR checks done at index time. A query word that is such a compound matches notices where its parts
// stand near each other (「不正なアクセス」 too); checking that at query time meant reading
// the position lists of very common words (不正, 先, 者) in most notices, for every query.
// The indexer marks each notice with XW<compound> instead (and XE<compound> where the
// parts stand as the exact phrase), and the query reads posting lists only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kaiji {

class Analyzer;

// A word MeCab splits matches where its parts stand within their own span plus this many
// positions of each other: the NEAR window of XW terms and of OP_NEAR queries alike.
inline constexpr std::uint32_t kNearSlack = 8;

struct NearCompound {
  std::string term;                 // the compound as one analysed term, or a phrase's words joined by spaces
  std::vector<std::string> leaves;  // its parts as analysed terms
  std::uint32_t window = 0;         // NEAR window: its span plus kNearSlack
};

// Where each word of a document stands: analysed term → its index positions, ascending.
using WordPositions = std::unordered_map<std::string_view, std::vector<std::uint32_t>>;

class NearCompounds {
 public:
  NearCompounds() = default;
  // Reads the user dictionary source (MeCab CSV; column 14 lists parts as a/b/c) and the
  // synonym table, whose words and phrases queries search for, and analyses each as a
  // query word would be. Missing files give none.
  NearCompounds(const std::string& csv_path, const std::string& synonyms_path, Analyzer& analyzer);

  // The compound or phrase a query word was analysed into, or nullptr.
  const NearCompound* find(const std::vector<std::string>& main, const std::vector<std::string>& leaves) const;
  // True when term is a part of some compound (only those positions matter).
  bool is_leaf(std::string_view term) const { return leaves_.contains(term); }
  // The compounds whose parts all stand within their window in a document (near), and
  // those whose parts also stand in order as a phrase (in_order), which includes every
  // occurrence of the compound itself and of a longer one holding it (委託先 in 業務委託先).
  // Each with how often it occurs: the XW and XE terms carry that as their wdf, so a
  // query ranks by the compound's own statistics and reads no posting list of its parts.
  // Occurrences before heavy_before (the organisation's and the title's positions) count
  // heavy_weight times, as the index weighs those fields' words.
  struct Found {
    const NearCompound* compound;
    std::uint32_t count;  // at least 1
  };
  struct Present {
    std::vector<Found> near;
    std::vector<Found> in_order;
  };
  Present present(const WordPositions& positions, std::uint32_t heavy_before = 0, std::uint32_t heavy_weight = 1) const;

  std::size_t size() const { return compounds_.size(); }
  // Identifies the set (16 hex digits; "none" when empty). The indexer records it in the
  // index; a searcher uses XW terms only when its own set is the one the index was
  // written with, and otherwise checks NEAR on positions as before.
  std::string fingerprint() const;

 private:
  static std::string key_of(const std::vector<std::string>& main);
  void add(std::string_view text, Analyzer& analyzer);

  std::vector<NearCompound> compounds_;
  std::unordered_map<std::string, std::size_t> by_term_;
  // Looked up by string_view without making a string: is_leaf runs for every word indexed.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> leaves_;
};

// Xapian's OP_NEAR test: one occurrence of every list within `window` positions
// (largest minus smallest below window).
bool near_each_other(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window);

// How many occurrences of the first list start such a match: for near, every other list
// has an occurrence less than `window` positions away; for in order (Xapian's OP_PHRASE
// test), one occurrence of each list follows the previous one's, the last within
// `window` positions of the first. Each occurrence before heavy_before counts
// heavy_weight times.
std::uint32_t count_near(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window,
                         std::uint32_t heavy_before, std::uint32_t heavy_weight);
std::uint32_t count_in_order(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t window,
                             std::uint32_t heavy_before, std::uint32_t heavy_weight);

}  // namespace kaiji
