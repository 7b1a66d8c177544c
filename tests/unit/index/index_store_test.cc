#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "index/index_store.h"

using namespace kaiji;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("kaiji-store-" + std::to_string(getpid()));
  TempDir() { fs::remove_all(path); }
  ~TempDir() { fs::remove_all(path); }
};

Xapian::Document doc(const std::string& id) {
  Xapian::Document d;
  d.add_boolean_term("Q" + id);
  return d;
}

Xapian::doccount searchable(const fs::path& index) { return Xapian::Database(index.string()).get_doccount(); }

// What the bulk writer does for a new generation: writes its shard databases, then
// hands them to the store.
void write_generation(IndexStore& store, const std::vector<std::vector<std::string>>& ids_per_shard) {
  REQUIRE(store.rebuilding());
  REQUIRE(ids_per_shard.size() == store.shard_count());
  for (std::size_t s = 0; s < store.shard_count(); ++s) {
    Xapian::WritableDatabase shard(store.shard_paths()[s], Xapian::DB_CREATE_OR_OVERWRITE);
    for (const std::string& id : ids_per_shard[s]) shard.add_document(doc(id));
    shard.commit();
  }
  store.open_written_shards();
}
}  // namespace

TEST_CASE("index store: a new index is invisible until published, then shows each commit") {
  TempDir dir;
  const std::string index = (dir.path / "idx").string();
  IndexStore store(index, 2, false);
  CHECK(store.shard_count() == 2);
  CHECK_THROWS_AS(searchable(index), Xapian::DatabaseOpeningError);  // no index yet, not an empty one
  write_generation(store, {{"a"}, {"b"}});
  CHECK_THROWS_AS(searchable(index), Xapian::DatabaseOpeningError);
  store.publish();
  CHECK(searchable(index) == 2);
  store.shards()[0].add_document(doc("c"));
  store.publish();
  CHECK(searchable(index) == 3);
}

TEST_CASE("index store: a rebuild stays invisible until published, then replaces the index at once") {
  TempDir dir;
  const std::string index = (dir.path / "idx").string();
  {
    IndexStore store(index, 1, false);
    write_generation(store, {{"old"}});
    store.publish();
  }
  {
    IndexStore rebuild(index, 0, true);
    write_generation(rebuild, {{"n1", "n2", "n3"}});
    CHECK(searchable(index) == 1);  // still the old generation
    rebuild.publish();
    CHECK(searchable(index) == 3);
  }
  // An interrupted rebuild leaves its generation behind; the next run removes it and
  // keeps the current generation and the one before (searchers may still have it open).
  { IndexStore interrupted(index, 0, true); }
  CHECK(fs::exists(fs::path(index) / "gen-000003"));
  { IndexStore next(index, 0, false); }
  std::set<std::string> generations;
  for (const auto& entry : fs::directory_iterator(index)) {
    if (entry.path().filename().string().starts_with("gen-")) generations.insert(entry.path().filename().string());
  }
  CHECK(generations == std::set<std::string>{"gen-000001", "gen-000002"});
  CHECK(searchable(index) == 3);
}

TEST_CASE("index store: one writer at a time, and the shard count changes only with a rebuild") {
  TempDir dir;
  const std::string index = (dir.path / "idx").string();
  {
    IndexStore first(index, 2, false);
    CHECK_THROWS_AS(IndexStore(index, 0, false), IndexLockedError);
    write_generation(first, {{"a"}, {"b"}});
    first.publish();
  }
  CHECK_THROWS_WITH_AS(IndexStore(index, 3, false), doctest::Contains("has 2 shard(s)"), std::runtime_error);
  CHECK(IndexStore(index, 3, true).shard_count() == 3);
}
