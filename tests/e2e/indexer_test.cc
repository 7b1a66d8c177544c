// The indexer on real and on bad input.
#include <doctest/doctest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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
  // Where the time went, phase by phase.
  CHECK(r.out.find(" s (reading ") != std::string::npos);
  CHECK(r.out.find(" s, finishing ") != std::string::npos);

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

namespace {
// Runs kaiji-indexer with its stderr (and stdout) on a pseudo-terminal, as a user at a
// terminal would; returns everything it wrote there.
std::string indexer_on_terminal(const std::vector<std::string>& args) {
  const std::string binary = std::string(KAIJI_BIN_DIR) + "/kaiji-indexer";
  std::fflush(nullptr);
  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid == 0) {
    std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = read(terminal, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  int status = 0;
  waitpid(pid, &status, 0);
  close(terminal);
  return out;
}
}  // namespace

TEST_CASE("indexer: a live progress line on a terminal, none with --quiet or in a pipe") {
  const std::string dir = temp_dir("progress");
  REQUIRE(run("kaiji-bench", {"generate", "--count", "3000", "--corpus", KAIJI_CORPUS_DIR, "--out", dir + "/corpus"})
              .exit_code == 0);
  const std::string shown = indexer_on_terminal({"--db", dir + "/db", dir + "/corpus"});
  CHECK(shown.find("\r\033[Kkaiji-indexer: ") != std::string::npos);
  CHECK(shown.find(" notices · ") != std::string::npos);
  CHECK(shown.find("notices indexed:") != std::string::npos);  // the report follows

  const std::string quiet = indexer_on_terminal({"--db", dir + "/db2", "--quiet", dir + "/corpus"});
  CHECK(quiet.find("\r\033[K") == std::string::npos);
  const auto piped = run("kaiji-indexer", {"--db", dir + "/db3", dir + "/corpus"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.find('\r') == std::string::npos);
}
