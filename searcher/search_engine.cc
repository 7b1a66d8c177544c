#include "search_engine.h"

#include <algorithm>
#include <utility>

#include "bm25_parameters.h"
#include "database_opening.h"
#include "hit_snippet.h"
#include "lifted_counts.h"
#include "index/schema.h"
#include "index/stored_notice.h"
#include "match_count.h"
#include "more_like_this.h"
#include "query_syntax.h"
#include "question_words.h"
#include "spelling_suggestion.h"
#include "filter_relaxation.h"
#include "base/text_normalizer.h"

namespace kaiji {
namespace {

bool all_local(const std::vector<std::string>& db_paths) {
  for (const std::string& path : db_paths) {
    if (is_remote(path)) return false;
  }
  return true;
}

void check_index_format(const Xapian::Database& db, const std::string& path) {
  const std::string format = db.get_metadata(schema::kFormatMetadataKey);
  if (format != std::to_string(schema::kIndexFormat)) {
    throw std::runtime_error("index " + path + " was written by another version of kaiji (index format " +
                             (format.empty() ? std::string("unknown") : format) + ", this searcher reads " +
                             std::to_string(schema::kIndexFormat) + "); run kaiji-indexer on it again");
  }
}

// As the response names it: relevance | date | affected, with "-asc" when ascending.
std::string sort_name(SortKey sort, bool ascending) {
  std::string name = sort == SortKey::Relevance ? "relevance" : sort == SortKey::Date ? "date" : "affected";
  if (sort != SortKey::Relevance && ascending) name += "-asc";
  return name;
}

}  // namespace

SearchEngine::SearchEngine(const std::vector<std::string>& db_paths, Analyzer& analyzer,
                           const Taxonomy& taxonomy)
    : analyzer_(analyzer), taxonomy_(taxonomy), facets_(taxonomy, all_local(db_paths)) {
  const std::string compounds = analyzer.near_compounds().fingerprint();
  for (const std::string& path : db_paths) {
    const Xapian::Database db = open_database(path);
    check_index_format(db, path);
    // XW terms answer for compounds only if written for the same compounds.
    use_near_terms_ = use_near_terms_ && db.get_metadata(schema::kNearCompoundsMetadataKey) == compounds;
    db_.add_database(db);
    side_db_.add_database(open_database(path));
  }
}

SearchResponse SearchEngine::search(const SearchRequest& request) {
  // An indexer committing twice while a search runs invalidates what the search had
  // open; the search then starts again on the newest commit.
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kModifiedRetries) throw;
      db_.reopen();
      side_db_.reopen();
    }
  }
}

Xapian::docid SearchEngine::docid_of(const std::string& id) const {
  const std::string term = schema::term(schema::kIdPrefix, id);
  const Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) throw NoticeNotFound(id);
  return *it;
}

Notice SearchEngine::show(const std::string& id) const { return stored_notice(db_.get_document(docid_of(id))); }

SearchResponse SearchEngine::search_once(const SearchRequest& request) {
  bound_ = TimeBound(request.time_limit);
  const QueryNode tree = parse_query(request.query);
  PreparedSearch asked = prepare(request, tree);
  // Some word may match nothing at all (a typo): then the corrected query's results. The
  // correction is tried before the query's own partial matches are ranked and counted,
  // which are wasted when it is taken.
  if (request.like_id.empty() && !holds_every_word(asked)) {
    if (std::optional<SearchResponse> corrected = corrected_search(request, asked.reading.tree)) {
      return std::move(*corrected);
    }
  }
  SearchResponse response = run(request, std::move(asked));
  if (response.total == 0) response.relaxations = relaxations(request, tree);
  response.time_limited = bound_.passed();
  return response;
}

