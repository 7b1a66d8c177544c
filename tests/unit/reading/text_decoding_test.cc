#include <doctest/doctest.h>

#include "reading/text_decoding.h"

using namespace kaiji;

namespace {
// 「漏えいのお知らせ」 in each encoding, produced with iconv.
const std::string kUtf8 = "漏えいのお知らせ";
const std::string kShiftJis = "\x98\x52\x82\xa6\x82\xa2\x82\xcc\x82\xa8\x92\x6d\x82\xe7\x82\xb9";
const std::string kEucJp = "\xcf\xb3\xa4\xa8\xa4\xa4\xa4\xce\xa4\xaa\xc3\xce\xa4\xe9\xa4\xbb";
}  // namespace

TEST_CASE("decoding: each encoding is recognised and converted") {
  CHECK(detect_encoding(kUtf8) == "UTF-8");
  CHECK(detect_encoding(kShiftJis) == "CP932");
  CHECK(detect_encoding(kEucJp) == "EUC-JP");
  CHECK(decode_to_utf8(kShiftJis).utf8 == kUtf8);
  CHECK(decode_to_utf8(kEucJp).utf8 == kUtf8);
  CHECK(decode_to_utf8("\xEF\xBB\xBF" + kUtf8).utf8 == kUtf8);  // the BOM is dropped

  std::string utf16le = "\xFF\xFE";
  for (const char16_t c : std::u16string(u"漏えい")) {
    utf16le += static_cast<char>(c & 0xff);
    utf16le += static_cast<char>(c >> 8);
  }
  const DecodedText u16 = decode_to_utf8(utf16le);
  CHECK(u16.encoding == "UTF-16LE");
  CHECK(u16.utf8 == "漏えい");
}

TEST_CASE("decoding: CP932's extra characters (circled digits, NEC specials) are converted, not lost") {
  // ① (0x8740) and ㈱ (0x878A) exist in CP932 but not in plain Shift_JIS.
  const DecodedText d = decode_to_utf8("\x87\x40\x87\x8a\x82\xa0");
  CHECK(d.encoding == "CP932");
  CHECK(d.utf8 == "①㈱あ");
  CHECK_FALSE(d.first_bad_byte);
}

TEST_CASE("decoding: a few bad bytes in UTF-8 are replaced, the place reported, the rest kept") {
  const DecodedText d = decode_to_utf8("一行目です。\n二行目\xff\xfeも読めます。");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.utf8 == "一行目です。\n二行目\xEF\xBF\xBD\xEF\xBF\xBDも読めます。");
  REQUIRE(d.first_bad_byte);
  CHECK(*d.first_bad_byte == 28);
  CHECK(d.first_bad_line == 2);
}

TEST_CASE("decoding: binary data is recognised, not decoded into garbage") {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const DecodedText d = decode_to_utf8(png);
  CHECK(d.binary);
  CHECK(d.utf8.empty());
  CHECK_FALSE(decode_to_utf8("普通の文章です。\f改ページ").binary);
}

TEST_CASE("decoding: UTF-16 without a BOM is told by its NUL bytes and decoded, not called binary") {
  const std::u16string text = u"【セキュリティ事件簿#2025-1】テスト株式会社 お知らせ\n本文です。\n";
  std::string le, be;
  for (const char16_t c : text) {
    le += static_cast<char>(c & 0xff);
    le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xff);
  }
  const DecodedText from_le = decode_to_utf8(le);
  CHECK_FALSE(from_le.binary);
  CHECK(from_le.encoding == "UTF-16LE");
  CHECK(from_le.without_bom);
  CHECK(from_le.utf8 == "【セキュリティ事件簿#2025-1】テスト株式会社 お知らせ\n本文です。\n");
  const DecodedText from_be = decode_to_utf8(be);
  CHECK(from_be.encoding == "UTF-16BE");
  CHECK(from_be.utf8 == from_le.utf8);
  CHECK(decode_to_utf8(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16)).binary);
}

TEST_CASE("decoding: lines ending in a lone CR end in LF; CRLF is left alone") {
  CHECK(decode_to_utf8("一行目\r二行目\r\n三行目\r").utf8 == "一行目\n二行目\r\n三行目\n");
}
