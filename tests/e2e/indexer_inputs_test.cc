// What the indexer reads: every format and encoding organisations publish in, and
// hostile input that must never crash it or cost the good notices beside it.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

const std::string kInputs = std::string(KAIJI_TEST_DATA_DIR) + "/inputs";

nlohmann::json search(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--db", db, "--json"};
  full.insert(full.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", full);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// The one result of a search that must find exactly one notice.
nlohmann::json only_result(const std::string& db, const std::string& query) {
  const nlohmann::json response = search(db, {query});
  INFO("query " << query);
  REQUIRE(response.at("results").size() == 1);
  return response.at("results").at(0);
}

std::size_t in_index(const std::string& db) { return search(db, {"--limit", "0"}).at("total").get<std::size_t>(); }

}  // namespace

TEST_CASE("inputs: Shift_JIS, EUC-JP, UTF-16 and UTF-8 with a BOM are decoded and searchable") {
  const std::string db = temp_dir("encodings") + "/db";
  const auto r = run("kaiji-indexer", {"--db", db, kInputs + "/notice-shift_jis.txt", kInputs + "/notice-euc-jp.txt",
                                       kInputs + "/notice-utf-16.txt", kInputs + "/notice-utf-8-bom.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(only_result(db, "ランサムウェア").at("org") == "株式会社北斗印刷");
  CHECK(only_result(db, "児童名簿").at("org") == "北海市教育委員会");
  CHECK(only_result(db, "カルテ").at("org") == "南山病院");
  const nlohmann::json bom = only_result(db, "誤送信");
  CHECK(bom.at("org") == "西浜信用金庫");
  CHECK(bom.at("incident") == "2025-804");  // the BOM did not damage the header
}

TEST_CASE("inputs: an HTML notice gives its title, publisher, date and text, but not its scripts and menus") {
  const std::string db = temp_dir("html") + "/db";
  const auto r = run("kaiji-indexer", {"--db", db, kInputs + "/notice.html", kInputs + "/notice-shift_jis.html"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json hit = only_result(db, "クレジットカード情報");
  CHECK(hit.at("title") == "不正アクセスによる個人情報流出のお知らせ");
  CHECK(hit.at("org") == "株式会社ミナミ通販");
  CHECK(hit.at("date") == "2025-04-01");
  CHECK(hit.at("url") == "https://example.jp/news/2025/0401");
  CHECK(hit.at("snippet").get<std::string>().find("&amp;") == std::string::npos);  // entities decoded
  CHECK(search(db, {"サポート詐欺"}).at("total") == 0);  // only inside <script>
  CHECK(search(db, {"ホーム"}).at("total") == 0);        // only in <nav>
  // A Shift_JIS page, its date written in the Japanese era.
  const nlohmann::json sjis = only_result(db, "誤送信");
  CHECK(sjis.at("title") == "メール誤送信のお詫び");
  CHECK(sjis.at("date") == "2025-05-09");
}

TEST_CASE("inputs: JSONL records keep their id, url and date, and a record without a title gets one from its text") {
  const std::string db = temp_dir("jsonl") + "/db";
  const auto r = run("kaiji-indexer", {"--db", db, kInputs + "/notices.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json tozai = only_result(db, "ランサムウェア");
  CHECK(tozai.at("id") == "tozai-2025-1");
  CHECK(tozai.at("url") == "https://example.jp/tozai/2025-1");
  CHECK(tozai.at("date") == "2025-05-01");
  const nlohmann::json yamada = only_result(db, "説明会");
  CHECK(yamada.at("org") == "山田町");
  CHECK(yamada.at("date") == "2025-06-02");  // 令和7年6月2日
  CHECK_FALSE(yamada.at("title").get<std::string>().empty());
}

TEST_CASE("inputs: - reads notices from standard input, in any format") {
  const std::string db = temp_dir("stdin") + "/db";
  const auto r = run("kaiji-indexer", {"--db", db, "-"}, {.stdin_path = kInputs + "/notices.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("notices indexed:   2\n") != std::string::npos);
  CHECK(only_result(db, "ランサムウェア").at("sources").at(0) == "-:1");
  // Indexing the same standard input again changes nothing.
  const auto again = run("kaiji-indexer", {"--db", db, "-"}, {.stdin_path = kInputs + "/notices.jsonl"});
  CHECK(again.out.find("notices unchanged: 2\n") != std::string::npos);
}

TEST_CASE("inputs: hostile files are reported by name and line, everything good beside them is indexed, exit 1") {
  const std::string dir = temp_dir("hostile");
  const std::string in = dir + "/in";
  fs::create_directories(in);
  fs::copy_file(std::string(KAIJI_CORPUS_DIR) + "/001_d7048f176aaf01b0.txt", in + "/good.txt");
  write_file(in + "/empty.txt", "");
  {
    std::mt19937 random(7);
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(random() & 0xff);
    write_file(in + "/image.txt", bytes);
  }
  write_file(in + "/bad-utf8.txt",
             "【セキュリティ事件簿#2025-901】株式会社テスト電機 メール誤送信について 2025/1/5\n"
             "職員がメールを誤送信しました。\xff\xfe\xc3 対象は取引先の担当者名です。\n");
  write_file(in + "/long-line.txt", "【セキュリティ事件簿#2025-902】巨大データ株式会社 長大なお知らせ 2025/1/6\n" +
                                        [] {
                                          std::string line;
                                          while (line.size() < 2 * 1024 * 1024) line += "当社のサーバーが外部から攻撃を受けました。";
                                          return line + "対象者に郵送でお知らせします。\n";
                                        }());
  write_file(in + "/truncated-header.txt",
             "【セキュリティ事件簿#2025-90\n不正アクセスによりヨット部の部員名簿が漏えいした可能性があります。\n");
  write_file(in + "/records.jsonl",
             "{\"title\":\"一件目\",\"org\":\"一番商事\",\"body\":\"一件目の誤送信の本文です。\"}\n"
             "{\"title\": \"壊れた行\", \"body\": \n"
             "{\"title\":\"三件目\",\"org\":\"三番商事\",\"body\":\"三件目の紛失の本文です。\"}\n");
  fs::create_directories(in + "/locked");
  write_file(in + "/locked/secret.txt", "【セキュリティ事件簿#2025-903】読めない株式会社 読めない 2025/1/7\n本文\n");
  fs::permissions(in + "/locked/secret.txt", fs::perms::none);
  fs::create_directory_symlink("..", in + "/locked/loop");   // a directory loop
  fs::create_symlink("self.txt", in + "/self.txt");          // a link to itself

  // Permissions do not bind root, so the indexer runs as nobody then.
  fs::permissions(fs::path(dir).parent_path(), fs::perms::others_exec, fs::perm_options::add);
  fs::permissions(dir, fs::perms::all);
  // nobody must reach the build itself: a checkout under a 0700 directory (mktemp -d, a
  // private home) hides it, and execv fails with 127. Say so rather than fail obscurely.
  if (geteuid() == 0 && run("kaiji-indexer", {"--help"}, {.stdin_path = "", .as_nobody = true}).exit_code == 127) {
    MESSAGE("skipped: user nobody cannot reach " KAIJI_BIN_DIR " (a parent directory is private); "
            "clone into a directory others may traverse to run this test");
    return;
  }
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", in}, {.stdin_path = "", .as_nobody = true});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("empty.txt: empty file, skipped") != std::string::npos);
  CHECK(r.err.find("image.txt: binary data, not text; skipped") != std::string::npos);
  CHECK(r.err.find("bad-utf8.txt:2: invalid UTF-8 at byte") != std::string::npos);
  CHECK(r.err.find("truncated-header.txt:1: damaged post header") != std::string::npos);
  CHECK(r.err.find("records.jsonl:2: skipped JSONL record") != std::string::npos);
  CHECK(r.err.find("secret.txt: cannot read: Permission denied") != std::string::npos);
  CHECK(r.err.find("loop: directory already visited (symlink loop?)") != std::string::npos);
  CHECK(r.err.find("self.txt: cannot stat") != std::string::npos);
  CHECK(r.err.find("3 file(s) skipped") != std::string::npos);  // empty, binary, unreadable

  const std::string db = dir + "/db";
  CHECK(only_result(db, "プライバシーマーク").at("incident") == "2023-449");     // good.txt
  CHECK(only_result(db, "担当者名 org:テスト電機").at("org") == "株式会社テスト電機");            // the good text around bad bytes
  CHECK(only_result(db, "郵送").at("org") == "巨大データ株式会社");                // the end of the 2 MB line
  CHECK(only_result(db, "ヨット部").at("sources").at(0).get<std::string>().find("truncated-header.txt") !=
        std::string::npos);
  CHECK(search(db, {"一番商事 OR 三番商事"}).at("total") == 2);                   // records around the broken one
  CHECK(in_index(db) == 6);
}

TEST_CASE("inputs: nothing readable at all is a fatal error, exit 2") {
  const std::string dir = temp_dir("nothing");
  write_file(dir + "/empty.txt", "");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/empty.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no notice found in any input") != std::string::npos);
}

TEST_CASE("inputs: a file name with a newline or an escape is quoted in warnings and cannot forge a line") {
  const std::string dir = temp_dir("hostile-names");
  fs::create_directories(dir + "/in");
  write_file(dir + "/in/a.txt\nkaiji-indexer: warning: forged.txt: all is well", "");
  write_file(dir + "/in/b\x1b[2J.txt", "");
  write_file(dir + "/in/good.txt", "個人情報漏えいのお知らせ\n顧客のメールアドレスが流出しました。\n");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/in"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("a.txt\\nkaiji-indexer: warning: forged.txt: all is well\": empty file, skipped\n") !=
        std::string::npos);
  CHECK(r.err.find("\nkaiji-indexer: warning: forged") == std::string::npos);
  CHECK(r.err.find("b\\x1B[2J.txt\": empty file, skipped\n") != std::string::npos);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(in_index(dir + "/db") == 1);
}

TEST_CASE("inputs: a folder with JSON data beside its notices (tests/heldout/dev) indexes the notices only") {
  const std::string dir = temp_dir("json-beside");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", std::string(KAIJI_SOURCE_DIR) + "/tests/heldout/dev"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dev/labels.json: JSON, not notices") != std::string::npos);
  CHECK(r.err.find("dev/queries.json: JSON, not notices") != std::string::npos);
  CHECK(in_index(dir + "/db") == 37);  // the set's 37 notices, and no JSON file as one
}
