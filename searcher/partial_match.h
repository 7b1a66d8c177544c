// The partial pass: when no notice has every word of the query, the notices that have
// some of them, most words first and then by relevance. The number of words each hit
// matches is counted explicitly, word by word, not read back from its score.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "match_count.h"
#include "time_bound.h"

namespace kaiji {

// Matches ranked by words first are put in order over this many of them (the best by
// relevance); a query matching more is ordered exactly over these, and its total is an
// estimate as any ranked total beyond kExactCountUpTo.
inline constexpr Xapian::doccount kPartialRankedUpTo = kExactCountUpTo;

// One notice of a ranked page.
struct RankedNotice {
  Xapian::docid docid = 0;
  double weight = 0;               // BM25 (of a partial match: over the words it matches)
  std::size_t matched_words = 0;   // of a partial match: how many of the query's words it contains
};

// A page of a pass, and what the pass saw of the whole match.
struct RankedNotices {
  std::vector<RankedNotice> notices;  // the requested page, in order
  MatchCount total;                   // matching notices (groups, when collapsing)
};

// Every notice of mset, in its order.
std::vector<RankedNotice> ranked_notices(const Xapian::MSet& mset);

struct PartialPageRequest {
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool by_words = true;  // most words first, then enquire's relevance order; else enquire's order (a sort by value)
};

// The page [offset, offset + limit) of partial's matches in the order page asks for.
// words: each query word's own query. Once bound has passed, the candidates are only
// those a ranked pass examines.
RankedNotices rank_partial(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& partial,
                           const std::vector<Xapian::Query>& words, PartialPageRequest page, const TimeBound& bound);

// The texts of the words (each with its query, texts[k] for words[k]) that no notice
// among within's matches holds.
std::vector<std::string> absent_words(const Xapian::Database& db, const Xapian::Query& within,
                                      const std::vector<Xapian::Query>& words, const std::vector<std::string>& texts,
                                      const TimeBound& bound);

}  // namespace kaiji
