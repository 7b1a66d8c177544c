// A query typed as a sentence or a question (「病院でランサムウェアの被害にあった事例は
// ありますか?」) becomes the words it is about. As typed, it would be one word whose
// analysed terms must all stand together — particles, 事例 and ありますか included — and
// would match nothing. Here it is cut where the analysis finds particles, auxiliaries and
// punctuation, and the words of asking (dict/question_words.tsv: 事例, 教えて, どの …) are
// dropped; the search then ranks notices by how many of the remaining words they hold
// (partial_match.h).
#pragma once

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "query_syntax.h"

namespace kaiji {

struct QuestionReading {
  QueryNode tree;          // the query to search (the parsed one when nothing changed)
  bool question = false;   // a word of the query was a sentence, now cut into words
  // The words searched, as typed, when the tree was changed (sentence cut, or question
  // words dropped from a long query); empty otherwise.
  std::vector<std::string> words;
};

// Words of a query are changed only at its top level (a word alone, or the words of its
// top-level AND); phrases, fields and everything under OR or NOT stay as written.
QuestionReading read_question(const QueryNode& parsed, Analyzer& analyzer);

}  // namespace kaiji
