// File names in messages cannot forge lines or drive the terminal.
#include <doctest/doctest.h>

#include "base/quoted_name.h"

using kaiji::quoted_name;

TEST_CASE("quoted_name: an ordinary name, Japanese and spaces included, is printed as it is") {
  CHECK(quoted_name("corpus/004_61c9923e7d8c2772.txt") == "corpus/004_61c9923e7d8c2772.txt");
  CHECK(quoted_name("お知らせ 2024.html") == "お知らせ 2024.html");
  CHECK(quoted_name("") == "");
}

TEST_CASE("quoted_name: a newline cannot start a line of its own") {
  const std::string name = "a.txt\nkaiji-indexer: warning: b.txt";
  CHECK(quoted_name(name) == "\"a.txt\\nkaiji-indexer: warning: b.txt\"");
  CHECK(quoted_name(name).find('\n') == std::string::npos);
}

TEST_CASE("quoted_name: escapes, quotes, bytes that are not UTF-8 and bidi controls are escaped") {
  CHECK(quoted_name("x\x1b[2Jy") == "\"x\\x1B[2Jy\"");
  CHECK(quoted_name("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(quoted_name("bad\xff\xfe.txt") == "\"bad\\xFF\\xFE.txt\"");
  CHECK(quoted_name("txt.\u202Eexe") == "\"txt.\\u{202E}exe\"");
  CHECK(quoted_name("tab\there\r") == "\"tab\\there\\r\"");
  CHECK(quoted_name("\u2028") == "\"\\u{2028}\"");
  CHECK(quoted_name("\uFFFD.txt") == "\uFFFD.txt");  // a real U+FFFD is printable
}
