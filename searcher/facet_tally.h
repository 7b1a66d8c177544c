// Facet counts as the response shows them, added up value by value.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "index/facet_slots.h"
#include "index/schema.h"
#include "search_response.h"

namespace kaiji {

// Counts per facet and value, as the response shows them.
class FacetTally {
 public:
  void add(std::size_t field, std::string_view value, std::size_t count) {
    auto known = counts_[field].find(value);
    if (known == counts_[field].end()) known = counts_[field].emplace(std::string(value), 0).first;
    known->second += count;
  }

  std::vector<FacetCounts> result() const {
    std::vector<FacetCounts> out;
    for (std::size_t field = 0; field < kFacetFieldCount; ++field) {
      FacetCounts facet{std::string(schema::kFacetFields[field].name), {}};
      for (const auto& [value, count] : counts_[field]) facet.counts.push_back({value, count});
      // Years read best in order, newest first; every other facet most frequent first.
      if (facet.facet == "year") {
        std::reverse(facet.counts.begin(), facet.counts.end());
      } else {
        std::stable_sort(facet.counts.begin(), facet.counts.end(),
                         [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
      }
      out.push_back(std::move(facet));
    }
    return out;
  }

 private:
  std::array<std::map<std::string, std::size_t, std::less<>>, kFacetFieldCount> counts_;
};

}  // namespace kaiji
