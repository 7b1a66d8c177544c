// The API's JSON: the command line's search JSON (result_output.h) with what a browsing
// front end needs added — paging, timing, facets as ordered arrays of {value, label,
// count, selected}, year and month histograms, the active filters with their labels and
// highlights in UTF-16 code units. The fields are documented in docs/http-api.md and
// checked against docs/http-api.schema.json by the tests.
#pragma once

#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/taxonomy.h"
#include "search_request.h"
#include "search_response.h"

namespace kaiji::server {

nlohmann::ordered_json search_json(const SearchResponse& response, const SearchRequest& request,
                                   const Taxonomy& taxonomy, double took_ms);

// Highlights as [begin, end) in UTF-16 code units of the snippet (JavaScript's string
// indices) rather than code points.
std::vector<std::pair<std::size_t, std::size_t>> utf16_highlights(const Snippet& snippet);

// Every facet with its values and Japanese labels, in the taxonomy's order.
nlohmann::ordered_json taxonomy_json(const Taxonomy& taxonomy);

// The Japanese label of a facet value (a year as 2024年, a month as 2024年6月).
std::string facet_label(const Taxonomy& taxonomy, const std::string& facet, const std::string& value);

}  // namespace kaiji::server