std::optional<SearchResponse> SearchEngine::corrected_search(const SearchRequest& request, const QueryNode& tree) {
  const SpellingSuggester suggester(db_, [&](const std::string& word) { return word_matches(word, request.synonyms); });
  const std::vector<WordCorrection> corrections = suggester.corrections(tree);
  if (corrections.empty()) return std::nullopt;
  SearchRequest corrected = request;
  corrected.query = corrected_query(normalize(request.query), corrections);
  const QueryNode corrected_tree = parse_query(corrected.query);
  PreparedSearch prepared = prepare(corrected, corrected_tree);
  // Taken only if the corrected query finds notices with all its words (or would, with
  // a filter dropped): a correction that leaves a partial match corrected nothing useful.
  std::vector<FilterRelaxation> dropped;
  if (!holds_every_word(prepared)) {
    dropped = relaxations(corrected, corrected_tree);
    if (std::none_of(dropped.begin(), dropped.end(), [](const FilterRelaxation& r) { return r.total > 0; })) {
      return std::nullopt;
    }
  }
  SearchResponse response = run(corrected, std::move(prepared));
  if (response.partial) return std::nullopt;
  if (response.total == 0) response.relaxations = std::move(dropped);
  response.query = request.query;
  response.suggestion = corrected.query;
  response.time_limited = bound_.passed();
  return response;
}

bool SearchEngine::word_matches(const std::string& word, bool synonyms) {
  const QueryNode node{QueryNode::Kind::Word, word, {}, false, {}, 0};
  const BuiltQuery built = QueryBuilder(analyzer_, taxonomy_, {synonyms, &db_, use_near_terms_}).build(node);
  return built.nothing_to_search || count_matches(db_, built.query, 1, bound_).total > 0;
}

std::vector<FilterRelaxation> SearchEngine::relaxations(const SearchRequest& request, const QueryNode& tree) {
  std::vector<FilterRelaxation> out;
  const RequestFilters filters(request.filters, taxonomy_);
  QueryBuilder builder(analyzer_, taxonomy_, {request.synonyms, &db_, use_near_terms_});
  for (const DroppableFilter& drop : droppable_filters(tree, request.filters)) {
    BuiltQuery built = builder.build(drop.query);
    Xapian::Query query = request_query(request, built);
    query = drop.facet.empty() ? filters.apply(query) : filters.apply_except(query, drop.facet);
    const MatchCount counted = count_matches(db_, query, kExactCountUpTo, bound_);
    out.push_back({drop.label, counted.total, counted.exact});
  }
  return out;
}

SearchEngine::PreparedSearch SearchEngine::prepare(const SearchRequest& request, const QueryNode& tree) {
  QuestionReading reading = read_question(tree, analyzer_);
  BuiltQuery built = QueryBuilder(analyzer_, taxonomy_, {request.synonyms, &db_, use_near_terms_}).build(reading.tree);
  if (built.nothing_to_search) throw NothingToSearch(request.query);
  built.question = reading.question;
  RequestFilters filters(request.filters, taxonomy_);
  MatchedQueries unfiltered{request_query(request, built), built.partial_query};
  Xapian::Query query = filters.apply(unfiltered.unfiltered);
  if (!built.partial_query.empty()) built.partial_query = filters.apply(built.partial_query);
  return {std::move(reading), std::move(built), std::move(filters), std::move(unfiltered), std::move(query)};
}

bool SearchEngine::holds_every_word(const PreparedSearch& prepared) const {
  return count_matches(db_, prepared.query, 1, bound_).total > 0;
}

