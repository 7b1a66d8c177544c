// The facet counting slots and codes: what the builder writes, the searcher reads back.
#include <doctest/doctest.h>

#include <set>

#include "index/facet_codes.h"
#include "index/facet_slots.h"

using namespace kaiji;

namespace {

FacetValues sample() {
  FacetValues v;
  v[facet_index("cause")] = {"ransomware", "contractor", "ransomware"};
  v[facet_index("cause_family")] = {"cyber"};
  v[facet_index("sector")] = {"finance"};
  v[facet_index("year")] = {"2024"};
  v[facet_index("data")] = {"name", "address"};
  v[facet_index("outcome")] = {"leaked"};
  return v;
}

}  // namespace

TEST_CASE("facet slots: every stored value comes back with its facet, once, derived facets not stored") {
  std::multiset<std::pair<std::size_t, std::string>> back;
  for (const auto& [slot, value] : encode_facet_slots(sample())) {
    for (const auto& [field, v] : decode_facet_slot(slot, value)) back.emplace(field, std::string(v));
  }
  const std::multiset<std::pair<std::size_t, std::string>> expected = {
      {facet_index("cause"), "contractor"}, {facet_index("cause"), "ransomware"}, {facet_index("sector"), "finance"},
      {facet_index("year"), "2024"},        {facet_index("data"), "address"},    {facet_index("data"), "name"},
      {facet_index("outcome"), "leaked"}};
  CHECK(back == expected);
  CHECK(facet_index("cause_family") < kFacetFieldCount);
  CHECK(facet_index("nonsense") == kFacetFieldCount);
}

TEST_CASE("facet slots: a missing facet in a shared slot does not shift the others") {
  FacetValues v;
  v[facet_index("sector")] = {"government"};
  v[facet_index("outcome")] = {"possible"};  // no year between them
  const auto slots = encode_facet_slots(v);
  const auto values = decode_facet_slot(schema::kSingleFacetsSlot, slots.at(schema::kSingleFacetsSlot));
  REQUIRE(values.size() == 2);
  CHECK(values[0] == std::pair<std::size_t, std::string_view>{facet_index("sector"), "government"});
  CHECK(values[1] == std::pair<std::size_t, std::string_view>{facet_index("outcome"), "possible"});
}

TEST_CASE("facet codes: a document's codes come back in order, and damage is reported") {
  const std::vector<std::uint32_t> codes = {0, 5, 127, 128, 300, 70000};
  std::vector<std::uint32_t> back;
  CHECK(for_each_facet_code(encode_facet_codes(codes), [&](std::uint32_t c) { back.push_back(c); }));
  CHECK(back == codes);
  std::string cut = encode_facet_codes({300});
  cut.pop_back();
  CHECK_FALSE(for_each_facet_code(cut, [](std::uint32_t) {}));
}
