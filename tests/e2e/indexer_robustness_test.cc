// What a hostile or careless user can feed the indexer (issue 21): input that would crash
// it, runs that must not publish an empty index, files that change or vanish, and
// notices that must not be lost or merged away.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

nlohmann::json search(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--db", db, "--json"};
  full.insert(full.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", full);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::size_t in_index(const std::string& db) { return search(db, {"--limit", "0"}).at("total").get<std::size_t>(); }

std::string repeated(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("robustness: 100,000 nested HTML elements are indexed with a warning naming the file, no crash") {
  const std::string dir = temp_dir("nested-html");
  write_file(dir + "/deep.html", "<!DOCTYPE html><html><head><title>入れ子のお知らせ</title></head><body>" +
                                     repeated("<span>", 100000) + "不正アクセスにより顧客情報が流出しました。" +
                                     repeated("</span>", 100000) + "</body></html>");
  write_file(dir + "/good.html", "<html><head><title>紛失のお知らせ</title></head><body><p>USBメモリを紛失しました。</p></body></html>");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/deep.html", dir + "/good.html"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("deep.html: HTML nested more than 256 elements deep") != std::string::npos);
  CHECK(search(dir + "/db", {"顧客情報"}).at("total") == 1);
  CHECK(in_index(dir + "/db") == 2);
}