SearchResponse SearchEngine::run(const SearchRequest& request, PreparedSearch prepared) {
  SearchResponse response;
  response.query = request.query;
  response.offset = request.offset;
  response.like_id = request.like_id;
  BuiltQuery& built = prepared.built;
  response.query_words = built.word_count;
  response.searched_words = prepared.reading.words;
  response.prefix_words = built.prefix_words;
  const Xapian::Query& query = prepared.query;

  // Sorting: relevance when there is something to rank by, else newest first.
  const bool ranked = built.has_positive || !request.like_id.empty();
  const SortKey sort = request.sort.value_or(ranked ? SortKey::Relevance : SortKey::Date);
  response.sort = sort_name(sort, request.ascending);
  response.grouped = request.group_by_incident;
  Xapian::Enquire enquire = ordered_enquire(request, sort);

  // The counting pass (every facet, the total, or the groups) does not depend on the
  // ranked one, so it runs beside it, on the second core, while this thread ranks and
  // makes snippets. A sorted pass sees every match and needs no count of notices.
  const bool count_beside = !request.facets && (request.group_by_incident || sort == SortKey::Relevance);
  std::future<SidePass> side;
  if (request.facets || count_beside) {
    side = start_side_pass(side_db_, facets_, query, request.facets, request.group_by_incident, bound_);
  }

  const RankedPage page = rank_page(enquire, request, query, built, sort, side);
  response.partial = page.partial;
  response.absent_words = page.absent;
  response.hits = page_hits(page, request, built);
  set_totals(response, request, page, side, count_beside);
  if (side.valid()) side.wait();  // side_db_ and facets_ are free again
  const MatchedQueries& unfiltered = prepared.unfiltered;
  set_lifted_counts(response, request, prepared.filters,
                    page.partial ? unfiltered.unfiltered_partial : unfiltered.unfiltered);
  response.time_limited = bound_.passed();
  return response;
}

void SearchEngine::refresh() {
  db_.reopen();
  side_db_.reopen();
}

void SearchEngine::set_lifted_counts(SearchResponse& response, const SearchRequest& request,
                                     const RequestFilters& filters, const Xapian::Query& unfiltered) {
  if (request.facets && !filters.empty()) count_disjunctively(facets_, side_db_, unfiltered, filters, response.facets);
  if (request.months) response.months = count_months(side_db_, filters.apply_except(unfiltered, "month"));
}

Xapian::Query SearchEngine::request_query(const SearchRequest& request, const BuiltQuery& built) const {
  if (request.like_id.empty()) return built.query;
  // Similar notices; the query, if any, narrows them.
  const Xapian::Query like = more_like_this(db_, docid_of(request.like_id), request.like_id);
  return request.query.empty() ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, built.query);
}

Xapian::Enquire SearchEngine::ordered_enquire(const SearchRequest& request, SortKey sort) const {
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
  // Notices without the sort value come last in either direction.
  if (sort != SortKey::Relevance) {
    const bool date = sort == SortKey::Date;
    const Xapian::valueno slot = request.ascending ? (date ? schema::kDateAscSlot : schema::kAffectedAscSlot)
                                                   : (date ? schema::kDateDescSlot : schema::kAffectedDescSlot);
    enquire.set_sort_by_value_then_relevance(slot, !request.ascending);
  } else {
    enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false);  // equal scores: by id
  }
  if (request.group_by_incident) enquire.set_collapse_key(schema::kIncidentSlot);
  bound_.apply(enquire);
  return enquire;
}

SearchEngine::RankedPage SearchEngine::rank_page(Xapian::Enquire& enquire, const SearchRequest& request,
                                                 const Xapian::Query& query, const BuiltQuery& built, SortKey sort,
                                                 std::future<SidePass>& side) {
  // The ranked pass stops as soon as it has the top results, so its total is only an
  // estimate (groups are counted beside it: group_counting.h).
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit));
  RankedPage ranked{{ranked_notices(mset), page_match_count(mset)}, query, false, {}};
  // Whether nothing matches: an empty page may also be a page past the end, or the
  // ranked pass may not have looked (--limit 0).
  const auto nothing_matches = [&] {
    return mset.get_matches_upper_bound() == 0 || (mset.empty() && count_matches(db_, query, 1).total == 0);
  };
  // A question takes the partial path even when some notices hold every word, ranked by
  // BM25 over its words (query_builder.h, BuiltQuery::question).
  const bool question = built.question && !built.partial_query.empty();
  if (request.like_id.empty() && !built.partial_query.empty() && (question || nothing_matches())) {
    // No notice has every word: the best partial matches, most words matched first.
    // Absent from every notice, not only from those the filters leave: a word the
    // filters rule out is no sign that the query asks for what is not there.
    ranked.absent = absent_words(db_, Xapian::Query::MatchAll, built.partial_strict, built.partial_texts, bound_);
    if (asks_for_what_is_not_there(ranked.absent.size(), built)) return ranked;
    ranked.matched = built.partial_query;
    if (side.valid()) {
      side.wait();  // one pass at a time on side_db_
      side = start_side_pass(side_db_, facets_, ranked.matched, request.facets, request.group_by_incident, bound_);
    }
    ranked.ranked = rank_partial(enquire, db_, built.partial_query, built.partial_words,
                                 {request.offset, request.limit, sort == SortKey::Relevance && !question}, bound_);
    ranked.partial = true;
  }
  return ranked;
}

