// What a search answers: the page of hits (each with its notice and snippet), how many
// notices matched, and the facet counts when they were asked for.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/notice.h"
#include "snippet.h"

namespace kaiji {

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
  double score = 0;      // BM25 (of a partial match: over the words it matches)
  Notice notice;
  Snippet snippet;
  bool partial = false;          // matches only some of the query's words
  std::size_t matched_words = 0; // for partial matches: how many of the query's words it contains
  std::size_t group_size = 0;    // with grouping: matching notices of its incident
};

// A filter that a search finding nothing could drop, and what it finds without it
// (filter_relaxation.h).
struct FilterRelaxation {
  std::string drop;             // the filter as the query writes it: year:2023
  std::size_t total = 0;        // matching notices without it
  bool total_is_exact = true;
};

struct SearchResponse {
  std::string query;
  std::size_t offset = 0;         // results skipped before hits (the request's)
  std::size_t total = 0;          // matching notices (groups, when grouping)
  bool total_is_exact = true;     // false when Xapian only estimated it
  bool time_limited = false;      // the search ran past its time bound: counts may be estimates
  std::string sort = "relevance"; // relevance | date | affected (with "-asc" when ascending)
  bool partial = false;           // no notice matched every word: best partial matches
  std::size_t query_words = 0;    // top-level words of the query
  // A sentence or long query, read as these words (question words and particles
  // dropped); empty when the query was searched as typed.
  std::vector<std::string> searched_words;
  // Words of the query no notice contains (filters aside): why a query
  // of several words found nothing, or what a question's results leave out.
  std::vector<std::string> absent_words;
  // Words that matched nothing as typed and were matched as prefixes (ランサム → ランサムウェア).
  std::vector<std::string> prefix_words;
  bool grouped = false;
  std::string like_id;            // --like: the notice the results resemble
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;  // when requested
  // When requested: matches per month of publication ("2024-06"), oldest first, the
  // request's month filter lifted. Notices without a date are not counted.
  std::vector<FacetCount> months;
  bool facets_count_groups = false;  // with grouping: facet counts are groups, not notices
  // Did you mean: when a word of the query matches no notice, the corrected query whose
  // results these are (spelling_suggestion.h); empty when the results are the query's own.
  std::string suggestion;
  // When nothing matched a search with filters: each filter dropped alone, in the order
  // the search has them, with what the search finds without it.
  std::vector<FilterRelaxation> relaxations;
};

}  // namespace kaiji
