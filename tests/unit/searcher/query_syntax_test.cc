#include <doctest/doctest.h>

#include "query_syntax.h"

using namespace kaiji;
using Kind = QueryNode::Kind;

TEST_CASE("query syntax: words are ANDed, OR binds looser") {
  const QueryNode q = parse_query("ランサムウェア 委託先 OR 再委託");
  REQUIRE(q.kind == Kind::Or);
  REQUIRE(q.children.size() == 2);
  CHECK(q.children[0].kind == Kind::And);
  CHECK(q.children[1].text == "再委託");
}

TEST_CASE("query syntax: phrases, negation, parentheses, fields, and full-width spaces separate") {
  const QueryNode q = parse_query("\"個人情報 漏えい\"\u3000-訓練 (title:懲戒 OR NOT org:市)");
  REQUIRE(q.kind == Kind::And);
  REQUIRE(q.children.size() == 3);
  CHECK(q.children[0].kind == Kind::Phrase);
  CHECK(q.children[1].kind == Kind::Not);
  CHECK(q.children[1].children[0].text == "訓練");
  CHECK(q.children[2].kind == Kind::Or);
  CHECK(q.children[2].children[0].field == "title");
  CHECK(q.children[2].children[1].kind == Kind::Not);
}

TEST_CASE("query syntax: errors say what and where") {
  auto column_of = [](const std::string& query) {
    try {
      parse_query(query);
    } catch (const QuerySyntaxError& e) {
      return e.column();
    }
    return std::size_t{0};
  };
  CHECK(column_of("漏えい \"未完") == 5);
  CHECK(column_of("(漏えい") == 1);
  CHECK(column_of("漏えい OR") == 5);
  CHECK(column_of("OR 漏えい") == 1);
  CHECK(column_of("漏えい )") == 5);
  CHECK(column_of("foo:bar") == 1);
  CHECK_THROWS_WITH_AS(parse_query("foo:bar"), doctest::Contains("valid fields"), QuerySyntaxError);
}

TEST_CASE("query syntax: an empty query is an empty AND") {
  const QueryNode q = parse_query("   ");
  CHECK(q.kind == Kind::And);
  CHECK(q.children.empty());
}

TEST_CASE("query syntax: deep nesting is refused with a message, not a crash (found by fuzz_query_parser)") {
  CHECK(parse_query(std::string(32, '(') + "漏えい" + std::string(32, ')')).kind == QueryNode::Kind::Word);
  const std::string deep = std::string(5000, '(') + "a";
  CHECK_THROWS_WITH_AS(parse_query(deep), doctest::Contains("nested too deeply"), QuerySyntaxError);
}
