#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <unistd.h>

#include <xapian.h>

#include "value_stream_spy.h"

using namespace kaiji;

namespace {

constexpr Xapian::valueno kSlot = 3;

// Notice k: a term every notice has, "even" on even k, and a value on most of them
// (some share one, some have none or an empty one).
Xapian::WritableDatabase notices(const std::filesystem::path& dir, int first, int count) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (int k = first; k < first + count; ++k) {
    Xapian::Document doc;
    doc.add_term("all");
    if (k % 2 == 0) doc.add_term("even");
    if (k % 7 != 0) doc.add_value(kSlot, k % 5 == 0 ? std::string() : "v" + std::to_string(k % 11));
    db.add_document(doc);
  }
  db.commit();
  return db;
}

std::map<std::string, std::size_t> sorted(const std::vector<std::pair<std::string, std::size_t>>& counts) {
  return {counts.begin(), counts.end()};
}

// What Xapian's own spy counts for the query.
std::map<std::string, std::size_t> stock_counts(const Xapian::Database& db, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  Xapian::ValueCountMatchSpy spy(kSlot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, std::size_t> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

std::map<std::string, std::size_t> stream_counts(const Xapian::Database& db, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  ValueStreamSpy spy(db, kSlot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  return sorted(spy.counts());
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("kaiji-spy-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("value stream spy: counts what ValueCountMatchSpy counts, and refuses several shards") {
  const TempDir dir;
  const Xapian::Database one = notices(dir.path / "one", 0, 3000);
  for (const std::string term : {"all", "even"}) {
    const auto expected = stock_counts(one, term);
    CHECK(expected.size() == 11);  // v0 … v10; empty values are not counted
    CHECK(stream_counts(one, term) == expected);
  }
  // Over two shards a spy sees each shard's own document numbers, not which shard.
  Xapian::Database both(notices(dir.path / "a", 0, 1500));
  both.add_database(notices(dir.path / "b", 1500, 1700));
  CHECK_THROWS_AS(ValueStreamSpy(both, kSlot), std::invalid_argument);
}

TEST_CASE("value stream spy: documents shown out of order are still counted right") {
  const TempDir dir;
  const Xapian::Database db = notices(dir.path / "db", 0, 500);
  ValueStreamSpy spy(db, kSlot);
  std::map<std::string, std::size_t> expected;
  for (Xapian::docid did : {400u, 3u, 3u, 250u, 1u, 499u, 2u}) {
    const Xapian::Document doc = db.get_document(did);
    spy(doc, 0);
    if (const std::string v = doc.get_value(kSlot); !v.empty()) ++expected[v];
  }
  CHECK(sorted(spy.counts()) == expected);
}
