// What a search asks of the engine: the query and how to page, order, group and count
// its results.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace kaiji {

enum class SortKey { Relevance, Date, Affected };

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool synonyms = true;
  bool facets = false;           // count every facet over all matches
  std::optional<SortKey> sort;   // unset: relevance, or date when there are no words
  bool ascending = false;        // for date and affected
  bool group_by_incident = false;
  std::string like_id;           // notices similar to this one (the query then only filters)
  double time_limit = 0;         // seconds for the passes over every match (time_bound.h); 0: none
};

}  // namespace kaiji
