#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <vector>

#include <xapian.h>

#include "facet_code_spy.h"
#include "index/facet_codes.h"

using namespace kaiji;

namespace {

constexpr Xapian::valueno kSlot = 6;
constexpr std::size_t kCodes = 12;

// Notice k's codes: k % 3, and 3 + k % 9 (the same code twice when that is the same),
// none for every seventh notice; "even" on even k.
std::vector<std::uint32_t> codes_of(int k) {
  if (k % 7 == 0) return {};
  return {static_cast<std::uint32_t>(k % 3), static_cast<std::uint32_t>(3 + k % 9)};
}

Xapian::WritableDatabase notices(const std::filesystem::path& dir, int first, int count) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (int k = first; k < first + count; ++k) {
    Xapian::Document doc;
    doc.add_term("all");
    if (k % 2 == 0) doc.add_term("even");
    if (const auto codes = codes_of(k); !codes.empty()) doc.add_value(kSlot, encode_facet_codes(codes));
    db.add_document(doc);
  }
  db.commit();
  return db;
}

std::vector<std::size_t> expected_counts(int count, bool even_only) {
  std::vector<std::size_t> counts(kCodes);
  for (int k = 0; k < count; ++k) {
    if (even_only && k % 2 != 0) continue;
    for (const std::uint32_t code : codes_of(k)) ++counts[code];
  }
  return counts;
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("kaiji-spy-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("facet code spy: counts every code of every match, once per notice") {
  const TempDir dir;
  const Xapian::Database db = notices(dir.path / "one", 0, 3000);
  for (const bool even_only : {false, true}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(even_only ? "even" : "all"));
    FacetCodeSpy spy(db, kSlot, kCodes);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    CHECK_FALSE(spy.damaged());
    CHECK(spy.counts() == expected_counts(3000, even_only));
  }
}

TEST_CASE("facet code spy: documents shown out of order are still counted right") {
  const TempDir dir;
  const Xapian::Database db = notices(dir.path / "db", 0, 500);
  FacetCodeSpy spy(db, kSlot, kCodes);
  std::vector<std::size_t> expected(kCodes);
  for (const Xapian::docid did : {400u, 3u, 3u, 250u, 1u, 499u, 2u}) {
    spy(db.get_document(did), 0);
    for (const std::uint32_t code : codes_of(static_cast<int>(did) - 1)) ++expected[code];
  }
  CHECK(spy.counts() == expected);
}

TEST_CASE("facet code spy: a code beyond the dictionary is reported, and several shards are refused") {
  const TempDir dir;
  const Xapian::Database db = notices(dir.path / "db", 0, 100);
  FacetCodeSpy spy(db, kSlot, 5);  // a dictionary older than the documents' codes
  spy(db.get_document(2), 0);      // codes 1 and 4
  CHECK_FALSE(spy.damaged());
  spy(db.get_document(3), 0);      // codes 2 and 5
  CHECK(spy.damaged());

  // Over two shards a spy sees each shard's own document numbers, not which shard.
  Xapian::Database both(notices(dir.path / "a", 0, 10));
  both.add_database(notices(dir.path / "b", 10, 10));
  CHECK_THROWS_AS(FacetCodeSpy(both, kSlot, kCodes), std::invalid_argument);
}

TEST_CASE("facet codes: the dictionary keeps every code's meaning through its stored form") {
  FacetDictionary dictionary;
  CHECK(dictionary.code(0, "ransomware") == 0);
  CHECK(dictionary.code(6, "第2報") == 1);
  CHECK(dictionary.code(2, "ransomware") == 2);  // another facet, another value
  CHECK(dictionary.code(0, "ransomware") == 0);
  FacetDictionary again(dictionary.serialise());
  REQUIRE(again.size() == 3);
  CHECK(again.value(1).field == 6);
  CHECK(again.value(1).value == "第2報");
  CHECK(again.code(2, "ransomware") == 2);
  CHECK(again.code(3, "2024") == 3);  // new values go after the old ones
  CHECK_THROWS_AS(FacetDictionary(dictionary.serialise().substr(0, 5)), std::runtime_error);

  std::vector<std::uint32_t> decoded;
  CHECK(for_each_facet_code(encode_facet_codes({0, 127, 128, 300000}), [&](std::uint32_t c) { decoded.push_back(c); }));
  CHECK(decoded == std::vector<std::uint32_t>{0, 127, 128, 300000});
  CHECK_FALSE(for_each_facet_code(std::string("\x80", 1), [](std::uint32_t) {}));
}
