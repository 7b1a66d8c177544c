#include <doctest/doctest.h>

#include <unicode/uchar.h>
#include <xxhash.h>

#include "reading/dedupe.h"
#include "reading/notice_id.h"
#include "base/text_normalizer.h"
#include "base/utf8.h"

using namespace kaiji;

namespace {
Notice make(std::string incident, std::string org, std::string body, std::string label, std::string source) {
  Notice n;
  n.incident = std::move(incident);
  n.org = std::move(org);
  n.title = "タイトル";
  n.body = std::move(body);
  n.labels = {std::move(label)};
  n.sources = {std::move(source)};
  n.id = make_notice_id(n);
  return n;
}

// The fingerprint as defined: XXH3 of the letters and digits of the NFKC, case-folded
// text, joined. Notice ids are built from it, so its faster form must agree exactly.
std::uint64_t defined_fingerprint(std::string_view text) {
  const std::string folded = fold_case(normalize(text));
  std::string kept;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    if (u_isalnum(static_cast<UChar32>(utf8::decode(folded, i)))) kept.append(folded, start, i - start);
  }
  return XXH3_64bits(kept.data(), kept.size());
}
}  // namespace

TEST_CASE("dedupe: the fingerprint is the hash of the text's letters and digits, ids stay the same") {
  const std::string mixed =
      "【重要】弊社サーバーへの不正アクセスについて（第２報）\n　令和６年４月１日\t㈱サンプル ＡＢＣ-123\n"
      "・氏名、住所、電話番号（約1,234件）😀 ※ﾊﾝｶｸｶﾅ〜ゝゞヽヾ々〆ー・\xC2\xA0Ω\xE2\x85\xA0";
  for (const std::string& text : {std::string(), std::string("。、・"), std::string("a"), mixed, mixed + mixed + mixed}) {
    CHECK(content_fingerprint(text) == defined_fingerprint(text));
  }
  std::string every_bmp;  // every assigned and unassigned BMP code point but the surrogates
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c < 0xD800 || c > 0xDFFF) utf8::append(every_bmp, c);
  }
  CHECK(content_fingerprint(every_bmp) == defined_fingerprint(every_bmp));
  Notice n;
  n.title = "不正アクセスに関するお知らせ";
  n.body = "当社サーバーが不正アクセスを受けました。";
  CHECK(make_notice_id(n) == "n-e5a5e05a61a5");  // as every earlier version made it
}

TEST_CASE("dedupe: layout differences do not make a different notice") {
  CHECK(content_fingerprint("① 対策\n  • 認証強化を図る") == content_fingerprint("① 対策 - 認証強化を図る"));
  CHECK(content_fingerprint("ＶＰＮ を使用しない") == content_fingerprint("VPNを使用しない"));
  CHECK(content_fingerprint("漏えいした") != content_fingerprint("漏えいしていない"));
}

TEST_CASE("dedupe: copies merge, keeping the richest metadata and all labels and sources") {
  std::vector<Notice> in;
  in.push_back(make("", "", "本文 です。\n二行目", "", "a.txt:1"));
  in.push_back(make("2024-217", "株式会社東海信金ビジネス", "本文です。二行目", "最終報告", "b.txt:9"));
  in.push_back(make("2024-217", "株式会社東海信金ビジネス", "本文です。 二行目", "内部犯行", "c.txt:3"));
  in.push_back(make("2024-218", "別の会社", "別の本文", "最終報告", "b.txt:40"));
  const DedupeResult r = merge_duplicates(std::move(in));
  CHECK(r.merged == 2);
  REQUIRE(r.notices.size() == 2);
  const Notice& merged = r.notices[0];
  CHECK(merged.incident == "2024-217");
  CHECK(merged.org == "株式会社東海信金ビジネス");
  CHECK(merged.sources.size() == 3);
  CHECK(merged.labels.size() == 3);  // "", 最終報告, 内部犯行
  CHECK(merged.id.starts_with("2024-217-"));
}

TEST_CASE("dedupe: ids are stable and do not depend on reading order") {
  const Notice a = make("2024-001", "A社", "本文", "", "x:1");
  CHECK(make_notice_id(a) == make_notice_id(a));
  CHECK(make_notice_id(a).starts_with("2024-001-"));
  Notice headerless;
  headerless.body = "本文";
  CHECK(make_notice_id(headerless).starts_with("n-"));
}

TEST_CASE("dedupe: groups link copies by content or by id, transitively, numbered by first appearance") {
  const std::vector<DuplicateKey> keys = {
      {"a", 1}, {"b", 2}, {"c", 1},  // c has a's content
      {"b", 3},                      // b's id, other content
      {"d", 3},                      // the content of the second b: joins b's group
      {"e", 0}, {"f", 0},            // empty bodies match by id only
  };
  CHECK(duplicate_groups(keys) == std::vector<std::size_t>{0, 1, 0, 1, 1, 2, 3});
}

TEST_CASE("dedupe: merging a group gives the same notice as merging the whole list") {
  std::vector<Notice> copies;
  copies.push_back(make("", "", "本文 です。\n二行目", "ラベル1", "a.txt:1"));
  copies.push_back(make("2024-1", "株式会社テスト", "本文です。 二行目", "ラベル2", "b.txt:5"));
  const Notice merged = merge_copies(copies);
  const DedupeResult all = merge_duplicates(copies);
  REQUIRE(all.notices.size() == 1);
  CHECK(merged.id == all.notices[0].id);
  CHECK(merged.sources == all.notices[0].sources);
  CHECK(merged.incident == "2024-1");
}

TEST_CASE("dedupe: an id given by the input survives merging") {
  Notice given = make("", "", "同じ本文です。", "", "feed.jsonl:1");
  given.id = "feed-42";
  given.id_from_source = true;
  const Notice other = make("2024-9", "株式会社テスト", "同じ本文です。", "", "dump.txt:3");
  CHECK(merge_copies({other, given}).id == "feed-42");
}

TEST_CASE("dedupe: ids given by the input are primary keys: different ids stay apart, whatever their text") {
  const auto given = [](std::string id, std::string body) {
    Notice n;
    n.body = std::move(body);
    n.id = std::move(id);
    n.id_from_source = true;
    return n;
  };
  Notice plain;
  plain.body = "同じ本文です。";
  plain.id = make_notice_id(plain);
  const std::vector<DuplicateKey> keys = {duplicate_key(given("a-1", "同じ本文です。")),
                                          duplicate_key(given("b-2", "同じ本文です。")), duplicate_key(plain),
                                          duplicate_key(given("b-2", "別の本文です。"))};
  CHECK(duplicate_groups(keys) == std::vector<std::size_t>{0, 1, 0, 1});
  const DedupeResult merged = merge_duplicates({given("a-1", "同じ本文です。"), given("b-2", "同じ本文です。")});
  REQUIRE(merged.notices.size() == 2);
  CHECK(merged.notices[1].id == "b-2");
}
