// The counting pass that runs beside the ranked one, on the second core: every facet, or
// the number of matches. It does not depend on the ranked pass, so it runs on a thread
// of its own while the searching thread ranks and makes snippets.
#pragma once

#include <future>

#include <xapian.h>

#include "facet_counting.h"
#include "group_counting.h"
#include "match_count.h"
#include "time_bound.h"

namespace kaiji {

// What the pass beside the ranked one found: the facets, or the number of matches (with
// grouping: of groups, and the facets counted in groups).
struct SidePass {
  FacetPass facets;
  MatchCount count;
};

// Runs facets.count (when count_facets) or count_matches on db, or with by_group
// count_groups (with facets: count_groups_with_facets), on its own copy of the query:
// Xapian objects are not shared between threads. db and facets belong to the pass until
// its future is ready: one pass at a time on them, and no other use meanwhile.
std::future<SidePass> start_side_pass(const Xapian::Database& db, FacetCounter& facets, const Xapian::Query& query,
                                      bool count_facets, bool by_group, TimeBound bound);

}  // namespace kaiji
