#include <doctest/doctest.h>

#include "base/word_form.h"

using namespace kaiji;

TEST_CASE("word form: small and large kana of a loanword are one spelling") {
  CHECK(normalise_word("ウェルシア") == normalise_word("ウエルシア"));
  CHECK(normalise_word("パーティ") == normalise_word("パーテイ"));
  CHECK(normalise_word("キャノン") == normalise_word("キヤノン"));
  CHECK(normalise_word("ヴァイオリン") == normalise_word("バイオリン"));
  CHECK(normalise_word("ヴェルディ") == normalise_word("ベルデイ"));
}

TEST_CASE("word form: ッ is optional in long loanwords only") {
  CHECK(normalise_word("エモテット") == normalise_word("エモテト"));
  CHECK(normalise_word("ネットワーク") == normalise_word("ネトワーク"));
  CHECK(normalise_word("バッグ") != normalise_word("バグ"));  // a bag is no bug
  CHECK(normalise_word("ベッド") != normalise_word("ベド"));
}

TEST_CASE("word form: the connector of a place name or counter between kanji") {
  CHECK(normalise_word("霞が関") == normalise_word("霞ヶ関"));
  CHECK(normalise_word("霞ケ関") == normalise_word("霞ヶ関"));
  CHECK(normalise_word("一ヵ所") == normalise_word("一カ所"));
  CHECK(normalise_word("一ヶ所") == normalise_word("一カ所"));
  CHECK(normalise_word("一か所") == normalise_word("一カ所"));
  // MeCab cuts 一 | ヶ所 and 3 | カ月: the counter word alone folds too.
  CHECK(normalise_word("ヶ所") == normalise_word("カ所"));
  CHECK(normalise_word("か月") == normalise_word("ヵ月"));
  CHECK(normalise_word("3ヶ月") == normalise_word("3か月"));
  // Not between two kanji: kana stay as they are.
  CHECK(normalise_word("ケース") != normalise_word("ガース"));
  CHECK(fold_kana("ながさき") == "ながさき");  // が between kana is no connector
}

TEST_CASE("word form: the one-for-one folds keep every kana, so bigrams and prefixes line up") {
  CHECK(fold_kana_letters("ネットワンシステムズ") == "ネットワンシステムズ");
  CHECK(fold_kana_letters("ウェルシア").size() == std::string("ウェルシア").size());
  CHECK(drop_loanword_tsu("ネットワーク") == "ネトワーク");
  CHECK(drop_loanword_tsu("バッグ") == "バッグ");
}

TEST_CASE("word form: text without foldable kana is returned as it is") {
  CHECK(fold_kana("個人情報") == "個人情報");
  CHECK(fold_kana("ransomware") == "ransomware");
  CHECK(fold_kana("") == "");
}

TEST_CASE("word form: the long-vowel rule still applies after kana folding") {
  CHECK(normalise_word("サーバー") == "サーバ");
  CHECK(normalise_word("ウェブサーバー") == normalise_word("ウエブサーバ"));
}
