#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "group_counting.h"
#include "index/facet_slots.h"
#include "index/schema.h"

using namespace kaiji;

namespace {

struct Row {
  std::string incident;  // "" for none
  std::vector<std::string> causes;
  std::string outcome;
};

// Notices of two in-memory databases searched as one; every notice has the term "all".
Xapian::Database notices(const std::vector<std::vector<Row>>& parts) {
  Xapian::Database both;
  for (const std::vector<Row>& rows : parts) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Row& row : rows) {
      Xapian::Document doc;
      doc.add_term("all");
      if (!row.incident.empty()) doc.add_value(schema::kIncidentSlot, row.incident);
      FacetValues values;
      values[facet_index("cause")] = row.causes;
      values[facet_index("outcome")] = {row.outcome};
      for (const auto& [slot, value] : encode_facet_slots(values)) doc.add_value(slot, value);
      db.add_document(doc);
    }
    both.add_database(db);
  }
  return both;
}

std::size_t count_of(const std::vector<FacetCounts>& facets, const std::string& facet, const std::string& value) {
  for (const FacetCounts& f : facets) {
    if (f.facet != facet) continue;
    for (const FacetCount& c : f.counts) {
      if (c.value == value) return c.count;
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("group counting: incidents across databases once each, a notice without one a group of its own") {
  // Incident A has three notices over both databases, B one; two notices have none.
  const Xapian::Database db = notices({{{"A", {"ransomware"}, "leaked"}, {"A", {"contractor"}, "possible"},
                                        {"", {"ransomware"}, "leaked"}},
                                       {{"A", {"ransomware"}, "leaked"}, {"B", {"insider"}, "leaked"},
                                        {"", {"insider"}, "not_leaked"}}});
  const GroupCount plain = count_groups(db, Xapian::Query("all"), TimeBound());
  CHECK(plain.groups.total == 4);
  CHECK(plain.groups.exact);
  CHECK(plain.facets.empty());

  const Taxonomy taxonomy = Taxonomy::load(std::string(KAIJI_SOURCE_DIR) + "/dict/taxonomy.tsv");
  const GroupCount with_facets = count_groups_with_facets(db, Xapian::Query("all"), taxonomy, TimeBound());
  CHECK(with_facets.groups.total == 4);
  CHECK(count_of(with_facets.facets, "cause", "ransomware") == 2);  // A (twice over) and one without incident
  CHECK(count_of(with_facets.facets, "cause", "contractor") == 1);
  CHECK(count_of(with_facets.facets, "cause", "insider") == 2);
  CHECK(count_of(with_facets.facets, "outcome", "leaked") == 3);    // A, B, one without
  CHECK(count_of(with_facets.facets, "outcome", "possible") == 1);  // A again: a group counts once per value
  CHECK(count_of(with_facets.facets, "cause_family", "cyber") == 2);
}
