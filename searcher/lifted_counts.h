// The counts a browsing front end shows beside the results, over the matches with one of
// the request's filters lifted: each filtered facet counted as if its own filter were not
// there (disjunctive facets: choosing 金融・保険 still shows every other sector with its
// count), and the matches per month with the month filter lifted.
#pragma once

#include <vector>

#include <xapian.h>

#include "facet_counting.h"
#include "request_filters.h"
#include "search_response.h"

namespace kaiji {

// Replaces the counts in facets of each facet filters names with its counts over
// unfiltered narrowed by every other filter. counter counts on db.
void count_disjunctively(FacetCounter& counter, const Xapian::Database& db, const Xapian::Query& unfiltered,
                         const RequestFilters& filters, std::vector<FacetCounts>& facets);

// The matches of query per month of publication ("2024-06"), oldest first.
std::vector<FacetCount> count_months(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace kaiji
