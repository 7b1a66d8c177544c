#include "compaction.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "base/quoted_name.h"
#include "index/layout.h"

namespace kaiji {

void compact_if_due(IndexStore& store, bool asked, double ratio, IndexingReport& report) {
  const std::size_t now = store.shard_bytes();
  const std::size_t compacted = store.compacted_bytes();
  const bool due = ratio > 0 && compacted != 0 && static_cast<double>(now) > ratio * static_cast<double>(compacted);
  if (!asked && !due) return;
  report.compaction.done = true;
  report.compaction.automatic = !asked;
  report.compaction.bytes_before = now;
  report.compaction.bytes_at_last = compacted;
  report.compaction.bytes_after = store.compact();
}

IndexingReport run_compaction(const IndexingOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  // Checked before IndexStore, which would make a missing directory an empty index.
  if (!std::filesystem::exists(options.db_path) || stub_shards(layout::stub_path(options.db_path)).empty()) {
    throw std::runtime_error("index " + quoted_name(options.db_path) + " has no published version to compact");
  }
  IndexStore store(options.db_path, options.shards, false);
  IndexingReport report;
  report.compaction_only = true;
  compact_if_due(store, true, 0, report);
  for (Xapian::WritableDatabase& shard : store.shards()) report.documents_in_index += shard.get_doccount();
  report.seconds = report.finishing_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace kaiji
