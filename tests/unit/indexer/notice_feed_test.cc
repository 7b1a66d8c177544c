#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "analysis_pipeline.h"
#include "notice_feed.h"

using namespace kaiji;
namespace fs = std::filesystem;

namespace {

const std::string kPost1 = "【セキュリティ事件簿#2025-801】一番商事株式会社 メール誤送信 2025/1/5\n一番商事で誤送信がありました。\n";
const std::string kPost2 = "【セキュリティ事件簿#2025-802】二番商事株式会社 書類紛失 2025/1/6\n二番商事で書類を紛失しました。\n";
const std::string kPost3 = "【セキュリティ事件簿#2025-803】三番商事株式会社 不正アクセス 2025/1/7\n三番商事が攻撃を受けました。\n";

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The titles the second pass pushes for a file changed to `now` after the scan read
// `then` (nothing kept in the scan's cache, so the file is read again).
std::vector<std::string> fed_after_change(const std::string& then, const std::string& now, IndexingReport& report,
                                          Scan& scan) {
  // One file per process: CTest runs the test cases of this binary side by side.
  const std::string path =
      (fs::temp_directory_path() / ("kaiji-notice-feed-test-" + std::to_string(getpid()) + ".txt")).string();
  write(path, then);
  scan = scan_inputs({path}, 0, 0, 1, {});
  write(path, now);
  WritePlan plan;
  plan.to_write.assign(scan.group_sizes.size(), true);
  std::vector<std::string> titles;
  AnalysisPipeline pipeline(
      1, 4, [](AnalysisJob&, std::size_t) { return Xapian::Document(); },
      [&](const AnalysisJob& job, Xapian::Document&&) { titles.push_back(job.notice.org); });
  feed_notices(scan, plan, pipeline, report);
  pipeline.finish();
  fs::remove(path);
  return titles;
}

}  // namespace

TEST_CASE("notice feed: a dump appended to between the passes is indexed as first read, and says so") {
  IndexingReport report;
  Scan scan;
  const auto fed = fed_after_change(kPost1 + kPost2, kPost1 + kPost2 + kPost3, report, scan);
  CHECK(fed == std::vector<std::string>{"一番商事株式会社", "二番商事株式会社"});
  CHECK(scan.files.at(0).changed);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message.find("changed while being indexed: its 2 notice(s) as first read were indexed") == 0);
}

TEST_CASE("notice feed: of a file edited between the passes, the notices that still read the same are indexed") {
  IndexingReport report;
  Scan scan;
  std::string edited = kPost1 + kPost2;
  edited.replace(edited.find("書類を紛失"), std::string("書類を紛失").size(), "USBメモリを紛失");
  const auto fed = fed_after_change(kPost1 + kPost2, edited, report, scan);
  CHECK(fed == std::vector<std::string>{"一番商事株式会社"});
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message.find("1 of its 2 notice(s) as first read were indexed") != std::string::npos);
}

TEST_CASE("notice feed: an unchanged file read again is pushed whole, without a warning") {
  IndexingReport report;
  Scan scan;
  const auto fed = fed_after_change(kPost1 + kPost2, kPost1 + kPost2, report, scan);
  CHECK(fed.size() == 2);
  CHECK_FALSE(scan.files.at(0).changed);
  CHECK(report.problems.empty());
}
