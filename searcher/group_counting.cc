#include "group_counting.h"

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "facet_tally.h"
#include "index/facet_slots.h"
#include "index/schema.h"

namespace kaiji {
namespace {

// Every match's group, and per facet value the groups that have it.
class GroupFacetSpy : public Xapian::MatchSpy {
 public:
  explicit GroupFacetSpy(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}

  void operator()(const Xapian::Document& doc, double) override {
    std::string group = doc.get_value(schema::kIncidentSlot);
    // A notice without an incident is a group of its own, named so that no incident
    // number can be the same.
    if (group.empty()) group = "\x01" + std::to_string(solo_++);
    groups_.insert(group);
    std::set<std::string> families;
    for (const Xapian::valueno slot : counted_slots()) {
      const std::string stored = doc.get_value(slot);  // the decoded values point into it
      for (const auto& [field, value] : decode_facet_slot(slot, stored)) {
        with_value_[{field, std::string(value)}].insert(group);
        if (field == cause_field_) {
          if (const auto family = taxonomy_.family(value)) families.insert(*family);
        }
      }
    }
    for (const std::string& family : families) with_value_[{family_field_, family}].insert(group);
  }

  std::size_t groups() const { return groups_.size(); }

  std::vector<FacetCounts> facets() const {
    FacetTally tally;
    for (const auto& [field_value, groups] : with_value_) tally.add(field_value.first, field_value.second, groups.size());
    return tally.result();
  }

 private:
  static const std::vector<Xapian::valueno>& counted_slots() {
    static const std::vector<Xapian::valueno> slots = all_counted_slots();
    return slots;
  }

  static std::vector<Xapian::valueno> all_counted_slots() {
    std::set<Xapian::valueno> slots;
    for (const schema::FacetField& field : schema::kFacetFields) {
      if (field.slot != schema::kNoSlot) slots.insert(field.slot);
    }
    return {slots.begin(), slots.end()};
  }

  const Taxonomy& taxonomy_;
  const std::size_t cause_field_ = facet_index("cause");
  const std::size_t family_field_ = facet_index("cause_family");
  std::size_t solo_ = 0;
  std::set<std::string> groups_;
  std::map<std::pair<std::size_t, std::string>, std::set<std::string>> with_value_;
};

Xapian::Enquire weightless(const Xapian::Database& db, const Xapian::Query& query, const TimeBound& bound) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  bound.apply(enquire);
  return enquire;
}

}  // namespace

GroupCount count_groups(const Xapian::Database& db, const Xapian::Query& query, const TimeBound& bound) {
  Xapian::Enquire enquire = weightless(db, query, bound);
  Xapian::ValueCountMatchSpy incidents(schema::kIncidentSlot);
  enquire.add_matchspy(&incidents);
  const Xapian::MSet mset = enquire.get_mset(0, 0, bound.examine(kExactCountUpTo));
  const MatchCount matches = page_match_count(mset);
  // The spy counts the matches with an incident by value; the others are groups of one.
  std::size_t with_incident = 0, incident_groups = 0;
  for (auto it = incidents.values_begin(); it != incidents.values_end(); ++it) {
    with_incident += it.get_termfreq();
    ++incident_groups;
  }
  const std::size_t seen = incidents.get_total();
  const std::size_t groups_seen = incident_groups + (seen - with_incident);
  GroupCount out;
  if (matches.exact && seen == matches.total) {
    out.groups = {groups_seen, true};
  } else {
    const double share = seen == 0 ? 1.0 : static_cast<double>(groups_seen) / static_cast<double>(seen);
    out.groups = {static_cast<std::size_t>(std::llround(share * static_cast<double>(matches.total))), false};
  }
  return out;
}

GroupCount count_groups_with_facets(const Xapian::Database& db, const Xapian::Query& query, const Taxonomy& taxonomy,
                                    const TimeBound& bound) {
  Xapian::Enquire enquire = weightless(db, query, bound);
  GroupFacetSpy spy(taxonomy);
  enquire.add_matchspy(&spy);
  const Xapian::MSet mset = enquire.get_mset(0, 0, bound.examine(db.get_doccount()));
  enquire.clear_matchspies();
  return {{spy.groups(), !bound.passed() && page_match_count(mset).exact}, spy.facets()};
}

}  // namespace kaiji
