// The index over time: incremental runs, --prune, --rebuild while searchers search, a
// kill -9 in the middle of a run, and two indexers at once.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

// "notices unchanged: 27" → 27
std::size_t report_number(const std::string& out, const std::string& label) {
  const std::size_t at = out.find(label + ":");
  REQUIRE(at != std::string::npos);
  return std::stoul(out.substr(out.find_first_not_of(' ', at + label.size() + 1)));
}

// Notices in the index, as a searcher sees it; -1 when the searcher failed.
long total(const std::string& db, const std::string& query = "") {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", "--limit", "0", query});
  if (r.exit_code != 0) return -1;
  return nlohmann::json::parse(r.out).at("total").get<long>();
}

// A synthetic corpus from the bench generator (recombined real notices).
std::string synthetic_corpus(const std::string& name, std::size_t count) {
  const std::string dir = temp_dir(name);
  const CommandResult r = run("kaiji-bench", {"generate", "--count", std::to_string(count), "--corpus", KAIJI_CORPUS_DIR,
                                              "--out", dir + "/corpus"});
  REQUIRE(r.exit_code == 0);
  return dir;
}

}  // namespace

TEST_CASE("updates: a re-run rewrites nothing, a changed notice replaces its old version, a new file adds only its notices") {
  const std::string dir = temp_dir("incremental");
  fs::copy(KAIJI_CORPUS_DIR, dir + "/corpus");
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, dir + "/corpus"}).exit_code == 0);

  const auto again = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  CHECK(report_number(again.out, "notices indexed") == 0);
  CHECK(report_number(again.out, "notices unchanged") == 28);
  CHECK(report_number(again.out, "notices in index") == 28);

  // One notice gains a sentence: it alone is rewritten, under the same id.
  const std::string file = dir + "/corpus/001_d7048f176aaf01b0.txt";
  std::string text = read_file(file);
  const std::string anchor = "個人所有の";
  REQUIRE(text.find(anchor) != std::string::npos);
  text.insert(text.find(anchor), "追記として、相談窓口をコウノトリ窓口と呼びます。");
  write_file(file, text);
  const auto changed = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  CHECK(report_number(changed.out, "replaced") == 1);
  CHECK(report_number(changed.out, "added") == 0);
  CHECK(report_number(changed.out, "notices unchanged") == 27);
  CHECK(report_number(changed.out, "notices in index") == 28);
  CHECK(total(db, "コウノトリ窓口") == 1);

  // A new file: only its notice is added.
  fs::copy_file(std::string(KAIJI_TEST_DATA_DIR) + "/inputs/notice-utf-8-bom.txt", dir + "/corpus/new.txt");
  const auto added = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  CHECK(report_number(added.out, "added") == 1);
  CHECK(report_number(added.out, "notices unchanged") == 28);
  CHECK(total(db) == 29);
}

TEST_CASE("updates: a notice taken out of a re-read file is removed, and --prune removes the notices of deleted files") {
  const std::string dir = temp_dir("removal");
  const std::string db = dir + "/db";
  fs::create_directories(dir + "/in");
  const std::string first = "【セキュリティ事件簿#2025-701】甲商事株式会社 メール誤送信について 2025/2/1\nメールを誤送信しました。宛先はカモシカ会員です。\n";
  const std::string second = "【セキュリティ事件簿#2025-702】乙電機株式会社 USBメモリ紛失について 2025/2/2\nUSBメモリを紛失しました。中身はアナグマ名簿です。\n";
  write_file(dir + "/in/two.txt", first + second);
  write_file(dir + "/in/other.txt", "【セキュリティ事件簿#2025-703】丙銀行 不正アクセスについて 2025/2/3\n不正アクセスを受けました。対象はハヤブサ口座です。\n");
  REQUIRE(run("kaiji-indexer", {"--db", db, dir + "/in"}).exit_code == 0);
  REQUIRE(total(db) == 3);

  write_file(dir + "/in/two.txt", first);
  const auto r = run("kaiji-indexer", {"--db", db, dir + "/in"});
  CHECK(report_number(r.out, "notices removed") == 1);
  CHECK(total(db, "アナグマ名簿") == 0);
  CHECK(total(db, "カモシカ会員") == 1);

  // A deleted file's notices stay until --prune.
  fs::remove(dir + "/in/other.txt");
  CHECK(report_number(run("kaiji-indexer", {"--db", db, dir + "/in"}).out, "notices pruned") == 0);
  CHECK(total(db, "ハヤブサ口座") == 1);
  const auto pruned = run("kaiji-indexer", {"--db", db, "--prune", dir + "/in"});
  CHECK(report_number(pruned.out, "notices pruned") == 1);
  CHECK(total(db, "ハヤブサ口座") == 0);
  CHECK(total(db) == 1);
}

