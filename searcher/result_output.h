// Search results for people (text) and for tools (JSON, JSON Lines, CSV). The field
// names are a contract documented in docs/json-output.md and checked against
// docs/search-output.schema.json by the tests.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "search_response.h"
#include "base/taxonomy.h"

namespace kaiji {

nlohmann::ordered_json response_to_json(const SearchResponse& response);
void write_json(std::ostream& out, const SearchResponse& response);
// One result object per line, nothing else: for pipes.
void write_jsonl(std::ostream& out, const SearchResponse& response);
// RFC 4180 CSV with a header row; bom prefixes a UTF-8 byte-order mark for Excel. Cells
// are safe for spreadsheets (safe_text.h: no control characters, formulas neutralised).
// Without header, only the rows: the pages after the first of a streamed export.
void write_csv(std::ostream& out, const SearchResponse& response, bool bom, bool header = true);

// color: highlights in bold/colour (stdout is a terminal) instead of [brackets].
// Facet values are shown by their Japanese display names from the taxonomy; control
// characters in notice text are made visible (safe_text.h).
void write_text(std::ostream& out, const SearchResponse& response, const Taxonomy& taxonomy, bool color);

// --show: one whole notice.
nlohmann::ordered_json notice_to_json(const Notice& notice);
void write_notice_text(std::ostream& out, const Notice& notice, const Taxonomy& taxonomy);

}  // namespace kaiji
