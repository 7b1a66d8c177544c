// Counts every facet over all matches of a query, in a pass of its own: from the facet
// codes (facet_code_spy.h) on one local shard, else from the string slots with Xapian's
// own spy (any shards, remote ones too). Both give the same counts.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/taxonomy.h"
#include "index/facet_codes.h"
#include "search_response.h"
#include "time_bound.h"

namespace kaiji {

// The facets over all matches, and how many notices matched.
struct FacetPass {
  std::vector<FacetCounts> facets;
  std::size_t total = 0;
  bool exact = true;  // false when the time bound stopped the pass before every match
};

class FacetCounter {
 public:
  // codes_readable: no shard is behind xapian-tcpsrv, so a single shard's facet codes
  // can be read.
  FacetCounter(const Taxonomy& taxonomy, bool codes_readable) : taxonomy_(taxonomy), codes_readable_(codes_readable) {}

  // Not const: it keeps the facet-code dictionary of the revision it last counted.
  // Counts only what it examined before bound passed.
  FacetPass count(const Xapian::Database& db, const Xapian::Query& query, const TimeBound& bound = TimeBound());

  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  // From the facet codes (one local shard); nothing if a code is not in the dictionary.
  std::optional<FacetPass> count_codes(const Xapian::Database& db, Xapian::Enquire& enquire, const TimeBound& bound);
  // From the string slots, with Xapian's own spy (any shards, remote ones too).
  FacetPass count_strings(const Xapian::Database& db, Xapian::Enquire& enquire, const TimeBound& bound) const;

  const Taxonomy& taxonomy_;
  bool codes_readable_;
  std::unique_ptr<FacetDictionary> codes_;  // the index's, as last read
  std::string codes_stored_;                // its stored form, to tell when it changed
};

}  // namespace kaiji
