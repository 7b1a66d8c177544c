#include <doctest/doctest.h>

#include "analysis/near_compounds.h"
#include "test_analyzer.h"
#include "analysis/word_paths.h"

using namespace kaiji;
using kaiji::testing::analyzer;

namespace {
using List = std::vector<std::uint32_t>;
bool near(const List& a, const List& b, std::uint32_t window) { return near_each_other({&a, &b}, window); }
bool ordered(const List& a, const List& b, std::uint32_t window) { return count_in_order({&a, &b}, window, 0, 1) > 0; }
}  // namespace

TEST_CASE("near compounds: NEAR is any order within the window, a phrase is in order") {
  CHECK(near({10}, {12}, 3));
  CHECK(near({12}, {10}, 3));  // either order
  CHECK_FALSE(near({10}, {13}, 3));
  CHECK(near({1, 50, 90}, {30, 92}, 3));  // some pair is close enough
  CHECK_FALSE(near({}, {1}, 10));
  const List a = {5}, b = {7}, c = {6};
  CHECK(near_each_other({&a, &b, &c}, 3));
  CHECK_FALSE(near_each_other({&a, &b, &c}, 2));

  CHECK(ordered({10}, {11}, 2));
  CHECK_FALSE(ordered({11}, {10}, 2));  // wrong order
  CHECK_FALSE(ordered({10}, {12}, 2));  // a word between
  CHECK(ordered({3, 10}, {11, 40}, 2));
}

TEST_CASE("near compounds: the user dictionary's compounds, analysed as queries are") {
  const NearCompounds& compounds = analyzer().near_compounds();
  REQUIRE(compounds.size() > 10);
  const NearCompound* c = compounds.find({analyzer().fold_word("不正アクセス")}, {"不正", "アクセス"});
  REQUIRE(c != nullptr);
  CHECK(c->term == analyzer().fold_word("不正アクセス"));  // one analysed word
  CHECK(c->leaves == std::vector<std::string>{"不正", "アクセス"});
  CHECK(c->window == 2 + kNearSlack);
  CHECK(compounds.is_leaf("アクセス"));
  CHECK(compounds.find({"漏えい"}, {"漏えい"}) == nullptr);  // a word, not a compound
  CHECK(compounds.fingerprint().size() == 16);
  CHECK(NearCompounds().fingerprint() == "none");

  // How often c was found: 0 when not at all.
  const auto count_of = [c](const std::vector<NearCompounds::Found>& found) {
    const auto it = std::find_if(found.begin(), found.end(), [c](const NearCompounds::Found& f) { return f.compound == c; });
    return it == found.end() ? 0u : it->count;
  };
  // 「不正なアクセス」: near, not the phrase. 「不正アクセス」: both.
  WordPositions apart = {{"不正", {20}}, {"アクセス", {22}}};
  auto present = compounds.present(apart);
  CHECK(count_of(present.near) == 1);
  CHECK(count_of(present.in_order) == 0);
  WordPositions together = {{"不正", {20}}, {"アクセス", {21}}};
  present = compounds.present(together);
  CHECK(count_of(present.in_order) == 1);
  WordPositions far = {{"不正", {20}}, {"アクセス", {60}}};
  CHECK(compounds.present(far).near.empty());

  // Counted where they occur. In the body: together (120), near but not in order (200),
  // too far apart (300). In the title (before position 100 here) an occurrence counts
  // as a title word does.
  WordPositions often = {{"不正", {5, 120, 200, 300}}, {"アクセス", {6, 121, 202, 500}}};
  present = compounds.present(often, 100, 3);
  CHECK(count_of(present.near) == 3 + 2);
  CHECK(count_of(present.in_order) == 3 + 1);
}

TEST_CASE("near compounds: the synonym table's phrases are checked too") {
  // A synonym the query expands 不正アクセス禁止法 into: MeCab makes several words of it,
  // analysed as the query analyses it.
  const WordPaths paths = split_paths(analyzer().analyze(analyzer().fold_word("不正アクセス行為の禁止等に関する法律")));
  REQUIRE(paths.main.size() >= 2);
  const NearCompound* phrase = analyzer().near_compounds().find(paths.main, paths.leaves);
  REQUIRE(phrase != nullptr);
  CHECK(phrase->term.find(' ') != std::string::npos);  // several words, joined by spaces
  CHECK(phrase->leaves == paths.leaves);
}
