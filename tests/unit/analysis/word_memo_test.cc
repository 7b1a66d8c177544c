#include <doctest/doctest.h>

#include <string>

#include "analysis/word_memo.h"
#include "test_analyzer.h"

using namespace kaiji;

namespace {

// A fold that says how often it ran.
struct CountingFold {
  int* calls;
  FoldedWord operator()(std::string_view w) const {
    ++*calls;
    return {std::string(w), "term:" + std::string(w)};
  }
};

}  // namespace

TEST_CASE("word memo: a word seen again is not folded again, and keeps its own answer") {
  int calls = 0;
  WordMemo memo(16);
  CHECK(memo.get("漏えい", CountingFold{&calls}).term == "term:漏えい");
  CHECK(memo.get("漏えい", CountingFold{&calls}).term == "term:漏えい");
  CHECK(calls == 1);
  CHECK(memo.get("", CountingFold{&calls}).term == "term:");  // the empty word is a word
  CHECK(memo.get("", CountingFold{&calls}).cased.empty());
  CHECK(calls == 2);
}

TEST_CASE("word memo: words sharing a slot evict each other but never get each other's answer") {
  int calls = 0;
  WordMemo memo(1);  // one slot: every word collides
  for (const char* word : {"氏名", "住所", "氏名", "住所"}) {
    CHECK(memo.get(word, CountingFold{&calls}).term == std::string("term:") + word);
  }
  CHECK(calls == 4);
}

TEST_CASE("word memo: the analyser's terms are the same on a second pass over a text") {
  const std::string text = "クレジットカード情報が漏洩した可能性があります。ＰＣを紛失しました。";
  const std::vector<Token> first = testing::analyzer().analyze(text);
  const std::vector<Token> second = testing::analyzer().analyze(text);
  REQUIRE(first.size() == second.size());
  for (std::size_t k = 0; k < first.size(); ++k) {
    CHECK(first[k].term == second[k].term);
    CHECK(first[k].surface == second[k].surface);
  }
  CHECK(testing::analyzer().fold_word("漏洩") == testing::analyzer().fold_word("漏えい"));
}
