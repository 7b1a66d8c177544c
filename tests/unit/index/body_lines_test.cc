#include <doctest/doctest.h>

#include "index/body_lines.h"
#include "test_analyzer.h"

using namespace kaiji;
using kaiji::testing::analyzer;

TEST_CASE("body lines: each line's byte offset and the position of its first word") {
  const std::string body = "一行目です。\n\nランサムウェアに感染しました。\n最後の行";
  const std::vector<Token> tokens = analyzer().analyze(body);
  const std::vector<BodyLine> lines = body_lines(body, tokens, 500);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].offset == 0);
  CHECK(lines[0].first_position == 500);
  CHECK(lines[2].offset == body.find("ランサムウェア"));
  CHECK(lines[3].offset == body.find("最後"));
  // The empty line shares its position with the line after it.
  CHECK(lines[1].first_position == lines[2].first_position);
  for (const Token& t : tokens) {
    const std::size_t line = line_of_position(lines, 500 + t.position);
    REQUIRE(line < lines.size());
    CHECK(t.begin >= lines[line].offset);
    if (line + 1 < lines.size()) CHECK(t.begin < lines[line + 1].offset);
  }
  CHECK(line_of_position(lines, 499) == static_cast<std::size_t>(-1));  // the title, before the body
}

TEST_CASE("body lines: the stored form round-trips, and damage gives nothing rather than nonsense") {
  const std::vector<BodyLine> lines = {{0, 7}, {40, 19}, {41, 19}, {70000, 100000}};
  const std::string encoded = encode_body_lines(lines);
  const std::vector<BodyLine> back = decode_body_lines(encoded);
  REQUIRE(back.size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(back[i].offset == lines[i].offset);
    CHECK(back[i].first_position == lines[i].first_position);
  }
  CHECK(decode_body_lines(encoded.substr(0, encoded.size() - 1)).empty());
  CHECK(decode_body_lines("").empty());
}

TEST_CASE("body lines: a line of several sentences is one passage a sentence") {
  const std::string body = "一文目です。二文目です！三文目？\n次の行です";
  const std::vector<Token> tokens = analyzer().analyze(body);
  const std::vector<BodyLine> lines = body_lines(body, tokens, 0);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].offset == body.find("二文目"));
  CHECK(lines[2].offset == body.find("三文目"));
  CHECK(lines[3].offset == body.find("次の行"));  // the newline after ？ belongs to its sentence
  for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].first_position > lines[i - 1].first_position);
}
