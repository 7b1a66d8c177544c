// /api/v1/export.csv and .jsonl: every match of a search, streamed page by page from one
// leased engine, in the command line's CSV (safe for spreadsheets) or JSON Lines.
#pragma once

#include <httplib.h>

#include "engine_pool.h"
#include "search_request.h"

namespace kaiji::server {

enum class ExportFormat { Csv, Jsonl };

// Searches the first page at once (so a bad query is still a JSON error), then streams
// the rest as the client reads it. The lease is held until the last page is written.
void stream_export(httplib::Response& res, EnginePool::Lease&& lease, SearchRequest request, ExportFormat format,
                   bool bom);

}  // namespace kaiji::server
