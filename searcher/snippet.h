// The best passage of a notice for a query, with the matched words marked. Matching
// happened on analysed terms (漏洩 matches 漏えい); the analyser's offsets carry each
// match back to the text as written, so the highlight lands on 漏えい.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "index/body_lines.h"

namespace kaiji {

struct Snippet {
  std::string text;                                         // one line, no newlines
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end) in code points of text
  bool leading_ellipsis = false;
  bool trailing_ellipsis = false;
};

// sequences are the query's words as analysed terms (one term, or several for a word
// MeCab splits). A sequence is highlighted where its terms stand together; where they
// never do, its terms of two or more characters are highlighted alone. max_chars bounds
// the passage length.
Snippet make_snippet(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                     Analyzer& analyzer, std::size_t max_chars = 120);

// An index position where one of the query's words occurs; term numbers the distinct words.
struct PositionedTerm {
  std::uint32_t position;
  std::uint32_t term;
};

// The same, analysing only the body line where the query's words stand most densely
// (and the line after it), found from their index positions and the notice's stored
// line starts. A search shows ten of these at a time; analysing whole bodies cost more
// than the search itself.
Snippet make_snippet(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                     Analyzer& analyzer, const std::vector<BodyLine>& lines,
                     const std::vector<PositionedTerm>& matches, std::size_t max_chars = 120);

// The passage chosen among the given analysed tokens of body (offsets into body).
Snippet snippet_of_tokens(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                          std::vector<Token> tokens, std::size_t max_chars);

// The snippet as text with [brackets] (or the given markers) around highlights.
std::string mark_snippet(const Snippet& snippet, std::string_view open = "[", std::string_view close = "]");

}  // namespace kaiji
