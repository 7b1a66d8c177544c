// The filters a front end passes beside the query (SearchRequest::filters) as Xapian
// queries: each facet's values ORed, the facets ANDed, and the same with one facet's
// filter lifted, for counting that facet disjunctively.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "base/taxonomy.h"
#include "search_request.h"

namespace kaiji {

// A filter naming a facet that does not filter, or a value the facet does not take.
class FilterError : public std::runtime_error {
 public:
  FilterError(const std::string& message, std::string facet, std::vector<std::string> valid)
      : std::runtime_error(message), facet_(std::move(facet)), valid_(std::move(valid)) {}
  const std::string& facet() const { return facet_; }
  // What would have been accepted: the facet names, or the facet's values (empty when
  // the facet takes free values: years, dates, counts, labels).
  const std::vector<std::string>& valid() const { return valid_; }

 private:
  std::string facet_;
  std::vector<std::string> valid_;
};

// The facets a filter may name: the query language's filter fields, and month.
std::vector<std::string> filter_facets();

class RequestFilters {
 public:
  // Throws FilterError. Filters of the same facet given twice are merged.
  RequestFilters(const std::vector<FacetFilter>& filters, const Taxonomy& taxonomy);

  bool empty() const { return by_facet_.empty(); }
  bool has(std::string_view facet) const { return by_facet_.find(facet) != by_facet_.end(); }
  // The filtered facets, in name order.
  std::vector<std::string> facets() const;
  // query narrowed by every filter; by all but lifted's.
  Xapian::Query apply(const Xapian::Query& query) const { return apply_except(query, {}); }
  Xapian::Query apply_except(const Xapian::Query& query, std::string_view lifted) const;

 private:
  std::map<std::string, Xapian::Query, std::less<>> by_facet_;  // each facet's values ORed
};

}  // namespace kaiji
