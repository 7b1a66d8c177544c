// Opens the index and answers requests: a query → ranked (or sorted, or grouped) notices
// with snippets and facet counts; notices like a given one; one whole notice.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "index/facet_codes.h"
#include "base/notice.h"
#include "query_builder.h"
#include "snippet.h"
#include "base/taxonomy.h"

namespace kaiji {

enum class SortKey { Relevance, Date, Affected };

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool synonyms = true;
  bool facets = false;           // count every facet over all matches
  std::optional<SortKey> sort;   // unset: relevance, or date when there are no words
  bool ascending = false;        // for date and affected
  bool group_by_incident = false;
  std::string like_id;           // notices similar to this one (the query then only filters)
};

struct FacetCount {
  std::string value;  // slug (label: the label as written)
  std::size_t count = 0;
};

struct FacetCounts {
  std::string facet;               // cause, cause_family, sector, year, data, outcome, label
  std::vector<FacetCount> counts;  // most frequent first (years newest first)
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based, over the whole result list
  double score = 0;
  Notice notice;
  Snippet snippet;
  bool partial = false;          // matches only some of the query's words
  std::size_t matched_words = 0; // for partial matches
  std::size_t group_size = 0;    // with grouping: matching notices of its incident
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;          // matching notices (groups, when grouping)
  bool total_is_exact = true;     // false when Xapian only estimated it
  std::string sort = "relevance"; // relevance | date | affected (with "-asc" when ascending)
  bool partial = false;           // no notice matched every word: best partial matches
  std::size_t query_words = 0;    // top-level words of the query
  bool grouped = false;
  std::string like_id;            // --like: the notice the results resemble
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;  // when requested
};

// Raised for requests that name a notice that is not in the index.
class NoticeNotFound : public std::runtime_error {
 public:
  explicit NoticeNotFound(const std::string& id) : std::runtime_error("no notice with id " + id + " in the index") {}
};

class SearchEngine {
 public:
  // Each of db_paths is an index directory (or any Xapian database, a stub file among
  // them) or tcp://HOST:PORT for one served by xapian-tcpsrv; several are searched as
  // one index. Throws Xapian::DatabaseOpeningError (missing or unreadable index) and
  // friends.
  SearchEngine(const std::vector<std::string>& db_paths, Analyzer& analyzer, const Taxonomy& taxonomy);

  // Throws QuerySyntaxError on bad syntax, NoticeNotFound for an unknown like_id.
  SearchResponse search(const SearchRequest& request) const;

  // The whole notice. Throws NoticeNotFound.
  Notice show(const std::string& id) const;

  const Xapian::Database& database() const { return db_; }

 private:
  bool use_near_terms_ = true;  // the index's XW terms fit this analyser (near_compounds.h)
  bool all_local_ = true;       // no shard is behind xapian-tcpsrv (facet codes, if one shard)
  mutable std::unique_ptr<FacetDictionary> facet_codes_;  // the index's, as last read
  mutable std::string facet_codes_stored_;
  struct FacetPass {
    std::vector<FacetCounts> facets;
    std::size_t total = 0;
  };
  SearchResponse search_once(const SearchRequest& request) const;
  Snippet snippet_of(const Xapian::Document& doc, Xapian::docid docid, const std::string& body,
                     const std::vector<std::vector<std::string>>& sequences) const;
  struct MatchCount {
    std::size_t total = 0;
    bool exact = false;
  };
  // The matches in db, counted exactly up to up_to and estimated beyond.
  MatchCount count_matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount up_to) const;
  FacetPass count_facets(const Xapian::Database& db, const Xapian::Query& query) const;
  // What the pass beside the ranked one found: the facets, or the number of matches.
  struct SidePass {
    FacetPass facets;
    MatchCount count;
  };
  // Runs count_facets (facets) or count_matches on side_db_ in a thread of its own, on
  // its own copy of the query: Xapian objects are not shared between threads.
  std::future<SidePass> start_side_pass(const Xapian::Query& query, bool facets) const;
  // From the facet codes (one local shard); nothing if a code is not in the dictionary.
  std::optional<FacetPass> count_facet_codes(const Xapian::Database& db, Xapian::Enquire& enquire) const;
  // From the string slots, with Xapian's own spy (any shards, remote ones too).
  FacetPass count_facet_strings(const Xapian::Database& db, Xapian::Enquire& enquire) const;
  Xapian::docid docid_of(const std::string& id) const;
  Xapian::Query like_query(const std::string& id) const;

  static constexpr int kModifiedRetries = 3;
  mutable Xapian::Database db_;  // reopened when an indexer's commits overtake a search
  // The same index again, opened at the same moment, for the counting pass that runs
  // beside the ranked pass on the second core (a Database is used by one thread at a time).
  mutable Xapian::Database side_db_;
  Analyzer& analyzer_;
  const Taxonomy& taxonomy_;
};

}  // namespace kaiji
