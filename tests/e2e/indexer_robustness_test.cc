// What a hostile or careless user can feed the indexer (issue 21): input that would crash
// it, runs that must not publish an empty index, files that change or vanish, and
// notices that must not be lost or merged away.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <xapian.h>

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
  CHECK(r.err.find("004_61c9923e7d8c2772.txt: its 20 notice(s) from earlier runs stay") != std::string::npos);
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

namespace {

// The notice ids of an index, sorted.
std::vector<std::string> ids_of(const std::string& db) {
  std::vector<std::string> ids;
  const Xapian::Database index(db);
  for (auto it = index.allterms_begin("Q"); it != index.allterms_end("Q"); ++it) ids.push_back(*it);
  return ids;
}

// Notices committed so far in the parts of the generation being written.
std::size_t committed_in_parts(const std::string& db) {
  std::size_t count = 0;
  std::error_code ec;
  for (const auto& gen : fs::directory_iterator(db, ec)) {
    for (const auto& part : fs::directory_iterator(gen.path() / "parts", ec)) {
      try {
        count += Xapian::Database(part.path().string()).get_doccount();
      } catch (const Xapian::Error&) {  // being created
      }
    }
  }
  return count;
}

}  // namespace

TEST_CASE("robustness: a first build killed after some commits resumes: only the rest is written, same ids as a clean build") {
  const std::string dir = temp_dir("resume");
  REQUIRE(run("kaiji-bench", {"generate", "--count", "3000", "--corpus", KAIJI_CORPUS_DIR, "--out", dir + "/corpus"})
              .exit_code == 0);
  const std::string db = dir + "/db";
  for (int kill = 0; kill < 2; ++kill) {  // killed twice: the second run resumes the first's parts
    BackgroundCommand indexer("kaiji-indexer", {"--db", db, "--threads", "2", dir + "/corpus"});
    const std::size_t wanted = 600 * (kill + 1);
    while (indexer.running() && committed_in_parts(db) < wanted) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(indexer.running());
    indexer.kill9();
    indexer.wait();
  }
  CHECK_FALSE(fs::exists(db + "/XAPIANDB"));  // nothing published yet
  const auto rerun = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  const std::size_t at = rerun.out.find("of which resumed: ");
  REQUIRE(at != std::string::npos);
  CHECK(std::stoul(rerun.out.substr(at + 18)) >= 1200);

  REQUIRE(run("kaiji-indexer", {"--db", dir + "/clean", dir + "/corpus"}).exit_code == 0);
  CHECK(ids_of(db) == ids_of(dir + "/clean"));
  CHECK(in_index(db) == in_index(dir + "/clean"));
}

TEST_CASE("robustness: a resumed build drops what the interrupted run wrote of notices changed since") {
  const std::string dir = temp_dir("resume-changed");
  REQUIRE(run("kaiji-bench", {"generate", "--count", "2000", "--corpus", KAIJI_CORPUS_DIR, "--out", dir + "/corpus"})
              .exit_code == 0);
  const std::string db = dir + "/db";
  {
    BackgroundCommand indexer("kaiji-indexer", {"--db", db, "--threads", "2", dir + "/corpus"});
    while (indexer.running() && committed_in_parts(db) < 500) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(indexer.running());
    indexer.kill9();
    indexer.wait();
  }
  // Every notice changes: nothing the killed run wrote may survive.
  for (const auto& file : fs::directory_iterator(dir + "/corpus")) {
    std::string text = read_file(file.path().string());
    for (std::size_t at = text.find("。"); at != std::string::npos; at = text.find("。", at + 6)) text.replace(at, 3, "！。");
    write_file(file.path().string(), text);
  }
  const auto rerun = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  CHECK(rerun.out.find("of which resumed") == std::string::npos);
  REQUIRE(run("kaiji-indexer", {"--db", dir + "/clean", dir + "/corpus"}).exit_code == 0);
  CHECK(ids_of(db) == ids_of(dir + "/clean"));
  CHECK(in_index(db) == in_index(dir + "/clean"));
}

TEST_CASE("robustness: a directory kaiji did not make is never written into, even with a Xapian stub in it") {
  const std::string dir = temp_dir("foreign-stub");
  write_file(dir + "/XAPIANDB", "auto ../elsewhere\n");
  write_file(dir + "/notes.txt", "my notes");
  const auto r = run("kaiji-indexer", {"--db", dir, KAIJI_CORPUS_DIR});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("is not a kaiji index (kaiji-indexer did not make it)") != std::string::npos);
  CHECK(read_file(dir + "/XAPIANDB") == "auto ../elsewhere\n");
  CHECK_FALSE(fs::exists(dir + "/kaiji.lock"));
}

TEST_CASE("robustness: --db at a shard of an index says what it is and which --db to give") {
  const std::string dir = temp_dir("shard-path");
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR}).exit_code == 0);
  CHECK(fs::exists(db + "/kaiji-index"));
  const std::string stub = read_file(db + "/XAPIANDB");
  const std::string shard = db + "/" + stub.substr(6, stub.find('\n') - 6);
  const auto r = run("kaiji-indexer", {"--db", shard, KAIJI_CORPUS_DIR});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(shard + " is a shard of the kaiji index " + db + ", not an index directory; give --db " + db) !=
        std::string::npos);
  CHECK(r.err.find("older kaiji") == std::string::npos);
}

TEST_CASE("robustness: an index folder inside its input folder is not read as input") {
  const std::string dir = temp_dir("index-inside-input");
  fs::copy_file(std::string(KAIJI_CORPUS_DIR) + "/001_d7048f176aaf01b0.txt", dir + "/notice.txt");
  for (int run_number = 0; run_number < 2; ++run_number) {
    const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("files read:        1\n") != std::string::npos);
  }
  CHECK(in_index(dir + "/db") == 1);
}

TEST_CASE("robustness: CR-only line ends and UTF-16 without a BOM are read as text") {
  const std::string dir = temp_dir("line-ends");
  write_file(dir + "/mac.txt", "【セキュリティ事件簿#2025-811】旧式株式会社 メール誤送信 2025/2/1\r"
                               "顧客へのメールを誤送信しました。\r");
  std::string utf16;
  for (const char16_t c : std::u16string(u"【セキュリティ事件簿#2025-812】無印株式会社 書類紛失 2025/2/2\n書類を紛失しました。\n")) {
    utf16 += static_cast<char>(c & 0xff);
    utf16 += static_cast<char>(c >> 8);
  }
  write_file(dir + "/utf16.txt", utf16);
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/mac.txt", dir + "/utf16.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json mac = search(dir + "/db", {"誤送信"}).at("results").at(0);
  CHECK(mac.at("org") == "旧式株式会社");
  CHECK(mac.at("title") == "メール誤送信");  // the body's line did not run into the header
  CHECK(search(dir + "/db", {"紛失"}).at("results").at(0).at("org") == "無印株式会社");
}
