// Partial matches over several indexes: the words a hit matches are counted, not read
// from its score, and the order does not depend on the page size.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

// The bundled corpus and 400 synthetic notices, searched as one index.
const std::vector<std::string>& two_indexes() {
  static const std::vector<std::string> dbs = {"--db", corpus_index(), "--db",
                                               synthetic_index("partial-two-indexes", 400)};
  return dbs;
}

nlohmann::json search_both(const std::vector<std::string>& args) {
  std::vector<std::string> full = two_indexes();
  full.push_back("--json");
  full.insert(full.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", full);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> ids(const nlohmann::json& response) {
  std::vector<std::string> out;
  for (const auto& hit : response.at("results")) out.push_back(hit.at("id").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("partial matches over two indexes: a small page is the head of a larger one, word counts are exact") {
  const std::string filter = "affected:>=1000";
  const std::vector<std::string> words = {"メール", "紛失", "盗難"};
  const auto page = [&](const std::string& limit) {
    return search_both({"--limit", limit, filter, words[0], words[1], words[2]});
  };
  const auto small = page("3"), large = page("10");
  REQUIRE(small.at("partial") == true);
  REQUIRE(large.at("results").size() == 10);
  const std::vector<std::string> large_ids = ids(large);
  CHECK(ids(small) == std::vector<std::string>(large_ids.begin(), large_ids.begin() + 3));
  // Xapian 1.4's early termination once showed this notice second with one word at
  // --limit 3, first with two at --limit 10.
  CHECK(ids(small).at(0) == "2024-1387-1b0cefa9");
  CHECK(small.at("results").at(0).at("matched_words") == 2);
  CHECK(small.at("results").at(0).at("score") == large.at("results").at(0).at("score"));

  // Each hit's count is the number of words whose own search (same filter) finds it.
  std::vector<std::set<std::string>> found_by;
  for (const std::string& word : words) {
    const auto alone = search_both({"--limit", "10000", filter, word});
    REQUIRE(alone.at("partial") == false);
    const std::vector<std::string> found = ids(alone);
    found_by.emplace_back(found.begin(), found.end());
  }
  std::size_t previous = words.size();
  for (const auto& hit : large.at("results")) {
    std::size_t expected = 0;
    for (const auto& found : found_by) expected += found.count(hit.at("id").get<std::string>());
    INFO(hit.at("id"));
    CHECK(hit.at("matched_words") == expected);
    CHECK(expected <= previous);  // most words first
    previous = expected;
  }
}
