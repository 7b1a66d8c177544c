// Search results for people (text) and for tools (JSON). The JSON field names are a
// contract documented in docs/json-output.md; change them only with a version bump.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "search_engine.h"

namespace kaiji {

nlohmann::ordered_json response_to_json(const SearchResponse& response);
void write_json(std::ostream& out, const SearchResponse& response);

// color: highlights in bold/colour (stdout is a terminal) instead of [brackets].
// Facet values are shown by their Japanese display names from the taxonomy.
void write_text(std::ostream& out, const SearchResponse& response, const Taxonomy& taxonomy, bool color);

}  // namespace kaiji
