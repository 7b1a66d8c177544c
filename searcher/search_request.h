// What a search asks of the engine: the query and how to page, order, group and count
// its results.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kaiji {

enum class SortKey { Relevance, Date, Affected };

// A filter a front end passes beside the query (the HTTP API's filter=sector:finance):
// its values are ORed; the filters of different facets are ANDed with each other and the
// query. facet is a filter field of the query language (cause, sector, year, date,
// affected, data, outcome, label, incident, cause_family) or month (2024-06).
struct FacetFilter {
  std::string facet;
  std::vector<std::string> values;
};

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
  // With facets, each filtered facet is counted as if its own filter were lifted (so
  // choosing one sector still shows every other sector's count), like Elasticsearch's
  // post_filter.
  std::vector<FacetFilter> filters;
  bool months = false;           // count the matches per month of publication
};

}  // namespace kaiji
