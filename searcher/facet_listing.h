// --list-facets: the taxonomy as the index holds it. Every facet with every value the
// taxonomy lists (slug, Japanese name, and for causes the family), and how many notices
// of the index have it; years and labels as the index has them.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/taxonomy.h"
#include "search_response.h"

namespace kaiji {

struct ListedValue {
  std::string slug;
  std::string name;                   // Japanese display name (the value itself for years and labels)
  std::optional<std::string> family;  // causes: their family, none for cross-cutting ones
  std::size_t count = 0;              // notices in the index with the value
};

struct ListedFacet {
  std::string facet;
  std::vector<ListedValue> values;  // taxonomy order; years newest first, labels most frequent first
};

// counted: the facet counts over every notice of the index (a browse with facets).
std::vector<ListedFacet> list_facets(const std::vector<FacetCounts>& counted, const Taxonomy& taxonomy);

void write_facet_list_text(std::ostream& out, const std::vector<ListedFacet>& facets, std::size_t notices);
// docs/json-output.md, docs/facet-list.schema.json.
nlohmann::ordered_json facet_list_json(const std::vector<ListedFacet>& facets, std::size_t notices);

}  // namespace kaiji
