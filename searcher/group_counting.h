// With --group incident: how many groups match, and the facets counted in groups. A
// group is an incident (its notices share the incident number); a notice without one is
// a group of its own. A group counts once for a facet value when any of its matching
// notices has the value, so "what share of incidents are ransomware" divides incidents by
// incidents.
#pragma once

#include <vector>

#include <xapian.h>

#include "base/taxonomy.h"
#include "match_count.h"
#include "search_response.h"
#include "time_bound.h"

namespace kaiji {

struct GroupCount {
  MatchCount groups;
  std::vector<FacetCounts> facets;  // in groups; only when counted with facets
};

// The groups among query's matches, from Xapian's own value spy on the incident slot (so
// remote shards count too): exact when the matches are at most kExactCountUpTo, else
// extrapolated from those examined and marked an estimate.
GroupCount count_groups(const Xapian::Database& db, const Xapian::Query& query, const TimeBound& bound);

// The same, exact, with every facet counted in groups, from a spy of kaiji's own that
// reads each match's incident and facet slots: local shards only (xapian-tcpsrv runs no
// spies but its own; Xapian::UnimplementedError then).
GroupCount count_groups_with_facets(const Xapian::Database& db, const Xapian::Query& query, const Taxonomy& taxonomy,
                                    const TimeBound& bound);

}  // namespace kaiji
