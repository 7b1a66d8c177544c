// Compaction of an index updated in place (issue 21: incremental updates grew a 173 MB
// index to 566 MB). Xapian's B-trees, updated in place, leave blocks partly full; its
// compactor writes them full. A compacted copy becomes a new generation, published by
// the stub's rename like a rebuild's (index_store.h), so searchers never see it half-made.
//
// Every compacted generation (a first run, a --rebuild, a --compact) records its size and
// notice count. An incremental run compacts when asked (--compact) or when the index has
// grown past `ratio` times what its notices would take compacted, at that size per notice
// (--compact-ratio; 0 never): updates in place bloat it, new notices alone do not. An
// index from before the size was recorded takes its size at the next run as the mark.
#pragma once

#include "index/index_store.h"
#include "indexing_run.h"

namespace kaiji {

// After an incremental run has published: compacts when asked or due, saying so in report.
void compact_if_due(IndexStore& store, bool asked, double ratio, IndexingReport& report);

// kaiji-indexer --compact without inputs: compacts the index. Throws std::runtime_error
// when there is no published index to compact.
IndexingReport run_compaction(const IndexingOptions& options);

}  // namespace kaiji
