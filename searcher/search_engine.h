// Opens the index and answers one request: query → ranked notices with snippets.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "notice.h"
#include "query_builder.h"
#include "snippet.h"
#include "taxonomy.h"

namespace kaiji {

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool synonyms = true;
  bool facets = false;  // count every facet over all matches
};

struct FacetCount {
  std::string value;  // slug (label: the label as written)
  std::size_t count = 0;
};

struct FacetCounts {
  std::string facet;               // cause, cause_family, sector, year, data, outcome, label
  std::vector<FacetCount> counts;  // most frequent first
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based, over the whole result list
  double score = 0;
  Notice notice;
  Snippet snippet;
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;          // matching notices
  bool total_is_exact = true;     // false when Xapian only estimated it
  bool browsing = false;          // no words to rank by: newest first
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;  // when requested
};

class SearchEngine {
 public:
  // Throws Xapian::DatabaseOpeningError (missing or unreadable index) and friends.
  SearchEngine(const std::vector<std::string>& db_paths, const Analyzer& analyzer, const Taxonomy& taxonomy);

  // Throws QuerySyntaxError on bad syntax.
  SearchResponse search(const SearchRequest& request) const;

  const Xapian::Database& database() const { return db_; }

 private:
  Xapian::Database db_;
  const Analyzer& analyzer_;
  const Taxonomy& taxonomy_;
};

}  // namespace kaiji
