// Syntax tree → Xapian query, through the same analysis the indexer used.
//
// A query word that MeCab splits into several tokens matches where its tokens stand near
// each other, and ranks higher where they stand as the exact phrase. For the dictionary's
// compounds and the synonym table's phrases the index says so itself (XW/XE terms,
// near_compounds.h); for any other split word the positions are checked. A word also
// matches through the character bigrams of names and titles, which is how 倉業 finds
// 株式会社倉業サービス.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query_syntax.h"
#include "base/taxonomy.h"
#include "analysis/word_paths.h"

namespace kaiji {

struct BuiltQuery {
  Xapian::Query query;          // MatchAll for a query with no positive words
  // What snippets highlight: each query word as its sequence of analysed terms.
  std::vector<std::vector<std::string>> highlight_sequences;
  bool has_positive = false;    // false: the query only filters / excludes: browse, newest first
  // For a query of several words that no notice matches together: the same query with
  // the words ORed (filters and exclusions still apply). Empty when the query has fewer
  // than two top-level words.
  Xapian::Query partial_query;
  // Each top-level word's own query, in query order, for counting how many of them a
  // partial match contains (partial_match.h). Empty with partial_query.
  std::vector<Xapian::Query> partial_words;
  // The query text of each of partial_words, for saying which words matched nothing.
  std::vector<std::string> partial_texts;
  // For each of partial_words, a query that matches nothing only when no notice holds
  // any of the word's terms: a word outside the notices' vocabulary (マイナンバー where no
  // notice names it), not merely one the notices write differently (なりすまし電話 where
  // one writes 第三者を装った電話). Measured on the dev half: the stricter rule (no
  // notice holds all its terms) lost two paraphrase and topic queries for one no-answer
  // query won.
  std::vector<Xapian::Query> partial_presence;
  std::size_t word_count = 0;   // distinct top-level words of the query
  // The query was a sentence or question (question_words.h): it takes the partial path
  // even when some notices hold every word, ranked by BM25 over its words (more of them,
  // and rarer ones, rank higher: a count of words held would let 原因 or 個人情報, in
  // nearly every notice, weigh as much as ランサムウェア).
  bool question = false;
  // Words that matched nothing as typed and were matched as prefixes instead (ランサム).
  std::vector<std::string> prefix_words;
  // The query has words, but none leaves anything to match: only particles, stop words
  // or punctuation (の は が).
  bool nothing_to_search = false;
};

// Raised for a query with nothing to search for (BuiltQuery::nothing_to_search).
class NothingToSearch : public std::runtime_error {
 public:
  explicit NothingToSearch(const std::string& query)
      : std::runtime_error("nothing to search for in '" + query + "' (only particles, stop words or punctuation)") {}
};

struct QueryBuildOptions {
  bool synonyms = true;
  // Term statistics for weighting synonyms against the original word; without them
  // synonyms get a flat half weight.
  const Xapian::Database* stats = nullptr;
  // Match dictionary compounds through the index's XW terms instead of NEAR on positions
  // (near_compounds.h); only when the index was written for the same compounds.
  bool near_terms = false;
};

class QueryBuilder {
 public:
  QueryBuilder(Analyzer& analyzer, const Taxonomy& taxonomy, QueryBuildOptions options)
      : analyzer_(analyzer), taxonomy_(taxonomy), options_(options) {}

  // Not const, nor are the steps that analyse words: the Analyzer rewrites its lattice.
  BuiltQuery build(const QueryNode& root);

 private:
  // The dictionary compound these paths are, when its XW terms can answer for it.
  const NearCompound* near_compound(const WordPaths& paths, std::string_view prefix) const;
  Xapian::Query node_query(const QueryNode& node, BuiltQuery& out);
  // What a Not node excludes: the query of its operand.
  Xapian::Query excluded_query(const QueryNode& not_node);
  // A top-level word's query q for partial matching: a plain word of several terms also
  // matches, for less, where its terms stand apart.
  Xapian::Query loosened(const QueryNode& node, Xapian::Query q);
  // What a notice must hold for a top-level word (query q) to be in the notices' vocabulary
  // at all: the word, or any of its terms.
  Xapian::Query any_term(const QueryNode& node, Xapian::Query q);
  // The partial form of a top-level AND (see BuiltQuery::partial_query).
  void build_partial(const QueryNode& root, BuiltQuery& out);
  // One word or phrase of the query; prefix selects a field ("" = title and body).
  Xapian::Query text_query(const std::string& text, std::string_view prefix, bool exact_phrase, bool with_grams,
                           BuiltQuery& out);
  // Synonyms of a query word (whose analysed words are `words`), as one weighted query.
  Xapian::Query synonym_query(const std::string& text, const std::vector<std::string>& words,
                              std::string_view prefix, BuiltQuery& out);
  // Character bigrams of a query word, matched against names (and, unless org_only,
  // titles and unknown words).
  Xapian::Query gram_query(const std::string& text, bool org_only) const;
  // A word's terms that start with stem (ランサム → ランサムウェア …), as one word
  // (a query matching no notice when none does).
  Xapian::Query prefix_query(const std::string& stem, std::string_view prefix, BuiltQuery& out) const;
  // text_query's answer, or the prefix expansion of a katakana or Latin word when the
  // answer matches nothing.
  Xapian::Query or_as_prefix(Xapian::Query q, const std::string& text, std::string_view prefix, BuiltQuery& out) const;
  Xapian::Query word_query(const std::vector<Token>& tokens, std::string_view prefix, bool exact_phrase,
                           BuiltQuery& out) const;

  // Rarity of a word's rarest term, as Xapian's BM25 weighs it.
  double idf(const std::vector<std::string>& terms, std::string_view prefix) const;

  Analyzer& analyzer_;
  const Taxonomy& taxonomy_;
  QueryBuildOptions options_;
};

}  // namespace kaiji
