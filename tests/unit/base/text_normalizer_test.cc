#include <doctest/doctest.h>

#include "base/text_normalizer.h"

using namespace kaiji;

TEST_CASE("normaliser: NFKC folds width") {
  CHECK(normalize("ｻｰﾊﾞｰ") == "サーバー");
  CHECK(normalize("ＵＳＢメモリ") == "USBメモリ");
  CHECK(normalize("３５０人") == "350人");
  CHECK(normalize("令和６年\u3000１月") == "令和6年 1月");
}

TEST_CASE("normaliser: offsets lead back to the original text") {
  const std::string source = "お知らせ：ｻｰﾊﾞｰが停止";
  const NormalizedText n = normalize_with_offsets(source);
  const std::size_t at = n.text().find("サーバー");
  REQUIRE(at != std::string::npos);
  const std::size_t begin = n.source_begin(at);
  const std::size_t end = n.source_end(at + std::string("サーバー").size());
  CHECK(source.substr(begin, end - begin) == "ｻｰﾊﾞｰ");
}

TEST_CASE("normaliser: invalid UTF-8 does not stop it") {
  const NormalizedText n = normalize_with_offsets(std::string("Ａ\xffＢ"));
  CHECK(n.text() == "A\uFFFDB");
  CHECK(n.source_end(n.text().size()) == 7);
}

TEST_CASE("normaliser: case folding") {
  CHECK(fold_case("EMOTET Ｖｐｎ") == "emotet Ｖｐｎ");  // fold_case alone leaves full width to NFKC
  CHECK(fold_case(normalize("Ｖｐｎ")) == "vpn");
  CHECK(fold_case("ΑΒΓ Привет ＡＢ 漏えい\xFF\xE6\xBC") == "αβγ привет ＡＢ 漏えい\xFF\xE6\xBC");  // damaged bytes kept as they are
}

TEST_CASE("normaliser: offsets inside long runs of untouched text are exact, and a combining mark joins only its base") {
  // 「漏えい」 sits inside a run NFKC leaves alone, after full-width digits it changes.
  const std::string source = "２０２４年に情報が漏えいした。か\u3099ら";
  const NormalizedText n = normalize_with_offsets(source);
  CHECK(n.text() == "2024年に情報が漏えいした。がら");
  const std::size_t at = n.text().find("漏えい");
  CHECK(source.substr(n.source_begin(at), n.source_end(at + std::string("漏えい").size()) - n.source_begin(at)) ==
        "漏えい");
  const std::size_t ga = n.text().rfind("が");
  CHECK(source.substr(n.source_begin(ga), n.source_end(ga + 3) - n.source_begin(ga)) == "か\u3099");
  CHECK(normalize(source) == n.text());
}

TEST_CASE("normaliser: characters met again normalise as the first time, with or without offsets") {
  // か, Ａ and ０ are not inert (a combining mark could follow); each is remembered after
  // its first segment. ｶﾞ and か+゛ compose, so they stay whole segments.
  const std::string source = "かＡ０①ｶﾞか\u3099 かＡ０①ｶﾞか\u3099 ㍿";
  const NormalizedText normalized = normalize_with_offsets(source);
  CHECK(normalized.text() == "かA01ガが かA01ガが 株式会社");
  CHECK(normalized.text() == normalize(source));
}

TEST_CASE("normaliser: a cursor maps offsets asked in any order as a fresh lookup does") {
  // Many segments: each か, Ａ and ｶﾞ is one, between inert runs.
  std::string source;
  for (int k = 0; k < 40; ++k) source += "漢字かＡ続くｶﾞ。";
  const NormalizedText normalized = normalize_with_offsets(source);
  const std::size_t size = normalized.text().size();
  NormalizedText::Cursor forward(normalized);
  for (std::size_t out = 0; out <= size; ++out) {
    CHECK(forward.source_begin(out) == normalized.source_begin(out));
    CHECK(forward.source_end(out) == normalized.source_end(out));
  }
  NormalizedText::Cursor jumping(normalized);
  for (std::size_t out : {size - 1, std::size_t{0}, size / 2, std::size_t{3}, size - 7, size / 3}) {
    CHECK(jumping.source_begin(out) == normalized.source_begin(out));
  }
  // The last ｶﾞ maps back to its two source code points.
  const std::size_t ga = normalized.text().rfind("ガ");
  CHECK(source.substr(normalized.source_begin(ga), normalized.source_end(ga + 3) - normalized.source_begin(ga)) == "ｶﾞ");
}
