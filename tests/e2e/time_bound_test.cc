// The time bound of a search: marked when a search runs past it, and pathological
// queries (a word repeated up to the query size limit) finish within it on 20k notices.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

std::string repeated(const std::string& word, std::size_t times) {
  std::string out;
  for (std::size_t k = 0; k < times; ++k) out += (k ? " " : "") + word;
  return out;
}

}  // namespace

TEST_CASE("time bound: a search that runs past --time-limit says so in JSON and text, by default none does") {
  CHECK(search_json({"--facets", "漏えい"}).at("time_limited") == false);
  const auto cut = search_json({"--facets", "--time-limit", "0.000001", "漏えい"});
  CHECK(cut.at("time_limited") == true);
  CHECK(cut.at("results").size() == 10);  // the page itself is still ranked
  const CommandResult text = run("kaiji-searcher", {"--db", corpus_index(), "--time-limit", "0.000001", "漏えい"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("The search ran past its time bound (--time-limit)") != std::string::npos);
  for (const std::string bad : {"-1", "soon"}) {
    const CommandResult refused = run("kaiji-searcher", {"--db", corpus_index(), "--time-limit", bad, "漏えい"});
    INFO(bad);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--time-limit") != std::string::npos);
  }
}

TEST_CASE("time bound: pathological queries finish within the bound on a 20k-notice index, answering as the word alone") {
  const std::string db = synthetic_index("time-bound-20k", 20000);
  constexpr double kBound = 2.0;
  struct Case {
    std::string words;     // repeated
    std::size_t times;
    bool facets;
    std::string distinct;  // the same query, each word once
  };
  // 漏えい ×999 is 9,989 bytes, just under the 10,000-byte limit.
  for (const Case& c : {Case{"漏えい", 999, false, "漏えい"}, Case{"個人情報", 100, true, "個人情報"},
                        Case{"漏洩 漏えい 漏えい", 300, true, "漏洩 漏えい"}}) {
    std::vector<std::string> args = {"--db", db, "--json", "--time-limit", std::to_string(kBound)};
    if (c.facets) args.push_back("--facets");
    const auto start = std::chrono::steady_clock::now();
    args.push_back(repeated(c.words, c.times));
    const CommandResult r = run("kaiji-searcher", args);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(c.words << " ×" << c.times << ": " << seconds << " s; " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(seconds < kBound + 3.0);  // the bound, plus starting the process and opening the index
    const auto response = nlohmann::json::parse(r.out);
    args.back() = c.distinct;
    const auto alone = nlohmann::json::parse(run("kaiji-searcher", args).out);
    CHECK(response.at("total") == alone.at("total"));
    CHECK(response.at("results").at(0).at("id") == alone.at("results").at(0).at("id"));
    CHECK(response.at("results").at(0).at("score") == alone.at("results").at(0).at("score"));  // matched once
  }
}
