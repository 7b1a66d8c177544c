// Where each line of a notice's body starts: its byte offset and the index position of
// its first word. Stored with the document (schema::kBodyLinesSlot) so that a searcher
// can find the lines a query matched from the term positions and analyse only those
// lines for the snippet, not the whole body of every hit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"

namespace kaiji {

struct BodyLine {
  std::uint32_t offset = 0;          // byte offset of the line in the body
  std::uint32_t first_position = 0;  // index position of its first word (or of the next line's)
};

// The lines of body, given its analysed tokens and the index position its word 0 got.
std::vector<BodyLine> body_lines(std::string_view body, const std::vector<Token>& tokens, std::uint32_t first_position);

// Compact form for a value slot (delta varints); decode returns {} for anything malformed.
std::string encode_body_lines(const std::vector<BodyLine>& lines);
std::vector<BodyLine> decode_body_lines(std::string_view encoded);

// The line holding index position `position`: the last line starting at or before it.
// Lines without words share their first position with the next line; the later one
// (the one that has the word) is chosen. npos when the position is before the body.
std::size_t line_of_position(const std::vector<BodyLine>& lines, std::uint32_t position);

}  // namespace kaiji
