#include <doctest/doctest.h>

#include "question_words.h"
#include "test_analyzer.h"

using namespace kaiji;
using Kind = QueryNode::Kind;

namespace {

std::vector<std::string> words_of(const std::string& query) {
  return read_question(parse_query(query), testing::analyzer()).words;
}

}  // namespace

TEST_CASE("question words: a sentence is cut into its content words, asking words dropped") {
  const QuestionReading r = read_question(parse_query("印刷会社がランサムウェアに感染して委託元の顧客情報が漏れた事例は?"),
                                          testing::analyzer());
  CHECK(r.question);
  CHECK(r.words == std::vector<std::string>{"印刷会社", "ランサムウェア", "感染", "委託元", "顧客情報", "漏れる"});
  REQUIRE(r.tree.kind == Kind::And);
  CHECK(r.tree.children.size() == 6);
}

TEST_CASE("question words: a request with 教えてください and ケース") {
  const std::vector<std::string> w = words_of("委託先が原因で個人情報が漏えいしたケースを教えてください");
  CHECK(w == std::vector<std::string>{"委託先", "原因", "個人情報", "漏えい"});
}

TEST_CASE("question words: a question about one thing is that thing") {
  CHECK(words_of("サポート詐欺の事例") == std::vector<std::string>{"サポート詐欺"});
  CHECK(words_of("ランサムウェアの事例は?") == std::vector<std::string>{"ランサムウェア"});
  // A verb cut short by its ending is shown, and searched, as its dictionary form.
  CHECK(words_of("USBメモリを盗まれた事例は？") == std::vector<std::string>{"USBメモリ", "盗む"});
}

TEST_CASE("question words: ordinary queries are searched as typed") {
  for (const char* query : {"ランサムウェア", "個人情報の漏えい", "不正アクセス 委託先", "\"事例\"", "title:事例",
                            "スマホ ケース 紛失"}) {
    const QuestionReading r = read_question(parse_query(query), testing::analyzer());
    CHECK_MESSAGE(!r.question, query);
    CHECK_MESSAGE(r.words.empty(), query);
  }
}

TEST_CASE("question words: a long query drops its asking words, never all of them") {
  CHECK(words_of("病院 ランサムウェア 事例") == std::vector<std::string>{"病院", "ランサムウェア"});
  CHECK(read_question(parse_query("事例 一覧 実例"), testing::analyzer()).words.empty());
}

TEST_CASE("question words: filters and exclusions beside a sentence stay") {
  const QuestionReading r =
      read_question(parse_query("病院でランサムウェアの被害にあった事例はありますか sector:healthcare -訓練"),
                    testing::analyzer());
  CHECK(r.question);
  REQUIRE(r.tree.kind == Kind::And);
  bool has_filter = false;
  bool has_not = false;
  for (const QueryNode& n : r.tree.children) {
    has_filter = has_filter || (n.kind == Kind::Field && n.field == "sector");
    has_not = has_not || n.kind == Kind::Not;
  }
  CHECK(has_filter);
  CHECK(has_not);
  CHECK(r.words == std::vector<std::string>{"病院", "ランサムウェア", "被害"});
}
