#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "analysis/analyzer.h"
#include "base/term_table.h"

using namespace kaiji;

TEST_CASE("tables: comments and blank lines are skipped, words are tab-separated") {
  const std::string path = "term_table_test.tsv";
  {
    std::ofstream out(path);
    out << "# a comment\n\n漏えい\t漏洩\tろうえい\nサーバ\tサーバー\n";
  }
  const auto lines = read_table_file(path);
  std::remove(path.c_str());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].line_number == 3);
  CHECK(lines[0].words == std::vector<std::string>{"漏えい", "漏洩", "ろうえい"});

  const VariantTable variants(lines, normalise_word);
  CHECK(variants.fold("漏洩") == "漏えい");
  CHECK(variants.fold("漏えい") == "漏えい");
  CHECK(variants.fold("無関係") == "無関係");
}

TEST_CASE("tables: synonyms are one-directional") {
  const std::vector<TableLine> lines = {{1, {"パソコン", "PC", "端末"}}};
  const SynonymTable synonyms(lines, normalise_word);
  CHECK(synonyms.lookup("パソコン") == std::vector<std::string>{"pc", "端末"});
  CHECK(synonyms.lookup("pc").empty());
}

TEST_CASE("tables: a missing file is an error naming it") {
  CHECK_THROWS_WITH_AS(read_table_file("/nonexistent/variants.tsv"), doctest::Contains("/nonexistent/variants.tsv"),
                       std::runtime_error);
}
