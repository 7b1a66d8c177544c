#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "index_store.h"

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
}  // namespace

TEST_CASE("index store: a new index is searchable at once and shows each commit") {
  TempDir dir;
  const std::string index = (dir.path / "idx").string();
  IndexStore store(index, 2, false);
  CHECK(store.shard_count() == 2);
  CHECK(searchable(index) == 0);
  store.shards()[0].add_document(doc("a"));
  store.shards()[1].add_document(doc("b"));
  store.publish();
  CHECK(searchable(index) == 2);
}

TEST_CASE("index store: a rebuild stays invisible until published, then replaces the index at once") {
  TempDir dir;
  const std::string index = (dir.path / "idx").string();
  {
    IndexStore store(index, 1, false);
    store.shards()[0].add_document(doc("old"));
    store.publish();
  }
  {
    IndexStore rebuild(index, 0, true);
    CHECK(rebuild.rebuilding());
    for (const char* id : {"n1", "n2", "n3"}) rebuild.shards()[0].add_document(doc(id));
    rebuild.shards()[0].commit();
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
  }
  CHECK_THROWS_WITH_AS(IndexStore(index, 3, false), doctest::Contains("has 2 shard(s)"), std::runtime_error);
  CHECK(IndexStore(index, 3, true).shard_count() == 3);
}
