// --limit all with --jsonl or --csv: every match, written as it is found, a page at a
// time, so memory stays bounded by the page whatever the number of matches.
#pragma once

#include <cstddef>
#include <ostream>

#include "search_engine.h"
#include "search_request.h"

namespace kaiji {

enum class ExportFormat { Jsonl, Csv };

// Notices fetched, ranked and written per page of an export.
inline constexpr std::size_t kExportPage = 1000;

// Writes every match of request (from request.offset on; its limit is ignored) in the
// request's order. Returns how many were written. Throws what SearchEngine::search throws.
std::size_t export_all(SearchEngine& engine, SearchRequest request, ExportFormat format, bool bom, std::ostream& out);

}  // namespace kaiji
