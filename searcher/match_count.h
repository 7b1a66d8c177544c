// How many notices a query matches, counted in a pass without weights.
#pragma once

#include <cstddef>

#include <xapian.h>

#include "time_bound.h"

namespace kaiji {

// Counting every match exactly is cheap up to here; beyond it Xapian estimates and the
// response says so.
inline constexpr Xapian::doccount kExactCountUpTo = 10000;

struct MatchCount {
  std::size_t total = 0;
  bool exact = false;
};

// The matches of query in db, counted exactly up to up_to and estimated beyond (and
// beyond what was counted when bound passed).
MatchCount count_matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount up_to,
                         const TimeBound& bound = TimeBound());

// What a ranked or sorted page says of the whole match: exact when Xapian's bounds meet.
MatchCount page_match_count(const Xapian::MSet& page);

}  // namespace kaiji
