// Zero results are never a dead end: when a search with filters finds nothing, which
// filter to drop, and how many notices the search finds without it.
//
// The filters are the query's own (sector:finance, year:2023 … at the top level of the
// query) and those a front end passes beside it (SearchRequest::filters). Each is dropped
// alone; the engine counts the rest (search_engine.cc).
#pragma once

#include <string>
#include <vector>

#include "query_syntax.h"
#include "search_request.h"

namespace kaiji {

// One filter the search could do without.
struct DroppableFilter {
  std::string label;   // as the analyst would write it: year:2023, sector:finance,retail
  // A filter of the query: the query without it. A filter beside it: the query as is.
  QueryNode query;
  std::string facet;   // a filter beside the query: its facet, to lift; else empty
};

// A filter's label as the query language writes it: field:value, field:"a phrase".
std::string filter_label(const QueryNode& field_node);

// The query's top-level filters, in query order, then the request's filters.
std::vector<DroppableFilter> droppable_filters(const QueryNode& tree, const std::vector<FacetFilter>& beside);

}  // namespace kaiji
