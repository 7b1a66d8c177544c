// A notice with a huge body (issue 21: a phrase query on a 50 MB body took 5 s and 980 MB):
// only its first part is indexed with word positions, with a warning naming the file.
#include <doctest/doctest.h>

#include <string>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

std::size_t total(const std::string& db, const std::string& query) {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out).at("total").get<std::size_t>();
}

}  // namespace

TEST_CASE("long body: words past the first MB are indexed without positions, with a warning naming the file") {
  const std::string dir = temp_dir("long-body");
  std::string text = "大量の本文のお知らせ\n顧客情報の漏えいが判明しました。\n";
  while (text.size() < (3u << 20)) text += "サーバの調査と委託先への確認を続けております。\n";
  text += "末尾にだけ現れる暗号資産取引所の記載です。\n";
  write_file(dir + "/long.txt", text);
  write_file(dir + "/short.txt", "紛失のお知らせ\nUSBメモリを紛失しました。\n");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("long.txt: notice n-") != std::string::npos);
  CHECK(r.err.find("has a body of 3 MB: only its first 1 MB is indexed with word positions") != std::string::npos);
  CHECK(r.err.find("short.txt") == std::string::npos);
  const std::string db = dir + "/db";
  CHECK(total(db, "\"顧客情報の漏えい\"") == 1);  // a phrase in the first MB
  CHECK(total(db, "末尾") == 1);                  // a word past it is found as a word
  CHECK(total(db, "\"取引所の記載\"") == 0);       // a phrase past it is not: no positions there
  CHECK(total(db, "\"USBメモリを紛失\"") == 1);
  // Showing the long notice's snippet for a phrase that matches on every line works too.
  const auto shown = run("kaiji-searcher", {"--db", db, "\"委託先への確認\""});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("[委託先への確認]") != std::string::npos);
}
