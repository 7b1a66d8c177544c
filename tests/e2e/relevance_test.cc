// Relevance evaluation: nDCG@10 over the judged analyst queries of
// tests/data/queries.json (copied from the product side's eval set). Run it alone with
//   build/tests/kaiji_e2e_tests -tc='relevance*' -s
// to see the per-query table.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

constexpr std::size_t kCutoff = 10;

// Grade of a result: the best judgement whose string its org or title contains.
int grade_of(const nlohmann::json& hit, const nlohmann::json& relevant) {
  int grade = 0;
  const std::string org = hit.at("org");
  const std::string title = hit.at("title");
  for (const auto& [needle, g] : relevant.items()) {
    if (org.find(needle) != std::string::npos || title.find(needle) != std::string::npos) {
      grade = std::max(grade, g.get<int>());
    }
  }
  return grade;
}

double dcg(const std::vector<int>& grades) {
  double sum = 0;
  for (std::size_t i = 0; i < grades.size() && i < kCutoff; ++i) {
    sum += (std::pow(2.0, grades[i]) - 1.0) / std::log2(static_cast<double>(i) + 2.0);
  }
  return sum;
}

}  // namespace

TEST_CASE("relevance: mean nDCG@10 on the judged queries is at least 0.97") {
  std::ifstream in(std::string(KAIJI_TEST_DATA_DIR) + "/queries.json");
  const nlohmann::json judged = nlohmann::json::parse(in);
  double total = 0;
  std::size_t count = 0;
  std::cout << "nDCG@10  query\n";
  for (const auto& q : judged.at("queries")) {
    const nlohmann::json response = search_json({"--limit", std::to_string(kCutoff), q.at("query").get<std::string>()});
    std::vector<int> grades;
    for (const auto& hit : response.at("results")) grades.push_back(grade_of(hit, q.at("relevant")));
    std::vector<int> ideal;
    for (const auto& [needle, g] : q.at("relevant").items()) ideal.push_back(g.get<int>());
    std::sort(ideal.rbegin(), ideal.rend());
    const double score = dcg(ideal) > 0 ? dcg(grades) / dcg(ideal) : 0;
    char line[32];
    std::snprintf(line, sizeof line, "%.3f", score);
    std::cout << line << "    " << q.at("query").get<std::string>() << '\n';
    total += score;
    ++count;
  }
  const double mean = total / static_cast<double>(count);
  std::printf("%.3f    mean over %zu queries\n", mean, count);
  CHECK(mean >= 0.97);  // issue 18: recall work must not cost the bundled set its ranking
}
