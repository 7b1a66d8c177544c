// Where each passage of a notice's body starts: its byte offset and the index position
// of its first word. A passage is a line, or a sentence of a line (it ends after 。！？).
// Stored with the document (schema::kBodyLinesSlot) so that a searcher can find the
// passages a query matched from the term positions and analyse only those for the
// snippet, not the whole body of every hit (lines of a whole paragraph made that cost
// 150-370 µs a hit at 100k notices).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace kaiji {

struct BodyLine {
  std::uint32_t offset = 0;          // byte offset of the passage in the body
  std::uint32_t first_position = 0;  // index position of its first word (or of the next passage's)
};

// The passages of body, given its analysed tokens and the index position its word 0 got.
std::vector<BodyLine> body_lines(std::string_view body, const std::vector<Token>& tokens, std::uint32_t first_position);

// Compact form for a value slot (delta varints); decode returns {} for anything malformed.
std::string encode_body_lines(const std::vector<BodyLine>& lines);
std::vector<BodyLine> decode_body_lines(std::string_view encoded);

// The passage holding index position `position`: the last one starting at or before it.
// Passages without words share their first position with the next one; the later one
// (the one that has the word) is chosen. npos when the position is before the body.
std::size_t line_of_position(const std::vector<BodyLine>& lines, std::uint32_t position);

}  // namespace kaiji
