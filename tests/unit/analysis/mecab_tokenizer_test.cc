#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "analysis/mecab_tokenizer.h"

using namespace kaiji;

namespace {

MecabTokenizer& tokenizer() {
  static MecabTokenizer instance(MecabOptions{default_analysis_options().dicdir, ""});
  return instance;
}

}  // namespace

TEST_CASE("mecab tokenizer: parts of speech are told apart by IPAdic's names") {
  CHECK(part_of_speech("名詞") == PartOfSpeech::noun);
  CHECK(part_of_speech("助動詞") == PartOfSpeech::auxiliary_verb);
  CHECK(part_of_speech("その他") == PartOfSpeech::unclassified);
  CHECK(part_of_speech("接頭詞") == PartOfSpeech::other);
  CHECK(part_of_speech("") == PartOfSpeech::other);
}

TEST_CASE("mecab tokenizer: a morpheme's part of speech and base form match its feature string") {
  const std::vector<Morpheme> m = tokenizer().tokenize("情報が漏えいした");
  REQUIRE(m.size() >= 4);
  CHECK(m[0].surface == "情報");
  CHECK(m[0].tag == PartOfSpeech::noun);
  CHECK(m[1].tag == PartOfSpeech::particle);
  CHECK(m.back().tag == PartOfSpeech::auxiliary_verb);
}

TEST_CASE("mecab tokenizer: the fields of one call stay right after later calls reuse the lattice") {
  // Features are cached by the dictionary entry MeCab points at; a word met again, and a
  // word met first, must both read their own entry.
  const std::vector<Morpheme> first = tokenizer().tokenize("パスワードを変更しました");
  const std::string first_pos(first.at(0).pos), first_base(first.at(2).base);
  const std::vector<Morpheme> second = tokenizer().tokenize("氏名と住所を確認した。パスワードを変更しました");
  CHECK(first.at(0).pos == first_pos);
  CHECK(first.at(2).base == first_base);
  CHECK(first_base == "変更");
  CHECK(second.at(0).surface == "氏名");
  CHECK(second.at(0).tag == PartOfSpeech::noun);
  const std::vector<Morpheme> third = tokenizer().tokenize("変更した");
  CHECK(third.at(0).base == "変更");
  CHECK(third.at(1).base == "する");
  CHECK(third.at(1).tag == PartOfSpeech::verb);
}
