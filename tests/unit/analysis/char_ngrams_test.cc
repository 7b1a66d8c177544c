#include <doctest/doctest.h>

#include "analysis/char_ngrams.h"

using namespace kaiji;

namespace {
std::vector<std::string> grams(std::string_view text) {
  std::vector<std::string> out;
  for (const CharGram& g : char_bigrams(text)) out.push_back(g.gram);
  return out;
}
}  // namespace

TEST_CASE("ngrams: bigrams of a name, normalised") {
  CHECK(grams("倉業サービス") == std::vector<std::string>{"倉業", "業サ", "サー", "ービ", "ビス"});
  CHECK(grams("ＰｒｏＣＸ") == std::vector<std::string>{"pr", "ro", "oc", "cx"});
}

TEST_CASE("ngrams: punctuation separates runs and leaves a position gap") {
  const auto g = char_bigrams("東京都 都立");
  REQUIRE(g.size() == 3);
  CHECK(g[1].gram == "京都");
  CHECK(g[2].gram == "都立");
  CHECK(g[2].position > g[1].position + 1);
}

TEST_CASE("ngrams: a one-character run is kept as it is") { CHECK(grams("市") == std::vector<std::string>{"市"}); }
