#include "facet_counting.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "facet_code_spy.h"
#include "facet_tally.h"
#include "match_count.h"
#include "index/facet_slots.h"
#include "index/schema.h"

namespace kaiji {
namespace {

// Counts from the combinations counted in the string facet slots (facet_slots.h). Each
// counted combination adds its count to every value in it, which counts each notice
// once per value; cause_family is counted from the causes, each family once per notice.
using SlotCounts = std::map<Xapian::valueno, std::vector<std::pair<std::string, std::size_t>>>;
void tally_combinations(const SlotCounts& slots, const Taxonomy& taxonomy, FacetTally& tally) {
  const std::size_t cause_field = facet_index("cause");
  const std::size_t family_field = facet_index("cause_family");
  for (const auto& [slot, combinations] : slots) {
    for (const auto& [combination, count] : combinations) {
      std::set<std::string> families;
      for (const auto& [field, value] : decode_facet_slot(slot, combination)) {
        tally.add(field, value, count);
        if (field != cause_field) continue;
        if (const auto family = taxonomy.family(value)) families.insert(*family);
      }
      for (const std::string& family : families) tally.add(family_field, family, count);
    }
  }
}

}  // namespace

FacetPass FacetCounter::count(const Xapian::Database& db, const Xapian::Query& query, const TimeBound& bound) {
  // Facets are counted in a pass of their own: it examines every match, but without
  // weighting (BoolWeight), while the ranked pass stops as soon as it has the top
  // results. (Counting inside a ranked pass over several remote databases also
  // miscounts in Xapian 1.4 when the page is smaller than the matches.)
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  bound.apply(enquire);
  if (codes_readable_ && db.size() == 1) {
    try {
      if (std::optional<FacetPass> pass = count_codes(db, enquire, bound)) return std::move(*pass);
    } catch (const Xapian::UnimplementedError&) {
      // A stub file named a remote database: xapian-tcpsrv cannot run our spy.
    }
  }
  return count_strings(db, enquire, bound);
}

std::optional<FacetPass> FacetCounter::count_codes(const Xapian::Database& db, Xapian::Enquire& enquire,
                                                   const TimeBound& bound) {
  // The dictionary of the revision being searched (it only grows, so it is read again
  // only when it changed).
  const std::string stored = db.get_metadata(schema::kFacetCodesMetadataKey);
  if (!codes_ || stored != codes_stored_) {
    try {
      codes_ = std::make_unique<FacetDictionary>(stored);
    } catch (const std::runtime_error&) {
      return std::nullopt;  // a damaged dictionary: the strings still count right
    }
    codes_stored_ = stored;
  }
  FacetCodeSpy spy(db, schema::kFacetCodesSlot, codes_->size());
  enquire.add_matchspy(&spy);
  const Xapian::MSet all = enquire.get_mset(0, 0, bound.examine(db.get_doccount()));
  enquire.clear_matchspies();
  if (spy.damaged()) return std::nullopt;  // count the slower way, from the strings
  FacetTally tally;
  for (std::uint32_t code = 0; code < spy.counts().size(); ++code) {
    if (spy.counts()[code] == 0) continue;
    const CodedFacetValue& value = codes_->value(code);
    tally.add(value.field, value.value, spy.counts()[code]);
  }
  return FacetPass{tally.result(), all.get_matches_estimated(), page_match_count(all).exact};
}

FacetPass FacetCounter::count_strings(const Xapian::Database& db, Xapian::Enquire& enquire,
                                      const TimeBound& bound) const {
  std::map<Xapian::valueno, Xapian::ValueCountMatchSpy> spies;
  for (const schema::FacetField& field : schema::kFacetFields) {
    if (field.slot != schema::kNoSlot && !spies.contains(field.slot)) {
      enquire.add_matchspy(&spies.try_emplace(field.slot, field.slot).first->second);
    }
  }
  const Xapian::MSet all = enquire.get_mset(0, 0, bound.examine(db.get_doccount()));
  enquire.clear_matchspies();
  SlotCounts slots;
  for (const auto& [slot, spy] : spies) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) slots[slot].emplace_back(*it, it.get_termfreq());
  }
  FacetTally tally;
  tally_combinations(slots, taxonomy_, tally);
  return FacetPass{tally.result(), all.get_matches_estimated(), page_match_count(all).exact};
}

}  // namespace kaiji
