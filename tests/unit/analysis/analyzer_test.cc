#include <doctest/doctest.h>

#include <filesystem>

#include "base/term_table.h"
#include "test_analyzer.h"

using namespace kaiji;
using kaiji::testing::analyzer;
using kaiji::testing::words;

TEST_CASE("analyzer: verbs are indexed by base form, particles and auxiliaries are not indexed") {
  CHECK(words("漏えいした") == std::vector<std::string>{"漏えい"});
  CHECK(words("漏えいしました") == std::vector<std::string>{"漏えい"});
  CHECK(words("設定の誤り") == std::vector<std::string>{"設定", "誤り"});
}

TEST_CASE("analyzer: stop words keep their position so phrases stay exact") {
  const auto tokens = analyzer().analyze("設定の誤り");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].position == 0);
  CHECK_FALSE(tokens[1].indexable);
  CHECK(tokens[2].position == 2);
}

TEST_CASE("analyzer: width, case and long-vowel spellings give the same terms") {
  CHECK(words("ｻｰﾊﾞｰ") == words("サーバ"));
  CHECK(words("サーバー") == words("サーバ"));
  CHECK(words("ＵＳＢメモリ") == words("usbメモリー"));
  CHECK(words("USBメモリー") == words("usbメモリ"));
  CHECK(words("EMOTET") == words("emotet"));
}

TEST_CASE("analyzer: the long-vowel rule needs four katakana") {
  CHECK(strip_long_vowel("サーバー") == "サーバ");
  CHECK(strip_long_vowel("usbメモリー") == "usbメモリ");
  CHECK(strip_long_vowel("コピー") == "コピー");
  CHECK(strip_long_vowel("データ") == "データ");
}

TEST_CASE("analyzer: user dictionary keeps field vocabulary whole and adds its parts") {
  const auto tokens = analyzer().analyze("不正アクセスを受けた");
  REQUIRE(tokens.size() >= 3);
  CHECK(tokens[0].term == "不正アクセス");
  CHECK(tokens[1].is_part);
  CHECK(tokens[1].term == "不正");
  CHECK(tokens[2].term == "アクセス");
  CHECK(tokens[2].position == 1);
  CHECK(words("誤送信") == std::vector<std::string>{"誤送信"});
  CHECK(words("元従業員") == std::vector<std::string>{"元従業員"});
}

TEST_CASE("analyzer: token offsets point into the original text") {
  const std::string text = "ＵＳＢメモリを紛失";
  for (const Token& t : analyzer().analyze(text)) {
    CHECK(t.end <= text.size());
    CHECK(t.begin < t.end);
  }
  const auto tokens = analyzer().analyze(text);
  CHECK(text.substr(tokens.front().begin, tokens.front().end - tokens.front().begin).starts_with("ＵＳＢ"));
}

TEST_CASE("analyzer: every spelling in dict/variants.tsv folds to its group's first spelling") {
  const auto lines = read_table_file(
      (std::filesystem::path(default_analysis_options().data_dir) / "variants.tsv").string());
  REQUIRE(lines.size() >= 10);
  for (const TableLine& line : lines) {
    const std::vector<std::string> canonical = words(line.words.front());
    for (const std::string& spelling : line.words) {
      INFO("variants.tsv line " << line.line_number << ": " << spelling);
      CHECK(words(spelling) == canonical);
    }
  }
}

TEST_CASE("analyzer: a 2 MB line is analysed in chunks without losing text") {
  std::string line;
  for (int k = 0; k < 50000; ++k) line += "個人情報が漏えいした。";
  const auto tokens = analyzer().analyze(line);
  CHECK(tokens.size() > 100000);
  CHECK(tokens.back().end <= line.size());
}

TEST_CASE("analyzer: a missing dictionary is a clear error") {
  AnalysisOptions options = default_analysis_options();
  options.dicdir = "/nonexistent/dic";
  CHECK_THROWS_WITH_AS(Analyzer{options}, doctest::Contains("/nonexistent/dic"), std::runtime_error);
}