TEST_CASE("updates: --rebuild never shows searchers an empty or partial index") {
  const std::string dir = synthetic_corpus("rebuild", 1500);
  const std::string db = dir + "/db";
  const auto first = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  REQUIRE(first.exit_code == 0);
  const long full = static_cast<long>(report_number(first.out, "notices in index"));

  BackgroundCommand rebuild("kaiji-indexer", {"--db", db, "--rebuild", "--batch-size", "100", dir + "/corpus"});
  std::vector<long> seen;
  while (rebuild.running()) seen.push_back(total(db));
  const CommandResult done = rebuild.wait();
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  CHECK(report_number(done.out, "added") == static_cast<std::size_t>(full));
  MESSAGE(seen.size() << " searches during the rebuild");
  CHECK(seen.size() >= 3);
  for (const long t : seen) CHECK(t == full);
  CHECK(total(db) == full);
}

TEST_CASE("updates: after kill -9 the index holds the last committed batch, searchers work meanwhile, a re-run completes it") {
  const std::string dir = synthetic_corpus("kill", 6000);
  const std::string db = dir + "/db";
  // An index to update: the bundled notices.
  REQUIRE(run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR}).exit_code == 0);
  const long base = total(db);
  REQUIRE(base == 28);
  constexpr long kBatch = 250;
  long before_kill = 0;
  {
    BackgroundCommand indexer("kaiji-indexer", {"--db", db, "--batch-size", std::to_string(kBatch), dir + "/corpus"});
    // Searchers work while the indexer writes, and see whole batches only.
    while (indexer.running()) {
      const long seen = total(db);
      REQUIRE(seen >= base);
      CHECK((seen - base) % kBatch == 0);
      if (seen >= base + 2 * kBatch) break;
    }
    REQUIRE(indexer.running());  // killed mid-way, not after the end
    indexer.kill9();
    CHECK(indexer.wait().exit_code == 128 + 9);
  }
  before_kill = total(db) - base;
  MESSAGE(before_kill << " notices committed when killed");
  REQUIRE(before_kill > 0);
  CHECK(before_kill % kBatch == 0);
  CHECK(total(db, "ランサムウェア") > 0);

  const auto rerun = run("kaiji-indexer", {"--db", db, "--batch-size", std::to_string(kBatch), dir + "/corpus"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  CHECK(report_number(rerun.out, "notices unchanged") == static_cast<std::size_t>(before_kill));
  const std::size_t distinct = report_number(rerun.out, "notices read") - report_number(rerun.out, "duplicates merged");
  CHECK(report_number(rerun.out, "notices in index") == distinct + base);
  CHECK(total(db) == static_cast<long>(distinct) + base);
}

TEST_CASE("updates: a first run killed half-way leaves no partial index, and the next run writes it whole") {
  const std::string dir = synthetic_corpus("kill-first", 4000);
  const std::string db = dir + "/db";
  {
    BackgroundCommand indexer("kaiji-indexer", {"--db", db, dir + "/corpus"});
    // Wait until the bulk parts are being written.
    const auto parts_written = [&] {
      std::error_code ec;
      for (const auto& gen : fs::directory_iterator(db, ec)) {
        if (fs::exists(gen.path() / "parts" / "part-0-0-shard-0" / "iamglass")) return true;
      }
      return false;
    };
    while (indexer.running() && !parts_written()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(indexer.running());
    // Meanwhile searchers are told the index is not there yet, not shown part of it.
    const CommandResult searching = run("kaiji-searcher", {"--db", db, "ランサムウェア"});
    CHECK(searching.exit_code == 1);
    CHECK(searching.err.find("no complete version yet") != std::string::npos);
    indexer.kill9();
    CHECK(indexer.wait().exit_code == 128 + 9);
  }
  CHECK(total(db) == -1);

  const auto rerun = run("kaiji-indexer", {"--db", db, dir + "/corpus"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  const std::size_t distinct = report_number(rerun.out, "notices read") - report_number(rerun.out, "duplicates merged");
  CHECK(report_number(rerun.out, "notices in index") == distinct);
  CHECK(total(db) == static_cast<long>(distinct));
  // The interrupted run's generation was finished and published; its parts are gone.
  std::size_t generations = 0;
  for (const auto& entry : fs::directory_iterator(db)) {
    if (entry.path().filename().string().starts_with("gen-")) {
      ++generations;
      CHECK_FALSE(fs::exists(entry.path() / "parts"));
    }
  }
  CHECK(generations == 1);
}

TEST_CASE("updates: a second indexer on the same index fails at once, naming the one that holds it") {
  const std::string dir = synthetic_corpus("lock", 4000);
  const std::string db = dir + "/db";
  BackgroundCommand first("kaiji-indexer", {"--db", db, dir + "/corpus"});
  while (first.running() && read_file(db + "/kaiji.lock").empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(first.running());
  const auto started = std::chrono::steady_clock::now();
  const auto second = run("kaiji-indexer", {"--db", db, std::string(KAIJI_CORPUS_DIR)});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("index " + db + " is locked by kaiji-indexer (pid " + std::to_string(first.pid()) + " on ") !=
        std::string::npos);
  CHECK(first.wait().exit_code == 0);
  // The lock goes with its holder: now a second run works.
  CHECK(run("kaiji-indexer", {"--db", db, std::string(KAIJI_CORPUS_DIR)}).exit_code == 0);
}

TEST_CASE("updates: an index directory that is not kaiji's is refused, not written into") {
  const std::string dir = temp_dir("not-ours");
  write_file(dir + "/notes.txt", "my notes");
  const auto r = run("kaiji-indexer", {"--db", dir, KAIJI_CORPUS_DIR});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("is not a kaiji index") != std::string::npos);
  CHECK(read_file(dir + "/notes.txt") == "my notes");
}

TEST_CASE("updates: facet values first met in a later run are counted, on one shard and on several") {
  // The label インシデント:内部犯行 is only in 004; the first run does not see it.
  const std::string dir = temp_dir("facet-updates");
  fs::copy(KAIJI_CORPUS_DIR, dir + "/corpus");
  fs::create_directories(dir + "/later");
  fs::rename(dir + "/corpus/004_61c9923e7d8c2772.txt", dir + "/later/004.txt");
  for (const std::string shards : {"1", "2"}) {
    const std::string db = dir + "/db" + shards;
    REQUIRE(run("kaiji-indexer", {"--db", db, "--shards", shards, dir + "/corpus"}).exit_code == 0);
    REQUIRE(run("kaiji-indexer", {"--db", db, "--shards", shards, "--batch-size", "1", dir + "/corpus", dir + "/later"})
                .exit_code == 0);
    const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", "--facets", "--limit", "0"});
    REQUIRE(r.exit_code == 0);
    const nlohmann::json facets = nlohmann::json::parse(r.out).at("facets");
    INFO("shards: " << shards);
    REQUIRE(facets.at("label").contains("インシデント:内部犯行"));
    const long count = facets.at("label").at("インシデント:内部犯行").get<long>();
    CHECK(count > 0);
    CHECK(count == total(db, "label:\"インシデント:内部犯行\""));
    // Counted from codes, not by the slower fallback: the new value is in the index's
    // facet dictionary (facet_codes.h).
    const std::string dictionary = Xapian::Database(db).get_metadata("kaiji.facet_codes");
    CHECK(dictionary.find("インシデント:内部犯行") != std::string::npos);
    // Every other count still equals its filter.
    for (const auto& [facet, values] : facets.items()) {
      for (const auto& [value, n] : values.items()) {
        INFO(facet << ":" << value);
        CHECK(n.get<long>() == total(db, facet + ":\"" + value + "\""));
      }
    }
  }
}

TEST_CASE("updates: a damaged facet dictionary still gives right counts, and the indexer names the index") {
  const std::string dir = temp_dir("facet-damaged");
  const std::string db = dir + "/db";
  REQUIRE(run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR}).exit_code == 0);
  const auto counts = [&] {
    const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", "--facets", "--limit", "0"});
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out).at("facets");
  };
  const nlohmann::json before = counts();
  // Damage the dictionary as stored in the (single) shard.
  std::string stub = read_file(db + "/XAPIANDB");
  const std::string shard_dir = db + "/" + stub.substr(stub.find(' ') + 1, stub.find('\n') - stub.find(' ') - 1);
  {
    Xapian::WritableDatabase shard(shard_dir);
    shard.set_metadata("kaiji.facet_codes", std::string("\x05\xff", 2));
    shard.commit();
  }
  CHECK(counts() == before);  // counted from the strings instead
  const CommandResult again = run("kaiji-indexer", {"--db", db, KAIJI_CORPUS_DIR});
  CHECK(again.exit_code != 0);
  CHECK(again.err.find("index " + db + ": the index's facet dictionary is damaged") != std::string::npos);
  CHECK(run("kaiji-indexer", {"--db", db, "--rebuild", KAIJI_CORPUS_DIR}).exit_code == 0);
  CHECK(counts() == before);
}
