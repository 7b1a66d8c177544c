// Facet values as small numbers, so a searcher counts facets by adding to an array
// instead of reading, splitting and looking up strings for every match.
//
// Each index keeps one dictionary (schema::kFacetCodesMetadataKey): code k is the k-th
// (facet, value) pair ever written to it. Codes are only ever appended, so a document
// written by any earlier run still means what it meant; the indexer stores the
// dictionary with every commit, so a searcher always finds every code it reads. Each
// notice holds its codes in schema::kFacetCodesSlot.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/varint.h"

namespace kaiji {

struct CodedFacetValue {
  std::uint8_t field = 0;  // index into schema::kFacetFields
  std::string value;       // as counted and shown
};

class FacetDictionary {
 public:
  // From its stored form ("" for none yet); throws std::runtime_error if it is damaged.
  explicit FacetDictionary(std::string_view stored = {});
  std::string serialise() const;

  // The value's code, added if new. Safe to call from several threads.
  std::uint32_t code(std::size_t field, std::string_view value);

  // For readers that no longer add codes.
  std::size_t size() const { return values_.size(); }
  const CodedFacetValue& value(std::uint32_t code) const { return values_[code]; }

 private:
  mutable std::mutex mutex_;
  std::vector<CodedFacetValue> values_;
  std::unordered_map<std::string, std::uint32_t> codes_;  // field byte + value → code
};

// A document's codes, as stored in its slot (varints).
std::string encode_facet_codes(const std::vector<std::uint32_t>& codes);

// A document's stored codes, from the dictionary they were written with (`from`) to
// another index's (`to`, which gains the values it lacks): for a document copied into a
// new generation. nullopt when the stored codes are damaged or name a code `from` lacks.
std::optional<std::string> recode_facet_codes(std::string_view stored, const FacetDictionary& from, FacetDictionary& to);

// Calls add(code) for each code in a stored slot value; returns false (having stopped)
// if the value is damaged.
template <typename Add>
bool for_each_facet_code(std::string_view stored, Add&& add) {
  while (!stored.empty()) {
    std::uint32_t code = 0;
    if (!get_varint(stored, code)) return false;
    add(code);
  }
  return true;
}

}  // namespace kaiji
