#include "lifted_counts.h"

#include <algorithm>
#include <map>

#include "index/schema.h"

namespace kaiji {

void count_disjunctively(FacetCounter& counter, const Xapian::Database& db, const Xapian::Query& unfiltered,
                         const RequestFilters& filters, std::vector<FacetCounts>& facets) {
  for (const std::string& lifted : filters.facets()) {
    auto counted = std::find_if(facets.begin(), facets.end(), [&](const FacetCounts& f) { return f.facet == lifted; });
    if (counted == facets.end()) continue;  // a filter that is no counted facet (date, affected, month)
    FacetPass pass = counter.count(db, filters.apply_except(unfiltered, lifted));
    for (FacetCounts& recounted : pass.facets) {
      if (recounted.facet == lifted) counted->counts = std::move(recounted.counts);
    }
  }
}

std::vector<FacetCount> count_months(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  Xapian::ValueCountMatchSpy dates(schema::kDateSlot);
  enquire.add_matchspy(&dates);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, std::size_t> months;  // "2024-06", in order
  for (auto it = dates.values_begin(); it != dates.values_end(); ++it) {
    const std::string& yyyymmdd = *it;  // kDateSlot: YYYYMMDD (value_codecs.h)
    if (yyyymmdd.size() < 6) continue;
    months[yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2)] += it.get_termfreq();
  }
  std::vector<FacetCount> out;
  for (const auto& [month, count] : months) out.push_back({month, count});
  return out;
}

}  // namespace kaiji
