#include <doctest/doctest.h>

#include "base/utf8.h"

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
  CHECK(utf8::trim("本文\u3000\u00a0\ufeff \n") == "本文");
  CHECK(utf8::trim("   ").empty());
  CHECK(utf8::trim("\u3000").empty());
  CHECK(utf8::trim("本 文") == "本 文");
  // Damaged bytes are not spaces, whichever end they are at.
  CHECK(utf8::trim(std::string("\xe3本文 \xe3")) == "\xe3本文 \xe3");
}

TEST_CASE("utf8: every malformed sequence decodes to U+FFFD one byte at a time") {
  // Overlong, surrogate, truncated, stray continuation, lead byte followed by a lead byte.
  for (const std::string bad : {"\xe0\x80\xaf", "\xed\xa0\x80", "\xe3\x81", "\x80", "\xe3\xe3\x81\x82"}) {
    std::size_t i = 0;
    CHECK(utf8::decode(bad, i) == utf8::kReplacement);
    CHECK(i == 1);
  }
  std::size_t i = 1;
  CHECK(utf8::decode("\xe3\xe3\x81\x82", i) == U'\u3042');  // あ after the stray lead byte
  CHECK(i == 4);
}

TEST_CASE("utf8: prefix counts code points") {
  CHECK(utf8::prefix("ランサムウェア", 3) == "ランサ");
  CHECK(utf8::prefix("ab", 10) == "ab");
}

TEST_CASE("utf8: the text before the first of several stops, and its code points") {
  CHECK(utf8::before_any("氏名が漏えいし、住所も。", {"。", "、"}) == "氏名が漏えいし");
  CHECK(utf8::before_any("氏名", {"。", "\n"}) == "氏名");
  CHECK(utf8::code_points("aヴ") == std::vector<char32_t>{U'a', U'ヴ'});
  CHECK(utf8::code_points("").empty());
}

TEST_CASE("utf8: after_last finds where the nearest stop before a position ends") {
  const std::string text = "氏名、住所。電話番号、メール";
  const std::size_t mail = text.find("メール");
  CHECK(utf8::after_last(text, mail, {"、", "。"}) == mail);                     // the 、 right before
  CHECK(utf8::after_last(text, mail, {"。"}) == text.find("電話"));              // only 。 counts
  CHECK(utf8::after_last(text, text.find("住所"), {"。"}) == 0);                 // none before
  CHECK(utf8::after_last(text, text.size() + 10, {"、"}) == text.find("メール"));  // past the end
  CHECK(utf8::after_last("", 0, {"。"}) == 0);
}

TEST_CASE("utf8: sentence_around is the run between 。 or line breaks that holds a position") {
  const std::string text = "不正アクセスがありました。氏名が流出しました\n以上";
  CHECK(utf8::sentence_around(text, text.find("氏名")) == "氏名が流出しました");
  CHECK(utf8::sentence_around(text, 0) == "不正アクセスがありました");
  CHECK(utf8::sentence_around(text, text.find("以上")) == "以上");
}

TEST_CASE("utf8: length_of_valid counts the code points of valid text as length does") {
  const std::string mixed = "漏えいa😀ｱ、\n個人情報 1,234件Ω";
  for (std::size_t n = 0; n <= mixed.size(); ++n) {
    // Every prefix that ends on a character boundary, so the tail loop and the
    // eight-byte steps both meet every kind of byte.
    const std::string_view prefix = std::string_view(mixed).substr(0, n);
    if (n < mixed.size() && (static_cast<unsigned char>(mixed[n]) & 0xC0) == 0x80) continue;
    CHECK(utf8::length_of_valid(prefix) == utf8::length(prefix));
  }
  CHECK(utf8::length_of_valid("") == 0);
}

TEST_CASE("utf8: valid_prefix stops at the first invalid sequence") {
  CHECK(utf8::valid_prefix("") == 0);
  CHECK(utf8::valid_prefix("abcdefghij漏えい") == std::string("abcdefghij漏えい").size());
  CHECK(utf8::valid_prefix("個人\xFF情報") == std::string("個人").size());
  CHECK(utf8::valid_prefix("\xEF\xBF\xBD ok") == 6);       // a U+FFFD in the text is valid
  CHECK(utf8::valid_prefix("ab\xED\xA0\x80") == 2);        // a surrogate is not
  CHECK(utf8::valid_prefix("ab\xE0\x80\x80") == 2);        // nor an overlong form
  CHECK(utf8::valid_prefix("12345678\xE6\xBC") == 8);      // a truncated character at the end
  CHECK(utf8::sanitize("個人\xFF情報") == "個人\xEF\xBF\xBD情報");
  CHECK(utf8::length("個人\xFF情報") == 5);
}

TEST_CASE("utf8: decode_before reads the code point that ends where another begins") {
  const std::string_view s = "aネットワ";
  CHECK(utf8::decode_before(s, 1) == U'a');
  CHECK(utf8::decode_before(s, 1 + std::string_view("ネ").size()) == U'ネ');
  CHECK(utf8::decode_before(s, s.size()) == U'ワ');
}
