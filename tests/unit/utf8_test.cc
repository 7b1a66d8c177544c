#include <doctest/doctest.h>

#include "utf8.h"

using namespace kaiji;

TEST_CASE("utf8: decodes and re-encodes Japanese text") {
  const std::string text = "漏えいＡa";
  std::string copy;
  for (std::size_t i = 0; i < text.size();) utf8::append(copy, utf8::decode(text, i));
  CHECK(copy == text);
  CHECK(utf8::length(text) == 5);
}

TEST_CASE("utf8: invalid bytes become U+FFFD and the good text stays") {
  const std::string bad = std::string("個人") + "\xff\xfe" + "情報" + "\xe3\x81";  // truncated at the end
  const std::string fixed = utf8::sanitize(bad);
  CHECK(fixed == "個人\uFFFD\uFFFD情報\uFFFD\uFFFD");
  CHECK(utf8::sanitize("正常なテキスト") == "正常なテキスト");
}

TEST_CASE("utf8: trim removes ASCII, NBSP and ideographic spaces") {
  CHECK(utf8::trim("\u3000 \u00a0本文 \t") == "本文");
  CHECK(utf8::trim("   ").empty());
}

TEST_CASE("utf8: prefix counts code points") {
  CHECK(utf8::prefix("ランサムウェア", 3) == "ランサ");
  CHECK(utf8::prefix("ab", 10) == "ab");
}
