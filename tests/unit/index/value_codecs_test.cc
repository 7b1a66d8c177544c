// Every value codec of index/ round-trips, and its encoding sorts the way the searcher
// relies on (ranges and sorts compare encoded strings, not numbers).
#include <doctest/doctest.h>

#include <algorithm>

#include "index/value_codecs.h"

using namespace kaiji;

TEST_CASE("value codecs: dates and years come back, and date keys sort in date order") {
  const Date d = *Date::parse_iso("2024-11-05");
  CHECK(codec::encode_date(d) == "20241105");
  REQUIRE(codec::decode_date(codec::encode_date(d)));
  CHECK(codec::decode_date(codec::encode_date(d))->iso() == "2024-11-05");
  CHECK(codec::encode_date(*Date::parse_iso("2023-12-31")) < codec::encode_date(d));
  CHECK_FALSE(codec::decode_date("2024110"));
  CHECK(codec::decode_year(codec::encode_year(2024)) == 2024);
  CHECK_FALSE(codec::decode_year("20x4"));
  CHECK_FALSE(codec::decode_year(""));
}

TEST_CASE("value codecs: affected counts come back and their keys sort numerically") {
  for (const std::int64_t n : {0LL, 9LL, 10LL, 69403LL, 12345678901LL}) CHECK(codec::decode_affected(codec::encode_affected(n)) == n);
  CHECK(codec::encode_affected(9) < codec::encode_affected(10));
  CHECK(codec::encode_affected(999) < codec::encode_affected(69403));
  CHECK(codec::count_sort_key(42) == "00000000000000000042");
  CHECK(codec::count_sort_key(std::nullopt).empty());
  CHECK(codec::count_sort_key(-1).empty());
}

TEST_CASE("value codecs: sort keys break ties by id and put notices without a key last either way") {
  using codec::SortDirection;
  const std::string a = codec::encode_sort_key("20240101", "a", SortDirection::Ascending);
  const std::string b = codec::encode_sort_key("20240101", "b", SortDirection::Ascending);
  const std::string none_asc = codec::encode_sort_key("", "a", SortDirection::Ascending);
  CHECK(a < b);
  CHECK(b < none_asc);  // ascending: missing sorts after every date
  const std::string late = codec::encode_sort_key("20241231", "a", SortDirection::Descending);
  const std::string none_desc = codec::encode_sort_key("", "a", SortDirection::Descending);
  CHECK(none_desc < late);  // descending (reversed by Xapian): missing comes last
}

TEST_CASE("value codecs: joined values split back into the same list") {
  const std::vector<std::string> paths = {"/data/a.txt", "/data/b c.html", "/data/日本語.jsonl"};
  CHECK(codec::split_values(codec::join_values(paths)) == paths);
  CHECK(codec::split_values(codec::join_values({})).empty());
  CHECK(codec::split_values(codec::join_values({"one"})) == std::vector<std::string>{"one"});
}
