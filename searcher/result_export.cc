#include "result_export.h"

#include "result_output.h"

namespace kaiji {

std::size_t export_all(SearchEngine& engine, SearchRequest request, ExportFormat format, bool bom, std::ostream& out) {
  if (format == ExportFormat::Csv) write_csv_header(out, bom);
  request.limit = kExportPage;
  request.facets = false;
  std::size_t written = 0;
  for (;;) {
    const SearchResponse page = engine.search(request);
    if (format == ExportFormat::Csv) {
      write_csv_rows(out, page);
    } else {
      write_jsonl(out, page);
    }
    written += page.hits.size();
    // The last page: shorter than asked for. (The total is not the test: beyond 10,000
    // matches it is an estimate.)
    if (page.hits.size() < kExportPage) return written;
    request.offset += kExportPage;
  }
}

}  // namespace kaiji
