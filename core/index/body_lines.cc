#include "index/body_lines.h"

#include <algorithm>

#include "index/varint.h"

namespace kaiji {
namespace {

// The byte length of the sentence end (。！？) at body[i], or 0. Compared byte by byte:
// this runs for every character of every body, and string_view::compare per mark cost
// as much as the rest of the indexer's line work.
std::size_t sentence_end_at(std::string_view body, std::size_t i) {
  if (i + 3 > body.size()) return 0;
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(body[i + k]); };
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x82) return 3;                  // 。 U+3002
  if (b(0) == 0xEF && b(1) == 0xBC && (b(2) == 0x81 || b(2) == 0x9F)) return 3;  // ！ U+FF01, ？ U+FF1F
  return 0;
}

// Where the passage starting at `start` ends (the next one starts): after a newline, or
// after a sentence end (。！？) and the newline that may follow it; npos for the last
// passage. Passages of a sentence keep the text MeCab analyses for a snippet short.
std::size_t passage_end(std::string_view body, std::size_t start) {
  for (std::size_t i = start; i < body.size(); ++i) {
    if (body[i] == '\n') return i + 1 < body.size() ? i + 1 : std::string_view::npos;
    const std::size_t mark = sentence_end_at(body, i);
    if (mark == 0) continue;
    std::size_t end = i + mark;
    if (end < body.size() && body[end] == '\n') ++end;
    return end < body.size() ? end : std::string_view::npos;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<BodyLine> body_lines(std::string_view body, const std::vector<Token>& tokens, std::uint32_t first_position) {
  std::vector<BodyLine> lines;
  std::size_t t = 0;
  std::uint32_t next_position = 0;  // analyser position of the first word not yet passed
  std::size_t start = 0;
  while (true) {
    // Words before this line are passed; the first one at or after its start is its first.
    while (t < tokens.size() && tokens[t].begin < start) {
      next_position = std::max(next_position, tokens[t].position + 1);
      ++t;
    }
    const std::uint32_t position = t < tokens.size() ? tokens[t].position : next_position;
    lines.push_back({static_cast<std::uint32_t>(start), first_position + position});
    const std::size_t end = passage_end(body, start);
    if (end == std::string_view::npos) break;
    start = end;
  }
  return lines;
}

std::string encode_body_lines(const std::vector<BodyLine>& lines) {
  std::string out;
  BodyLine previous;
  for (const BodyLine& line : lines) {
    put_varint(out, line.offset - previous.offset);
    put_varint(out, line.first_position - previous.first_position);
    previous = line;
  }
  return out;
}

std::vector<BodyLine> decode_body_lines(std::string_view encoded) {
  std::vector<BodyLine> lines;
  BodyLine line;
  while (!encoded.empty()) {
    std::uint32_t offset_delta = 0;
    std::uint32_t position_delta = 0;
    if (!get_varint(encoded, offset_delta) || !get_varint(encoded, position_delta)) return {};
    line.offset += offset_delta;
    line.first_position += position_delta;
    lines.push_back(line);
  }
  return lines;
}

std::size_t line_of_position(const std::vector<BodyLine>& lines, std::uint32_t position) {
  const auto after = std::upper_bound(lines.begin(), lines.end(), position,
                                      [](std::uint32_t p, const BodyLine& line) { return p < line.first_position; });
  if (after == lines.begin()) return static_cast<std::size_t>(-1);
  return static_cast<std::size_t>(after - lines.begin()) - 1;
}

}  // namespace kaiji
