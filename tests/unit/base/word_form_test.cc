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
  // Not between two kanji: kana stay as they are.
  CHECK(normalise_word("ケース") != normalise_word("ガース"));
  CHECK(fold_kana("ながさき") == "ながさき");  // が between kana is no connector
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
