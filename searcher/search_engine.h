// Opens the index and answers requests: a query → ranked (or sorted, or grouped) notices
// with snippets and facet counts; notices like a given one; one whole notice.
#pragma once

#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "base/notice.h"
#include "base/taxonomy.h"
#include "facet_counting.h"
#include "partial_match.h"
#include "query_builder.h"
#include "question_words.h"
#include "request_filters.h"
#include "search_request.h"
#include "search_response.h"
#include "side_pass.h"
#include "time_bound.h"

namespace kaiji {

// Raised for requests that name a notice that is not in the index.
class NoticeNotFound : public std::runtime_error {
 public:
  explicit NoticeNotFound(const std::string& id) : std::runtime_error("no notice with id " + id + " in the index") {}
};

// Used by one thread at a time: its Xapian databases and the Analyzer are not shared
// between threads. (Each search runs its counting pass on a thread of its own, on a second
// handle of the index that nothing else uses meanwhile: side_pass.h.) search() is not
// const: it analyses with the Analyzer, reopens the databases when an indexer's commits
// overtake it, and keeps the facet-code dictionary it last read.
class SearchEngine {
 public:
  // Each of db_paths is an index directory (or any Xapian database, a stub file among
  // them) or tcp://HOST:PORT for one served by xapian-tcpsrv; several are searched as
  // one index. Throws Xapian::DatabaseOpeningError (missing or unreadable index) and
  // friends.
  SearchEngine(const std::vector<std::string>& db_paths, Analyzer& analyzer, const Taxonomy& taxonomy);

  // Throws QuerySyntaxError on bad syntax, NothingToSearch for a query of only particles,
  // NoticeNotFound for an unknown like_id, FilterError for a bad request.filters.
  SearchResponse search(const SearchRequest& request);

  // The whole notice. Throws NoticeNotFound.
  Notice show(const std::string& id) const;

  const Xapian::Database& database() const { return db_; }

  // Moves to the newest commit of the index (a long-running front end calls this between
  // requests: a search otherwise stays on the revision it opened).
  void refresh();

 private:
  // The page the ranked (or sorted) pass found, and the query it matched: the request's,
  // or the partial query when no notice matches every word.
  struct RankedPage {
    RankedNotices ranked;  // the page, and what the pass saw of the whole match
    Xapian::Query matched;
    bool partial = false;
    std::vector<std::string> absent;  // words no notice holds (searched for partial matches)
  };
  // The queries a search matches, before and after the request's filters.
  struct MatchedQueries {
    Xapian::Query unfiltered;          // the query (or the notices like like_id)
    Xapian::Query unfiltered_partial;  // built.partial_query before the filters
  };
  // A request's query, read, built and filtered, before any notice is looked at.
  struct PreparedSearch {
    QuestionReading reading;
    BuiltQuery built;  // its partial_query filtered
    RequestFilters filters;
    MatchedQueries unfiltered;
    Xapian::Query query;  // unfiltered.unfiltered, filtered
  };

  // One attempt at search(), on the revision open now: the query's own results, else
  // (when a word matches nothing) a corrected query's, else what dropping a filter finds.
  SearchResponse search_once(const SearchRequest& request);
  // The query of tree (request.query parsed), as the search runs it. Throws
  // NothingToSearch, FilterError.
  PreparedSearch prepare(const SearchRequest& request, const QueryNode& tree);
  // Whether some notice the filters leave holds every word of the query (a question
  // included); when none does, the search shows partial matches or nothing.
  bool holds_every_word(const PreparedSearch& prepared) const;
  // The search of a prepared query: its page, totals and facets.
  SearchResponse run(const SearchRequest& request, PreparedSearch prepared);
  // The search of the query with its words that match no notice corrected
  // (spelling_suggestion.h), if that finds notices (or would without a filter).
  std::optional<SearchResponse> corrected_search(const SearchRequest& request, const QueryNode& tree);
  // For a search that found nothing: each filter dropped alone, counted.
  std::vector<FilterRelaxation> relaxations(const SearchRequest& request, const QueryNode& tree);
  // Whether word alone, without filters, matches any notice.
  bool word_matches(const std::string& word, bool synonyms);
  // The query the results match: the built one, or with --like the notices similar to
  // request.like_id, narrowed by the built one when the request has a query.
  Xapian::Query request_query(const SearchRequest& request, const BuiltQuery& built) const;
  // The ranked pass's Enquire on db_: BM25, the order of sort, grouping by incident.
  Xapian::Enquire ordered_enquire(const SearchRequest& request, SortKey sort) const;
  // Runs the pass for request's page; falls back to built's partial query when nothing
  // matches, starting side (the counting pass, if running) again on that query.
  RankedPage rank_page(Xapian::Enquire& enquire, const SearchRequest& request, const Xapian::Query& query,
                       const BuiltQuery& built, SortKey sort, std::future<SidePass>& side);
  // The page's hits with their notices and snippets (and group sizes, partial counts).
  // Not const: snippets are analysed with analyzer_.
  // Whether a query of which `absent` words no notice holds asks for what is not there.
  bool asks_for_what_is_not_there(std::size_t absent, const BuiltQuery& built) const;
  std::vector<SearchHit> page_hits(const RankedPage& page, const SearchRequest& request, const BuiltQuery& built);
  // With grouping: the matching notices of the hit's incident (1 for a notice without one).
  std::size_t incident_matches(const std::string& incident, const Xapian::Query& matched) const;
  // The response's total (and its facets), from the page, the side pass or a count of
  // its own.
  void set_totals(SearchResponse& response, const SearchRequest& request, const RankedPage& page,
                  std::future<SidePass>& side, bool counted_beside) const;
  // With facets or months asked for: the counts with one of the filters lifted
  // (lifted_counts.h), after the side pass has finished.
  void set_lifted_counts(SearchResponse& response, const SearchRequest& request, const RequestFilters& filters,
                         const Xapian::Query& unfiltered);
  Xapian::docid docid_of(const std::string& id) const;

  static constexpr int kModifiedRetries = 3;
  // A word held by a quarter of the notices or more (doccount / this) narrows nothing.
  static constexpr Xapian::doccount kCommonWordShare = 4;
  bool use_near_terms_ = true;  // the index's XW terms fit this analyser (near_compounds.h)
  Xapian::Database db_;  // reopened when an indexer's commits overtake a search
  // The same index again, opened at the same moment, for the counting pass that runs
  // beside the ranked pass on the second core (a Database is used by one thread at a time).
  Xapian::Database side_db_;
  Analyzer& analyzer_;
  const Taxonomy& taxonomy_;
  FacetCounter facets_;  // counts on side_db_, in the side pass
  TimeBound bound_;       // the running search's (request.time_limit)
};

}  // namespace kaiji
