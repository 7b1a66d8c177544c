// The indexer on real and on bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cli.h"

using namespace kaiji::e2e;

TEST_CASE("indexer: the bundled corpus holds 28 distinct notices (30 read, 2 duplicates merged)") {
  const std::string db = temp_dir("count") + "/db";
  const auto r = run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("files read:        5\n") != std::string::npos);
  CHECK(r.out.find("notices read:      30\n") != std::string::npos);
  CHECK(r.out.find("duplicates merged: 2\n") != std::string::npos);
  CHECK(r.out.find("notices indexed:   28\n") != std::string::npos);

  // Indexing the same files again changes nothing: the ids are stable and nothing is
  // rewritten.
  const auto again = run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("notices indexed:   0\n") != std::string::npos);
  CHECK(again.out.find("notices unchanged: 28\n") != std::string::npos);
  CHECK(again.out.find("notices in index:  28\n") != std::string::npos);
}

TEST_CASE("indexer: missing and empty inputs are reported, the rest is indexed, exit code 1") {
  const std::string dir = temp_dir("bad-input");
  std::ofstream(dir + "/empty.txt").close();
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/empty.txt", dir + "/missing.txt",
                                       std::string(KAIJI_CORPUS_DIR) + "/001_d7048f176aaf01b0.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("empty.txt: empty file, skipped") != std::string::npos);
  CHECK(r.err.find("missing.txt: no such file or directory") != std::string::npos);
  CHECK(r.out.find("notices indexed:   1\n") != std::string::npos);
}

TEST_CASE("indexer: invalid UTF-8 inside a notice keeps the good text") {
  const std::string dir = temp_dir("bad-utf8");
  {
    std::ofstream out(dir + "/notice.txt", std::ios::binary);
    out << "【セキュリティ事件簿#2024-900】株式会社テスト 誤送信について 2024/12/1\n"
        << "メールを誤送信しました。\xff\xfe 対象は顧客の氏名です。\n";
  }
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/notice.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("notice.txt:2: invalid UTF-8 at byte 132") != std::string::npos);
  const auto s = run("kaiji-searcher", {"--db", dir + "/db", "--json", "氏名"});
  REQUIRE(s.exit_code == 0);
  CHECK(nlohmann::json::parse(s.out).at("total") == 1);
}

TEST_CASE("indexer: usage errors exit 2 with a clear line") {
  const auto no_db = run("kaiji-indexer", {KAIJI_CORPUS_DIR});
  CHECK(no_db.exit_code == 2);
  CHECK(no_db.err.find("--db") != std::string::npos);
  const auto bad_dic = run("kaiji-indexer", {"--db", temp_dir("dic") + "/db", "--dicdir", "/nonexistent", KAIJI_CORPUS_DIR});
  CHECK(bad_dic.exit_code == 2);
  CHECK(bad_dic.err.find("/nonexistent") != std::string::npos);
}
