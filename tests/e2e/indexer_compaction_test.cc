// Compaction (issue 21: updates in place grew a 173 MB index to 566 MB and nothing ever
// compacted it): --compact, and compaction once an index has grown past --compact-ratio
// times its compacted size, each a new generation published by the stub's rename.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

std::uintmax_t bytes_of(const std::string& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

// The current generation's directory, as the stub names it.
std::string current_generation(const std::string& db) {
  const std::string stub = read_file(db + "/XAPIANDB");
  const std::size_t start = stub.find(' ') + 1;
  return db + "/" + stub.substr(start, stub.find('/') - start);
}

nlohmann::json answer(const std::string& db, const std::string& query) {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", "--facets", "--limit", "100", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json response = nlohmann::json::parse(r.out);
  for (auto& hit : response.at("results")) hit.erase("score");
  return response;
}

// Every notice of the corpus changed (each 。 written ．), so an update replaces them all.
void change_every_notice(const std::string& corpus) {
  for (const auto& entry : fs::directory_iterator(corpus)) {
    std::string text = read_file(entry.path().string());
    for (std::size_t at = 0; (at = text.find("。", at)) != std::string::npos;) text.replace(at, 3, "．");
    write_file(entry.path().string(), text);
  }
}

}  // namespace

TEST_CASE("compaction: --compact writes the grown index compacted into a new generation, answers unchanged") {
  const std::string dir = indexed_corpus_copy("compact");
  const std::string db = dir + "/db";
  change_every_notice(dir + "/corpus");
  const auto update = run("kaiji-indexer", {"--db", db, "--compact-ratio", "0", dir + "/corpus"});
  REQUIRE(update.exit_code == 0);
  CHECK(update.out.find("compacted:") == std::string::npos);
  const std::string grown = current_generation(db);
  const nlohmann::json before = answer(db, "不正アクセス");
  const auto r = run("kaiji-indexer", {"--db", db, "--compact"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("compacted:") != std::string::npos);
  CHECK(r.out.find("notices in index:  28\n") != std::string::npos);
  const std::string compacted = current_generation(db);
  CHECK(compacted != grown);
  CHECK(fs::exists(grown));  // kept for searchers that have it open
  CHECK(bytes_of(compacted) < bytes_of(grown) * 3 / 4);
  CHECK(answer(db, "不正アクセス") == before);
  // Updates go on in the compacted generation.
  CHECK(run("kaiji-indexer", {"--db", db, dir + "/corpus"}).out.find("notices unchanged: 28\n") != std::string::npos);
}

TEST_CASE("compaction: an update that grows the index past --compact-ratio compacts it on its own") {
  const std::string dir = indexed_corpus_copy("auto-compact");
  const std::string db = dir + "/db";
  const std::string first = current_generation(db);
  const nlohmann::json before = answer(db, "不正アクセス");
  change_every_notice(dir + "/corpus");
  const auto r = run("kaiji-indexer", {"--db", db, "--compact-ratio", "1.3", dir + "/corpus"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find(" its notices took compacted)\n") != std::string::npos);
  CHECK(current_generation(db) != first);
  CHECK(r.out.find("notices in index:  28\n") != std::string::npos);
  CHECK(answer(db, "不正アクセス").at("total") == before.at("total"));
  // Not due again: the compacted size is the new mark.
  CHECK(run("kaiji-indexer", {"--db", db, "--compact-ratio", "1.3", dir + "/corpus"}).out.find("compacted:") ==
        std::string::npos);
}

TEST_CASE("compaction: --compact of a directory without an index says so and creates nothing") {
  const std::string dir = temp_dir("compact-nothing");
  const auto r = run("kaiji-indexer", {"--db", dir + "/missing", "--compact"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("has no published version to compact") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/missing"));
  CHECK(run("kaiji-indexer", {"--db", dir + "/x", "--compact-ratio", "0.5", dir}).exit_code == 2);
}
