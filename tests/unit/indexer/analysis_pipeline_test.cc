#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "analysis_pipeline.h"

using namespace kaiji;

namespace {
AnalysisJob job(int n) {
  AnalysisJob j;
  j.notice.id = std::to_string(n);
  return j;
}
}  // namespace

TEST_CASE("pipeline: documents are written in the order notices were pushed, however the workers race") {
  std::vector<std::string> written;
  std::atomic<std::size_t> most_in_flight{0};
  std::atomic<std::size_t> in_flight{0};
  {
    AnalysisPipeline pipeline(
        3, 8,
        [&](AnalysisJob& j, std::size_t) {
          most_in_flight = std::max(most_in_flight.load(), ++in_flight);
          thread_local std::mt19937 random(std::hash<std::thread::id>()(std::this_thread::get_id()));
          std::this_thread::sleep_for(std::chrono::microseconds(random() % 300));
          Xapian::Document doc;
          doc.set_data(j.notice.id);
          return doc;
        },
        [&](const AnalysisJob& j, Xapian::Document&& doc) {
          --in_flight;
          CHECK(doc.get_data() == j.notice.id);
          written.push_back(j.notice.id);
        });
    for (int n = 0; n < 200; ++n) pipeline.push(job(n));
    pipeline.finish();
  }
  REQUIRE(written.size() == 200);
  for (int n = 0; n < 200; ++n) CHECK(written[static_cast<std::size_t>(n)] == std::to_string(n));
  CHECK(most_in_flight <= 8);
}

TEST_CASE("pipeline: a worker's error stops the run and reaches the caller") {
  std::size_t written = 0;
  AnalysisPipeline pipeline(
      2, 4,
      [](AnalysisJob& j, std::size_t) -> Xapian::Document {
        if (j.notice.id == "13") throw std::runtime_error("dictionary vanished");
        return {};
      },
      [&](const AnalysisJob&, Xapian::Document&&) { ++written; });
  const auto push_all = [&] {
    for (int n = 0; n < 100; ++n) pipeline.push(job(n));
    pipeline.finish();
  };
  CHECK_THROWS_WITH_AS(push_all(), "dictionary vanished", std::runtime_error);
  CHECK(written <= 13);
}
