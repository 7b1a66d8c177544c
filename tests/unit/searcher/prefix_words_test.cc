#include <doctest/doctest.h>

#include "prefix_words.h"

using namespace kaiji;

TEST_CASE("prefix words: an explicit prefix is a word ending in *") {
  CHECK(explicit_prefix("ランサム*") == std::optional<std::string>("ランサム"));
  CHECK(explicit_prefix("ランサム＊") == std::optional<std::string>("ランサム"));
  CHECK(explicit_prefix("ransom*") == std::optional<std::string>("ransom"));
  CHECK_FALSE(explicit_prefix("ランサム"));
  CHECK_FALSE(explicit_prefix("ラ*"));  // one character would match half the index
  CHECK_FALSE(explicit_prefix("*"));
}

TEST_CASE("prefix words: only katakana or Latin words are tried as cut short") {
  CHECK(may_be_cut_short("ランサム"));
  CHECK(may_be_cut_short("ransom"));
  CHECK(may_be_cut_short("サーバー"));
  CHECK_FALSE(may_be_cut_short("ラン"));    // too short to be a useful prefix
  CHECK_FALSE(may_be_cut_short("個人情報"));  // kanji: MeCab cuts it anyway
  CHECK_FALSE(may_be_cut_short("ec-cube"));
  CHECK_FALSE(may_be_cut_short("usbメモリ"));
}

TEST_CASE("prefix words: the expansion keeps the most frequent terms of the field") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int k = 0; k < 40; ++k) {
    Xapian::Document doc;
    doc.add_term("ランサム" + std::to_string(k));
    if (k < 3) doc.add_term("ランサムウェア");
    doc.add_term("XOランサム社");  // another field's term
    db.add_document(doc);
  }
  const std::vector<std::string> terms = expand_prefix(db, "", "ランサム");
  REQUIRE(terms.size() == kMaxPrefixExpansion);
  CHECK(terms.front() == "ランサムウェア");  // in three notices, the others in one
  for (const std::string& t : terms) CHECK(t.rfind("ランサム", 0) == 0);
  CHECK(expand_prefix(db, "XO", "ランサム") == std::vector<std::string>{"ランサム社"});
  CHECK(expand_prefix(db, "", "ウイルス").empty());
}
