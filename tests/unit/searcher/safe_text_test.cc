#include <doctest/doctest.h>

#include "safe_text.h"

using namespace kaiji;

TEST_CASE("visible_controls: C0, DEL and C1 controls shown as less shows them, newlines, tabs and text kept") {
  CHECK(visible_controls("a\x1b[31mb\x07") == "a^[[31mb^G");
  CHECK(visible_controls("x\x7fy") == "x^?y");
  CHECK(visible_controls("漏えい\xc2\x9b") == "漏えい<U+009B>");
  CHECK(visible_controls("行1\n\t行2") == "行1\n\t行2");
  CHECK(visible_controls("\r") == "^M");
}

TEST_CASE("visible_snippet: highlights move with the characters shown for controls") {
  Snippet s;
  s.text = "\x1b漏えい\x07と";  // highlight 漏えい (code points 1..4)
  s.highlights = {{1, 4}};
  const Snippet v = visible_snippet(s);
  CHECK(v.text == "^[漏えい^Gと");
  REQUIRE(v.highlights.size() == 1);
  CHECK(v.highlights[0] == std::pair<std::size_t, std::size_t>{2, 5});
  CHECK(mark_snippet(v) == "^[[漏えい]^Gと");
}

TEST_CASE("csv_cell: controls removed, formula starts neutralised, RFC 4180 quoting") {
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("=1+1") == "'=1+1");
  CHECK(csv_cell("+81") == "'+81");
  CHECK(csv_cell("-2") == "'-2");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("\tx") == "'\tx");
  CHECK(csv_cell("\rx") == "\"'\rx\"");
  CHECK(csv_cell("\x1b=cmd") == "'=cmd");  // what is left after removal is checked
  CHECK(csv_cell("a\x07" "b\xc2\x9b") == "ab");
  CHECK(csv_cell("a,\"b\"") == "\"a,\"\"b\"\"\"");
  CHECK(csv_cell("a=b") == "a=b");
  CHECK(csv_cell("") == "");
}
