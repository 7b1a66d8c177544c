#include "side_pass.h"

#include <string>
#include <utility>

namespace kaiji {

std::future<SidePass> start_side_pass(const Xapian::Database& db, FacetCounter& facets, const Xapian::Query& query,
                                      bool count_facets, bool by_group, TimeBound bound) {
  // Xapian::Query counts its references without atomics, so the thread builds a copy of
  // its own from the serialised form. Should no thread start, the pass runs on get().
  std::string wire = query.serialise();
  return std::async(std::launch::async | std::launch::deferred, [&db, &facets, wire = std::move(wire), count_facets, by_group, bound] {
    const Xapian::Query copy = Xapian::Query::unserialise(wire);
    SidePass pass;
    if (by_group) {
      GroupCount groups = count_facets ? count_groups_with_facets(db, copy, facets.taxonomy(), bound)
                                       : count_groups(db, copy, bound);
      pass.count = groups.groups;
      pass.facets = {std::move(groups.facets), groups.groups.total, groups.groups.exact};
    } else if (count_facets) {
      pass.facets = facets.count(db, copy, bound);
    } else {
      pass.count = count_matches(db, copy, kExactCountUpTo, bound);
    }
    return pass;
  });
}

}  // namespace kaiji