bool SearchEngine::asks_for_what_is_not_there(std::size_t absent, const BuiltQuery& built) const {
  // Words no notice holds that are half the query or more, beside words most notices
  // hold (マイナンバー 漏えい) or none holds as such (暗号資産 取引所: 取引 … 所 apart is
  // no 取引所): what is left would list nearly every notice or chance ones, so there are
  // no results, and absent_words says why. Beside a word that narrows (USBメモリ 紛失,
  // where no notice writes 紛失, nor なりすまし電話 beside 本人確認), its notices are
  // worth showing.
  if (absent == 0 || 2 * absent < built.partial_words.size()) return false;
  const auto common = static_cast<Xapian::doccount>(db_.get_doccount() / kCommonWordShare + 1);
  for (const Xapian::Query& word : built.partial_strict) {
    const MatchCount holders = count_matches(db_, word, common, bound_);
    if (holders.total > 0 && holders.total < common) return false;
  }
  return true;
}

std::vector<SearchHit> SearchEngine::page_hits(const RankedPage& ranked, const SearchRequest& request,
                                               const BuiltQuery& built) {
  std::vector<SearchHit> hits;
  for (const RankedNotice& ranked_notice : ranked.ranked.notices) {
    SearchHit hit;
    hit.rank = request.offset + hits.size() + 1;
    hit.score = ranked_notice.weight;
    // A notice ranked among partial matches may still hold every word (a question).
    hit.partial = (ranked.partial && ranked_notice.matched_words < built.partial_words.size()) ||
                  !built.prefix_words.empty();
    hit.matched_words = ranked_notice.matched_words;
    const Xapian::Document doc = db_.get_document(ranked_notice.docid);
    hit.notice = stored_notice(doc);
    hit.snippet = hit_snippet(db_, doc, ranked_notice.docid, hit.notice.body, built.highlight_sequences, analyzer_);
    if (request.group_by_incident) hit.group_size = incident_matches(hit.notice.incident, ranked.matched);
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::size_t SearchEngine::incident_matches(const std::string& incident, const Xapian::Query& matched) const {
  if (incident.empty()) return 1;
  Xapian::Enquire count(db_);
  count.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matched,
                                Xapian::Query(schema::term(schema::kIncidentPrefix, incident))));
  bound_.apply(count);
  return count.get_mset(0, 0, bound_.examine(db_.get_doccount())).get_matches_estimated();
}

void SearchEngine::set_totals(SearchResponse& response, const SearchRequest& request, const RankedPage& page,
                              std::future<SidePass>& side, bool counted_beside) const {
  if (request.group_by_incident) {  // groups, and the facets in groups, counted beside
    SidePass counted = side.get();
    response.total = counted.count.total;
    response.total_is_exact = counted.count.exact;
    response.facets = std::move(counted.facets.facets);  // none unless asked for
    response.facets_count_groups = request.facets;
  } else if (request.facets) {
    SidePass counted = side.get();
    response.facets = std::move(counted.facets.facets);
    response.total = counted.facets.total;
    response.total_is_exact = counted.facets.exact;
  } else {
    // A sorted pass has seen every match anyway; a ranked one has usually stopped early.
    MatchCount counted = page.ranked.total;
    if (!counted.exact) {
      counted = counted_beside ? side.get().count : count_matches(db_, page.matched, kExactCountUpTo, bound_);
    }
    response.total = counted.total;
    response.total_is_exact = counted.exact;
  }
}

}  // namespace kaiji
