#include "export_stream.h"

#include <memory>
#include <sstream>

#include "result_output.h"

namespace kaiji::server {
namespace {

constexpr std::size_t kPageSize = 500;

struct ExportState {
  EnginePool::Lease lease;
  SearchRequest request;
  ExportFormat format;
  bool bom;
  std::string pending;  // the next bytes to send
  bool last = false;    // pending is the end

  // Searches the page at request.offset into pending.
  void next_page() {
    const SearchResponse page = lease.engine().search(request);
    std::ostringstream out;
    if (format == ExportFormat::Csv) {
      write_csv(out, page, bom && request.offset == 0, request.offset == 0);
    } else {
      write_jsonl(out, page);
    }
    pending = out.str();
    request.offset += page.hits.size();
    last = page.hits.size() < request.limit || request.offset >= page.total;
  }
};

}  // namespace

void stream_export(httplib::Response& res, EnginePool::Lease&& lease, SearchRequest request, ExportFormat format,
                   bool bom) {
  request.offset = 0;
  request.limit = kPageSize;
  request.facets = false;
  request.months = false;
  auto state = std::make_shared<ExportState>(ExportState{std::move(lease), std::move(request), format, bom, {}, false});
  state->next_page();
  const bool csv = format == ExportFormat::Csv;
  res.set_header("Content-Disposition", csv ? "attachment; filename=\"kaiji-export.csv\""
                                            : "attachment; filename=\"kaiji-export.jsonl\"");
  res.set_chunked_content_provider(
      csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      [state](std::size_t, httplib::DataSink& sink) {
        try {
          if (!state->pending.empty() && !sink.write(state->pending.data(), state->pending.size())) return false;
          state->pending.clear();
          if (state->last) {
            sink.done();
          } else {
            state->next_page();
          }
          return true;
        } catch (...) {
          return false;  // the headers are sent: all that is left is to cut the stream short
        }
      });
}

}  // namespace kaiji::server
