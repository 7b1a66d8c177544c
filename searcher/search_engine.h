// Opens the index and answers one request: query → ranked notices with snippets.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "notice.h"
#include "query_builder.h"
#include "snippet.h"

namespace kaiji {

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool synonyms = true;
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
  std::vector<SearchHit> hits;
};

class SearchEngine {
 public:
  // Throws Xapian::DatabaseOpeningError (missing or unreadable index) and friends.
  SearchEngine(const std::vector<std::string>& db_paths, const Analyzer& analyzer);

  // Throws QuerySyntaxError on bad syntax.
  SearchResponse search(const SearchRequest& request) const;

  const Xapian::Database& database() const { return db_; }

 private:
  Xapian::Database db_;
  const Analyzer& analyzer_;
};

}  // namespace kaiji
