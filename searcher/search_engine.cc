#include "search_engine.h"

#include <algorithm>
#include <map>
#include <memory>

#include "document_builder.h"
#include "query_syntax.h"
#include "schema.h"

namespace kaiji {
namespace {

// Counting every match exactly is cheap up to here; beyond it Xapian estimates and the
// response says so.
constexpr Xapian::doccount kExactCountUpTo = 10000;

// BM25 with the textbook parameters; Xapian's default b = 0.5 let long notices that
// mention a word in passing outrank short notices about it.
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

// Counts of each value of a facet. A multi-valued facet's slot holds a notice's values
// joined together; each counted combination adds its count to every value in it, which
// counts each notice once per value.
FacetCounts facet_counts(const schema::FacetField& field, const Xapian::ValueCountMatchSpy& spy) {
  std::map<std::string, std::size_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string combination = *it;
    std::size_t start = 0;
    while (start <= combination.size()) {
      std::size_t end = field.multi_valued ? combination.find(schema::kValueSeparator, start) : std::string::npos;
      if (end == std::string::npos) end = combination.size();
      counts[combination.substr(start, end - start)] += it.get_termfreq();
      start = end + 1;
    }
  }
  FacetCounts out{std::string(field.name), {}};
  for (const auto& [value, count] : counts) out.counts.push_back({value, count});
  // Years read best in order, newest first; every other facet most frequent first.
  if (field.name == "year") {
    std::reverse(out.counts.begin(), out.counts.end());
  } else {
    std::stable_sort(out.counts.begin(), out.counts.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  }
  return out;
}

}  // namespace

SearchEngine::SearchEngine(const std::vector<std::string>& db_paths, const Analyzer& analyzer,
                           const Taxonomy& taxonomy)
    : analyzer_(analyzer), taxonomy_(taxonomy) {
  for (const std::string& path : db_paths) db_.add_database(Xapian::Database(path));
}

SearchResponse SearchEngine::search(const SearchRequest& request) const {
  SearchResponse response;
  response.query = request.query;
  const QueryNode tree = parse_query(request.query);
  const BuiltQuery built = QueryBuilder(analyzer_, taxonomy_, {request.synonyms, &db_}).build(tree);

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
  response.browsing = !built.has_positive;
  if (response.browsing) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);  // newest first

  // Facet counts use Xapian's own ValueCountMatchSpy (it also runs in xapian-tcpsrv).
  // A spy sees only the documents the match examines, so counting asks for them all.
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  Xapian::doccount check_at_least = kExactCountUpTo;
  if (request.facets) {
    for (const schema::FacetField& field : schema::kFacetFields) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
      enquire.add_matchspy(spies.back().get());
    }
    check_at_least = db_.get_doccount();
  }
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit), check_at_least);
  response.total = mset.get_matches_estimated();
  response.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.rank = it.get_rank() + 1;  // get_rank() already counts the offset
    hit.score = it.get_weight();
    hit.notice = stored_notice(it.get_document());
    hit.snippet = make_snippet(hit.notice.body, built.highlight_sequences, analyzer_);
    response.hits.push_back(std::move(hit));
  }
  for (std::size_t k = 0; k < spies.size(); ++k) response.facets.push_back(facet_counts(schema::kFacetFields[k], *spies[k]));
  return response;
}

}  // namespace kaiji
