#include "search_engine.h"

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

}  // namespace

SearchEngine::SearchEngine(const std::vector<std::string>& db_paths, const Analyzer& analyzer)
    : analyzer_(analyzer) {
  for (const std::string& path : db_paths) db_.add_database(Xapian::Database(path));
}

SearchResponse SearchEngine::search(const SearchRequest& request) const {
  SearchResponse response;
  response.query = request.query;
  const QueryNode tree = parse_query(request.query);
  const BuiltQuery built = QueryBuilder(analyzer_, {request.synonyms, &db_}).build(tree);

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
  if (!built.has_positive) {
    // Nothing to rank by: newest first.
    enquire.set_sort_by_value(schema::kDateSlot, true);
  }
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit), kExactCountUpTo);
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
  return response;
}

}  // namespace kaiji
