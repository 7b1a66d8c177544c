// The query language as a syntax tree: words (ANDed), "phrases", OR, -word / NOT word,
// parentheses and field:value. Parsing knows nothing of Xapian or analysis; query_builder
// turns the tree into a Xapian query.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace kaiji {

struct QueryNode {
  enum class Kind { Word, Phrase, Field, And, Or, Not };
  Kind kind = Kind::Word;
  std::string text;    // Word, Phrase, Field: the text; Field: its value
  std::string field;   // Field: the field name (title, org, …)
  bool quoted = false; // Field: the value was a "phrase"
  std::vector<QueryNode> children;  // And, Or: operands; Not: exactly one
  std::size_t column = 0;           // where it starts in the query, for error messages
};

// A syntax error, with the 1-based character column (in the NFKC-normalised query)
// where it was found.
class QuerySyntaxError : public std::runtime_error {
 public:
  QuerySyntaxError(const std::string& message, std::size_t column)
      : std::runtime_error(message), column_(column) {}
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

// The fields a query may name (field:value): text fields (title, org) and filters
// (cause, sector, year, date, affected, data, outcome, label, incident, cause_family).
const std::vector<std::string>& query_fields();

// Parses a query. An empty or all-space query gives an And node with no children.
// Throws QuerySyntaxError.
QueryNode parse_query(const std::string& query);

}  // namespace kaiji
