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

TEST_CASE("snippet: from stored line starts and match positions, the same passage as from the whole body") {
  std::string body;
  for (int k = 0; k < 30; ++k) body += "関係のない文章が続きます。\n";
  body += "ここでランサムウェアに感染し、個人情報が漏えいしました。\n";
  for (int k = 0; k < 30; ++k) body += "その後の対応を記します。\n";
  const auto sequences = query({"ランサムウェア", "漏えい"});
  const std::vector<Token> tokens = analyzer().analyze(body);
  const std::vector<BodyLine> lines = body_lines(body, tokens, 300);
  // Where the index holds the query's words: what a searcher reads from Xapian.
  std::vector<PositionedTerm> matches;
  for (const Token& t : tokens) {
    if (t.term == sequences[0][0]) matches.push_back({300 + t.position, 0});
    if (t.term == sequences[1][0]) matches.push_back({300 + t.position, 1});
  }
  REQUIRE(matches.size() == 2);
  const Snippet whole = make_snippet(body, sequences, analyzer());
  const Snippet from_lines = make_snippet(body, sequences, analyzer(), lines, matches);
  CHECK(mark_snippet(from_lines) == mark_snippet(whole));
  CHECK(mark_snippet(from_lines).find("[ランサムウェア]") != std::string::npos);
  CHECK(mark_snippet(from_lines).find("[漏えい]") != std::string::npos);
  // No match in the body (the words were in the title): the start of the body.
  CHECK(make_snippet(body, sequences, analyzer(), lines, {{5, 0}}).text.starts_with("関係のない"));
}

TEST_CASE("snippet: a long line is analysed alone when no passage from it can reach the next line") {
  // The match opens a line far longer than a passage; the next line also has the word.
  std::string body = "ランサムウェアの被害について。";
  for (int k = 0; k < 40; ++k) body += "詳細を調査しております。";
  body += "\nランサムウェアの再発を防ぎます。\n";
  const auto sequences = query({"ランサムウェア"});
  const std::vector<Token> tokens = analyzer().analyze(body);
  const std::vector<BodyLine> lines = body_lines(body, tokens, 0);
  std::vector<PositionedTerm> matches;
  for (const Token& t : tokens) {
    if (t.term == sequences[0][0]) matches.push_back({t.position, 0});
  }
  REQUIRE(matches.size() == 2);
  const Snippet from_lines = make_snippet(body, sequences, analyzer(), lines, matches);
  CHECK(mark_snippet(from_lines) == mark_snippet(make_snippet(body, sequences, analyzer())));
  CHECK(mark_snippet(from_lines).starts_with("[ランサムウェア]の被害"));
}
