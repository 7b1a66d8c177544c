#include <doctest/doctest.h>

#include <algorithm>

#include "index/negated_inclusion.h"
#include "test_analyzer.h"

using namespace kaiji;

namespace {

// The indexable terms of text once negated inclusions are unindexed.
std::vector<std::string> indexed(const std::string& text) {
  std::vector<Token> tokens = testing::analyzer().analyze(text);
  unindex_negated_inclusions(text, tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (t.indexable) out.push_back(t.term);  // compounds and their parts
  }
  return out;
}

// Whether terms hold word, folded as the analysis folds it (クレジットカード → クレジトカード).
bool has(const std::vector<std::string>& terms, const std::string& word) {
  return std::find(terms.begin(), terms.end(), testing::analyzer().fold_word(word)) != terms.end();
}

}  // namespace

TEST_CASE("negated inclusion: data a notice says was not included is not indexed") {
  const auto terms = indexed("氏名、住所が漏えいしました。なお、クレジットカード情報は含まれておりません。");
  CHECK(has(terms, "氏名"));
  CHECK(has(terms, "住所"));
  CHECK_FALSE(has(terms, "クレジットカード"));
  CHECK_FALSE(has(indexed("通知書には個人番号は記載されておりません。"), "番号"));
  CHECK_FALSE(has(indexed("口座番号を含まず、氏名のみです。"), "口座"));
  CHECK_FALSE(has(indexed("当社はマイナンバーを保有していない。"), "マイナンバー"));
}

TEST_CASE("negated inclusion: the clause ends where a positive one does") {
  const auto terms = indexed("氏名と住所が含まれており、クレジットカード情報は含まれておりません。");
  CHECK(has(terms, "氏名"));
  CHECK(has(terms, "住所"));
  CHECK_FALSE(has(terms, "クレジットカード"));
  // Each line is a clause of its own.
  const auto lines = indexed("漏えいした情報：氏名、電話番号\nマイナンバーは含まれていません");
  CHECK(has(lines, "電話"));
  CHECK_FALSE(has(lines, "マイナンバー"));
}

TEST_CASE("negated inclusion: what is included, or another negation, stays indexed") {
  CHECK(has(indexed("クレジットカード情報が含まれております。"), "クレジットカード"));
  CHECK(has(indexed("不正アクセスの痕跡は確認されておりません。"), "痕跡"));
  CHECK(has(indexed("情報は含まれています。ただし住所はありません。"), "情報"));
}

TEST_CASE("negated inclusion: the clause starts at the nearest boundary, however long the notice") {
  std::string text;
  for (int k = 0; k < 200; ++k) text += "氏名、住所が漏えいしました。";
  text += "なお、クレジットカード情報は含まれておりません。電話番号が流出しました。";
  const auto terms = indexed(text);
  CHECK(has(terms, "氏名"));
  CHECK(has(terms, "電話"));
  CHECK_FALSE(has(terms, "クレジットカード"));
}
