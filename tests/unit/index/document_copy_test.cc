// A document copied into another index keeps every term, position, value and its data,
// and its facet codes mean the same values in the other index's dictionary.
#include <doctest/doctest.h>

#include "index/document_copy.h"
#include "index/facet_codes.h"
#include "index/schema.h"

using namespace kaiji;

namespace {

std::vector<std::string> decoded(const std::string& stored, const FacetDictionary& dictionary) {
  std::vector<std::string> values;
  const bool whole = for_each_facet_code(stored, [&](std::uint32_t code) {
    values.push_back(std::to_string(dictionary.value(code).field) + ":" + dictionary.value(code).value);
  });
  CHECK(whole);
  return values;
}

}  // namespace

TEST_CASE("recode_facet_codes: codes of one dictionary become the same values' codes in another") {
  FacetDictionary from;
  const std::vector<std::uint32_t> codes = {from.code(0, "ransomware"), from.code(1, "2024"), from.code(0, "insider")};
  FacetDictionary to;
  to.code(1, "2023");  // another index numbers its values differently
  to.code(0, "insider");
  const std::string stored = encode_facet_codes(codes);
  const std::optional<std::string> recoded = recode_facet_codes(stored, from, to);
  REQUIRE(recoded);
  CHECK(*recoded != stored);
  CHECK(decoded(*recoded, to) == decoded(stored, from));
  CHECK(to.size() == 4);  // ransomware and 2024 were added
}

TEST_CASE("recode_facet_codes: damaged codes or codes the dictionary lacks are refused") {
  FacetDictionary from;
  from.code(0, "insider");
  FacetDictionary to;
  CHECK_FALSE(recode_facet_codes(encode_facet_codes({7}), from, to));
  CHECK_FALSE(recode_facet_codes(std::string(1, '\x80'), from, to));  // a varint cut short
  CHECK(recode_facet_codes("", from, to) == std::string());
}

TEST_CASE("copy_document: terms with positions, values and data are kept; facet codes re-encoded") {
  FacetDictionary from;
  FacetDictionary to;
  to.code(2, "elsewhere");
  Xapian::Document source;
  source.add_posting("漏えい", 3);
  source.add_posting("漏えい", 9);
  source.add_term("Y2024", 2);
  source.add_value(schema::kIdSlot, "2024-1-abc");
  source.add_value(schema::kFacetCodesSlot, encode_facet_codes({from.code(0, "insider")}));
  source.set_data("data");
  const std::optional<Xapian::Document> copy = copy_document(source, from, to);
  REQUIRE(copy);
  std::vector<std::string> terms;
  for (auto t = copy->termlist_begin(); t != copy->termlist_end(); ++t) {
    std::string term = *t + "/" + std::to_string(t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) term += "@" + std::to_string(*p);
    terms.push_back(term);
  }
  CHECK(terms == std::vector<std::string>{"Y2024/2", "漏えい/2@3@9"});
  CHECK(copy->get_value(schema::kIdSlot) == "2024-1-abc");
  CHECK(copy->get_data() == "data");
  CHECK(decoded(copy->get_value(schema::kFacetCodesSlot), to) == std::vector<std::string>{"0:insider"});
  CHECK(copy->get_value(schema::kFacetCodesSlot) == encode_facet_codes({1}));
}
