#include "partial_match.h"

#include <algorithm>
#include <unordered_map>

namespace kaiji {
namespace {

// Adds one to counts[docid] for each word a listed notice matches. Each word is matched
// on its own (restricted to the partial query, so filters and exclusions apply), in a
// pass without weights that examines every match: Xapian's early termination, which
// stops a ranked pass once the rest cannot make the page, never applies to it. The
// request's time bound does: past it, some counts are short, and the response says the
// search was time-limited.
void count_words(const Xapian::Database& db, const Xapian::Query& partial, const std::vector<Xapian::Query>& words,
                 std::unordered_map<Xapian::docid, std::size_t>& counts, const TimeBound& bound) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (const Xapian::Query& word : words) {
    if (bound.examine(1) == 0) return;  // (almost) no time left: the rest stay uncounted
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, word, partial));
    bound.apply(enquire);
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      if (const auto found = counts.find(*it); found != counts.end()) ++found->second;
    }
  }
}

}  // namespace

std::vector<std::string> absent_words(const Xapian::Database& db, const Xapian::Query& within,
                                      const std::vector<Xapian::Query>& words, const std::vector<std::string>& texts,
                                      const TimeBound& bound) {
  std::vector<std::string> absent;
  for (std::size_t k = 0; k < words.size() && k < texts.size(); ++k) {
    if (count_matches(db, Xapian::Query(Xapian::Query::OP_FILTER, words[k], within), 1, bound).total == 0) {
      absent.push_back(texts[k]);
    }
  }
  return absent;
}

std::vector<RankedNotice> ranked_notices(const Xapian::MSet& mset) {
  std::vector<RankedNotice> notices;
  for (auto it = mset.begin(); it != mset.end(); ++it) notices.push_back({*it, it.get_weight(), 0});
  return notices;
}

RankedNotices rank_partial(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& partial,
                           const std::vector<Xapian::Query>& words, PartialPageRequest request, const TimeBound& bound) {
  enquire.set_query(partial);
  RankedNotices page;
  std::vector<RankedNotice> ordered;
  std::size_t offset = request.offset;
  if (request.by_words) {
    // Every candidate is weighed in full (check_at_least): pruning would cut some of a
    // notice's words short, more so over several databases, and the order would then
    // depend on the page size.
    const auto candidates =
        static_cast<Xapian::doccount>(std::max<std::size_t>(kPartialRankedUpTo, request.offset + request.limit));
    const Xapian::MSet mset = enquire.get_mset(0, candidates, bound.examine(candidates));
    page.total = page_match_count(mset);
    ordered = ranked_notices(mset);
  } else {
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit));
    page.total = page_match_count(mset);
    if (!page.total.exact) page.total = count_matches(db, partial, kExactCountUpTo, bound);
    ordered = ranked_notices(mset);
    offset = 0;  // the pass already skipped it
  }
  std::unordered_map<Xapian::docid, std::size_t> counts;
  for (const RankedNotice& hit : ordered) counts.emplace(hit.docid, 0);
  count_words(db, partial, words, counts, bound);
  for (RankedNotice& hit : ordered) hit.matched_words = counts.at(hit.docid);
  // Stable: equal counts keep enquire's order (relevance, then id).
  if (request.by_words) {
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const RankedNotice& a, const RankedNotice& b) { return a.matched_words > b.matched_words; });
  }
  const std::size_t begin = std::min(offset, ordered.size());
  const std::size_t end = std::min(ordered.size(), begin + request.limit);
  page.notices.assign(ordered.begin() + static_cast<std::ptrdiff_t>(begin),
                      ordered.begin() + static_cast<std::ptrdiff_t>(end));
  return page;
}

}  // namespace kaiji
