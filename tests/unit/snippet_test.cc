#include <doctest/doctest.h>

#include "snippet.h"
#include "test_analyzer.h"

using namespace kaiji;
using kaiji::testing::analyzer;

namespace {
std::vector<std::vector<std::string>> query(std::initializer_list<std::string_view> words) {
  std::vector<std::vector<std::string>> out;
  for (std::string_view w : words) out.push_back(kaiji::testing::words(w));
  return out;
}
}  // namespace

TEST_CASE("snippet: a variant in the query highlights the spelling the notice used") {
  const std::string body = "前置きの文章です。\nお客様の個人情報が漏えいしたことが確認されました。";
  const Snippet s = make_snippet(body, query({"漏洩"}), analyzer());
  CHECK(mark_snippet(s).find("[漏えい]") != std::string::npos);
}

TEST_CASE("snippet: a phrase is highlighted as one piece") {
  const std::string body = "クレジットカード情報が漏えいした可能性があります。";
  const Snippet s = make_snippet(body, query({"クレジットカード情報"}), analyzer());
  CHECK(mark_snippet(s).find("[クレジットカード情報]") != std::string::npos);
  REQUIRE(s.highlights.size() == 1);
  CHECK(s.highlights[0].second - s.highlights[0].first == 10);
}

TEST_CASE("snippet: the passage is bounded and starts near the match") {
  std::string body;
  for (int k = 0; k < 50; ++k) body += "関係のない文章が続きます。";
  body += "ここでランサムウェアに感染しました。";
  const Snippet s = make_snippet(body, query({"ランサムウェア"}), analyzer(), 60);
  CHECK(s.leading_ellipsis);
  CHECK(s.text.find("ランサムウェア") != std::string::npos);
}

TEST_CASE("snippet: no match shows the start of the body") {
  const Snippet s = make_snippet("本文の最初の行です。", query({"存在しない語"}), analyzer());
  CHECK(s.text == "本文の最初の行です。");
  CHECK(s.highlights.empty());
}
