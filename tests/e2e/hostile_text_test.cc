// Notice text that would drive a terminal or a spreadsheet: made visible in text output,
// removed and neutralised in CSV, exact in JSON.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli.h"

using namespace kaiji::e2e;

namespace {

// Two notices from the web with escape sequences and formula-like cells.
const std::string& hostile_index() {
  static const std::string db = [] {
    const std::string dir = temp_dir("hostile");
    write_file(dir + "/notices.jsonl",
               "{\"id\":\"hostile-esc\",\"org\":\"株式会社\\u001b[31m赤字\",\"title\":\"不正アクセス\\u0007のお知らせ"
               "\\u001b]0;pwned\\u0007\",\"body\":\"当社サーバへの不正アクセスが発生しました。\\u001b[2J画面消去\\u009b31m "
               "個人情報が漏えいした可能性があります。\",\"date\":\"2024-05-01\"}\n"
               "{\"id\":\"hostile-formula\",\"org\":\"@株式会社数式\",\"title\":\"=HYPERLINK(\\\"http://evil\\\",\\\"不正アクセス"
               "\\\")\",\"body\":\"+不正アクセスにより個人情報が漏えいしました。-1+1\",\"date\":\"2024-05-02\"}\n");
    const CommandResult r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/notices.jsonl"});
    if (r.exit_code != 0) throw std::runtime_error("indexing failed: " + r.err);
    return dir + "/db";
  }();
  return db;
}

CommandResult search(std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", hostile_index()});
  const CommandResult r = run("kaiji-searcher", args);
  REQUIRE(r.exit_code == 0);
  return r;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("hostile text: control characters are shown as less shows them in text output, never sent raw") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"不正アクセス"}, {"--show", "hostile-esc"}}) {
    const std::string out = search(args).out;
    INFO(out);
    CHECK_FALSE(has(out, "\x1b"));
    CHECK_FALSE(has(out, "\x07"));
    CHECK_FALSE(has(out, "\xc2\x9b"));
    CHECK(has(out, "株式会社^[[31m赤字"));
    CHECK(has(out, "不正アクセス^Gのお知らせ^[]0;pwned^G"));
    CHECK(has(out, "^[[2J画面消去<U+009B>31m"));
  }
  // Highlights still land on the word once the snippet grew by the shown controls.
  CHECK(has(search({"個人情報"}).out, "画面消去<U+009B>31m [個人情報]が"));
}

TEST_CASE("hostile text: CSV cells lose control characters and formula cells get an apostrophe, JSON stays exact") {
  for (const bool bom : {false, true}) {
    std::vector<std::string> args = {"--csv", "不正アクセス"};
    if (bom) args.push_back("--bom");
    const std::string csv = search(args).out;
    INFO(csv);
    CHECK_FALSE(has(csv, "\x1b"));
    CHECK_FALSE(has(csv, "\x07"));
    CHECK(has(csv, ",株式会社[31m赤字,不正アクセスのお知らせ]0;pwned,"));
    CHECK(has(csv, ",'@株式会社数式,\"'=HYPERLINK(\"\"http://evil\"\",\"\"不正アクセス\"\")\","));
    CHECK(has(csv, ",'+不正アクセスにより"));  // the snippet cell
  }
  const auto json = nlohmann::json::parse(search({"--json", "不正アクセス"}).out);
  bool exact = false;
  for (const auto& hit : json.at("results")) {
    if (hit.at("id") == "hostile-esc") exact = hit.at("title") == "不正アクセス\x07のお知らせ\x1b]0;pwned\x07";
  }
  CHECK(exact);
}
