// The benchmark runner, end to end on a small corpus: what it reports, not how fast.
#include <doctest/doctest.h>

#include <string>

#include "cli.h"

using namespace kaiji::e2e;

namespace {
// The line of `out` that starts with `start`, or "" when there is none.
std::string line_starting(const std::string& out, const std::string& start) {
  const std::size_t at = out.find("\n" + start);
  if (at == std::string::npos) return out.starts_with(start) ? out.substr(0, out.find('\n')) : "";
  return out.substr(at + 1, out.find('\n', at + 1) - at - 1);
}
}  // namespace

TEST_CASE("bench: run --repeat indexes in rounds and reports each round beside the median") {
  const std::string work = temp_dir("bench-repeat");
  const auto r = run("kaiji-bench", {"run", "--count", "150", "--corpus", KAIJI_CORPUS_DIR, "--repeat", "3",
                                     "--rounds", "1", "--work", work});
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(line_starting(r.out, "mecab:").find("(median of 3: ") != std::string::npos);
  const std::string indexing = line_starting(r.out, "indexing:");
  CHECK(indexing.find(" s CPU), ") != std::string::npos);
  CHECK(indexing.find("x bare MeCab (median of 3: ") != std::string::npos);
  CHECK(line_starting(r.out, "index:").find(" MB on disk") != std::string::npos);
  CHECK(line_starting(r.out, "query + facets, in-process").find(" p99 ") != std::string::npos);
  // Groonga is optional on a developer's machine; when it ran, so did its rounds.
  if (r.out.find("groonga:   indexing") != std::string::npos) {
    CHECK(line_starting(r.out, "groonga:   indexing").find("(median of 3: ") != std::string::npos);
    CHECK(line_starting(r.out, "  indexing time").find("(median of 3: ") != std::string::npos);
    CHECK_FALSE(line_starting(r.out, "  indexing CPU time").empty());
  }
}

TEST_CASE("bench: run refuses a repeat count below one") {
  const auto r = run("kaiji-bench", {"run", "--count", "10", "--repeat", "0", "--no-groonga"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("--repeat") != std::string::npos);
}

TEST_CASE("bench: load answers every request of both servers while the indexer commits") {
  const std::string work = temp_dir("bench-load");
  const auto r = run("kaiji-bench", {"load", "--count", "300", "--corpus", KAIJI_CORPUS_DIR, "--clients", "2",
                                     "--requests", "50", "--seconds", "10", "--work", work});
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  const std::string kaiji = line_starting(r.out, "kaiji:     ");
  CHECK(kaiji.find(" requests/s, p50 ") != std::string::npos);
  CHECK(kaiji.find(" ms, 0 failed; server exit 0") != std::string::npos);
  // The commit ran while the server was loaded, and the server serves what it published.
  const std::string commit = line_starting(r.out, "commit:");
  CHECK(commit.find("exit 0, from ") != std::string::npos);
  CHECK(commit.find("served before: no, after: yes") != std::string::npos);
  if (r.out.find("groonga:   skipped") == std::string::npos) {
    CHECK(line_starting(r.out, "groonga:   50 requests").find("0 failed; server exit 0") != std::string::npos);
    CHECK(line_starting(r.out, "ratio (kaiji / groonga): requests/s ").find(", p99 ") != std::string::npos);
  }
}

TEST_CASE("bench: load --reuse refuses a working directory without the indexes") {
  const std::string work = temp_dir("bench-load-empty");
  const auto r = run("kaiji-bench", {"load", "--work", work, "--reuse", "--no-groonga"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("--reuse: ") != std::string::npos);
  CHECK(r.err.find("is missing") != std::string::npos);
}
