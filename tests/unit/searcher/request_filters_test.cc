// Filters beside the query: which facets filter, months, and errors that say what is valid.
#include <doctest/doctest.h>

#include <algorithm>

#include "request_filters.h"

namespace kaiji {
namespace {

const Taxonomy& taxonomy() {
  static const Taxonomy loaded = Taxonomy::load(std::string(KAIJI_SOURCE_DIR) + "/dict/taxonomy.tsv");
  return loaded;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("request filters: the query language's filter fields and month filter; text fields do not") {
  const std::vector<std::string> facets = filter_facets();
  CHECK(contains(facets, "sector"));
  CHECK(contains(facets, "month"));
  CHECK_FALSE(contains(facets, "title"));
  CHECK_THROWS_AS(RequestFilters({{"title", {"x"}}}, taxonomy()), FilterError);
}

TEST_CASE("request filters: a facet given twice is one OR; apply_except lifts one facet") {
  const RequestFilters filters({{"sector", {"finance"}}, {"cause", {"ransomware"}}, {"sector", {"retail"}}}, taxonomy());
  CHECK(filters.facets() == std::vector<std::string>{"cause", "sector"});
  CHECK(filters.has("sector"));
  const Xapian::Query all = filters.apply(Xapian::Query::MatchAll);
  const Xapian::Query lifted = filters.apply_except(Xapian::Query::MatchAll, "sector");
  CHECK(all.get_description() != lifted.get_description());
  CHECK(lifted.get_description().find("ransomware") != std::string::npos);
  CHECK(lifted.get_description().find("finance") == std::string::npos);
  CHECK(all.get_description().find("finance") != std::string::npos);
  CHECK(all.get_description().find("retail") != std::string::npos);
  CHECK(RequestFilters({}, taxonomy()).empty());
}

TEST_CASE("request filters: errors name the facet and what it accepts") {
  try {
    RequestFilters({{"sector", {"bogus"}}}, taxonomy());
    FAIL("no error");
  } catch (const FilterError& e) {
    CHECK(e.facet() == "sector");
    CHECK(contains(e.valid(), "finance"));
  }
  try {
    RequestFilters({{"colour", {"red"}}}, taxonomy());
    FAIL("no error");
  } catch (const FilterError& e) {
    CHECK(contains(e.valid(), "cause"));
  }
  CHECK_NOTHROW(RequestFilters({{"month", {"2024-02"}}}, taxonomy()));
  for (const char* bad : {"2024-13", "2024-2", "24-02", "2024/02"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(RequestFilters({{"month", {bad}}}, taxonomy()), FilterError);
  }
}

}  // namespace kaiji
