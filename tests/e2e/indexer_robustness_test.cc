// What a hostile or careless user can feed the indexer (issue 21): input that would crash
// it, runs that must not publish an empty index, files that change or vanish, and
// notices that must not be lost or merged away.
#include <doctest/doctest.h>

#include <sys/stat.h>

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

TEST_CASE("robustness: a --rebuild that finds nothing (a typo) leaves the current index current, and says so") {
  const std::string dir = temp_dir("typo-rebuild");
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR}).exit_code == 0);
  const std::string stub = read_file(db + "/XAPIANDB");
  for (int attempt = 0; attempt < 3; ++attempt) {  // the good generation is never cleaned away
    const auto r = run("kaiji-indexer", {"--db", db, "--rebuild", dir + "/corpsu"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no notice found in any input; the index " + db + " was left as it was (28 notices)") !=
          std::string::npos);
  }
  CHECK(read_file(db + "/XAPIANDB") == stub);
  CHECK(in_index(db) == 28);
}

TEST_CASE("robustness: a first run that finds nothing publishes no index") {
  const std::string dir = temp_dir("empty-first-run");
  write_file(dir + "/empty.txt", "");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/empty.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no notice found in any input; nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/db/XAPIANDB"));
  CHECK(run("kaiji-searcher", {"--db", dir + "/db", "漏えい"}).exit_code != 0);
}

TEST_CASE("robustness: an emptied file or one with a NUL byte is skipped and its notices stay, with a warning") {
  const std::string dir = temp_dir("skipped-keeps");
  fs::copy(KAIJI_CORPUS_DIR, dir + "/corpus");
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, dir + "/corpus"}).exit_code == 0);
  const std::string emptied = dir + "/corpus/001_d7048f176aaf01b0.txt";
  write_file(emptied, "");
  std::string binary = read_file(dir + "/corpus/004_61c9923e7d8c2772.txt");
  binary[100] = '\0';
  write_file(dir + "/corpus/004_61c9923e7d8c2772.txt", binary);
  const auto r = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("001_d7048f176aaf01b0.txt: its 1 notice(s) from earlier runs stay in the index") != std::string::npos);
  CHECK(r.err.find("004_61c9923e7d8c2772.txt: its 19 notice(s) from earlier runs stay") != std::string::npos);
  CHECK(r.out.find("notices removed:   0\n") != std::string::npos);
  CHECK(in_index(db) == 28);
  // Deleted, and pruned, its notice goes.
  fs::remove(emptied);
  CHECK(run("kaiji-indexer", {"--db", db, "--prune", dir + "/corpus"}).out.find("notices pruned:    1\n") !=
        std::string::npos);
  CHECK(in_index(db) == 27);
}

TEST_CASE("robustness: JSONL records with different ids are different notices, even with the same body") {
  const std::string dir = temp_dir("explicit-ids");
  write_file(dir + "/records.jsonl",
             "{\"id\":\"east-1\",\"org\":\"東商事\",\"title\":\"お知らせ\",\"body\":\"メールの誤送信がありました。\"}\n"
             "{\"id\":\"west-1\",\"org\":\"西商事\",\"title\":\"お知らせ\",\"body\":\"メールの誤送信がありました。\"}\n");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/records.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("duplicates merged: 0\n") != std::string::npos);
  CHECK(in_index(dir + "/db") == 2);
  for (const std::string id : {"east-1", "west-1"}) {
    const auto shown = run("kaiji-searcher", {"--db", dir + "/db", "--json", "--show", id});
    INFO(id << ": " << shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(nlohmann::json::parse(shown.out).at("id") == id);
  }
}

TEST_CASE("robustness: FIFOs and devices are refused with a warning, at top level and inside folders") {
  const std::string dir = temp_dir("not-regular");
  fs::create_directories(dir + "/in");
  fs::copy_file(std::string(KAIJI_CORPUS_DIR) + "/001_d7048f176aaf01b0.txt", dir + "/in/good.txt");
  REQUIRE(mkfifo((dir + "/in/pipe").c_str(), 0600) == 0);
  REQUIRE(mkfifo((dir + "/top-pipe").c_str(), 0600) == 0);
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/top-pipe", "/dev/zero", dir + "/in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("top-pipe: not a regular file (a FIFO), skipped") != std::string::npos);
  CHECK(r.err.find("in/pipe: not a regular file (a FIFO), skipped") != std::string::npos);
  CHECK(r.err.find("/dev/zero: not a regular file (a character device), skipped") != std::string::npos);
  CHECK(r.out.find("files skipped:     3\n") != std::string::npos);
  CHECK(in_index(dir + "/db") == 1);
}

TEST_CASE("robustness: --max-file-size cuts a larger input with a warning; the notices before the cut are indexed") {
  const std::string dir = temp_dir("max-file-size");
  const std::string dump = std::string(KAIJI_CORPUS_DIR) + "/004_61c9923e7d8c2772.txt";
  const auto whole = run("kaiji-indexer", {"--db", dir + "/whole", dump});
  REQUIRE(whole.exit_code == 0);
  const auto cut = run("kaiji-indexer", {"--db", dir + "/cut", "--max-file-size", "20K", dump});
  INFO(cut.err);
  CHECK(cut.exit_code == 1);
  CHECK(cut.err.find("larger than --max-file-size (20480 bytes): only the first 20480 bytes were read") !=
        std::string::npos);
  CHECK(in_index(dir + "/cut") > 0);
  CHECK(in_index(dir + "/cut") < in_index(dir + "/whole"));
  const auto bad = run("kaiji-indexer", {"--db", dir + "/bad", "--max-file-size", "lots", dump});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--max-file-size must be a positive size") != std::string::npos);
}
