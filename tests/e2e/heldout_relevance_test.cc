// Relevance on notices and queries kaiji was never tuned on: nDCG@10 of the judged queries
// of each held-out half (written blind, with the notices). A no-answer query scores 1
// when nothing is returned and 0 otherwise. Run alone for the per-query table:
//   build/tests/kaiji_e2e_tests -tc='held-out relevance*'
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "heldout.h"

using namespace kaiji::e2e;

namespace {

constexpr std::size_t kCutoff = 10;

// Issue 18's target for the test half, never tuned on (0.607 when the set was added, 0.676
// once filters and extraction held, 0.902 with kana folding, loanwords and paraphrases,
// prefixes, questions, absent words and did-you-mean).
constexpr double kTestFloor = 0.90;

double dcg(const std::vector<int>& grades) {
  double sum = 0;
  for (std::size_t i = 0; i < grades.size() && i < kCutoff; ++i) {
    sum += (std::pow(2.0, grades[i]) - 1.0) / std::log2(static_cast<double>(i) + 2.0);
  }
  return sum;
}

double ndcg(const HeldOutHalf& half, const nlohmann::json& q) {
  const nlohmann::json& relevant = q.at("relevant");
  const nlohmann::json response = search_half(half, {"--limit", std::to_string(kCutoff), q.at("query").get<std::string>()});
  if (relevant.empty()) return response.at("results").empty() ? 1.0 : 0.0;
  std::vector<int> grades;
  for (const auto& hit : response.at("results")) {
    const std::string label = label_of(half, hit.at("id"));
    grades.push_back(relevant.contains(label) ? relevant.at(label).get<int>() : 0);
  }
  std::vector<int> ideal;
  for (const auto& [id, g] : relevant.items()) ideal.push_back(g.get<int>());
  std::sort(ideal.rbegin(), ideal.rend());
  return dcg(grades) / dcg(ideal);
}

// Mean nDCG@10 over the half's queries, with the per-query table (test queries by number).
double mean_ndcg(const std::string& name) {
  const HeldOutHalf& half = held_out(name);
  std::map<std::string, std::pair<double, std::size_t>> by_kind;
  double total = 0;
  std::size_t count = 0;
  for (const auto& q : half.queries.at("queries")) {
    const double score = ndcg(half, q);
    // The test half's queries are numbered, not shown: reading them would be tuning on them.
    if (name == "dev") {
      std::printf("%.3f  %-12s %s\n", score, q.value("kind", "").c_str(), q.at("query").get<std::string>().c_str());
    } else {
      std::printf("%.3f  %-12s #%zu\n", score, q.value("kind", "").c_str(), count + 1);
    }
    auto& [sum, n] = by_kind[q.value("kind", "")];
    sum += score;
    ++n;
    total += score;
    ++count;
  }
  const double mean = count == 0 ? 0 : total / static_cast<double>(count);
  std::printf("held-out %s: nDCG@10 %.3f over %zu queries;", name.c_str(), mean, count);
  for (const auto& [kind, sn] : by_kind) std::printf(" %s %.2f", kind.c_str(), sn.first / static_cast<double>(sn.second));
  std::printf("\n");
  return mean;
}

}  // namespace

TEST_CASE("held-out relevance: the dev half is scored (figures only)") { CHECK(mean_ndcg("dev") > 0); }

TEST_CASE("held-out relevance: the test half, never tuned on, has nDCG@10 of at least 0.90") {
  CHECK(mean_ndcg("test") >= kTestFloor);
}
