// One run of the indexer. Incremental by default:
//   1. scan: read every input, group duplicates, hash each group (input_scan.h);
//   2. a group whose hash is already in the index is unchanged and not touched;
//   3. changed and new groups are read again, analysed in parallel and written in
//      order, committed every `batch_size` notices inside a Xapian transaction, so an
//      interrupted run leaves the last batch boundary searchable;
//   4. notices that a re-read file no longer contains are removed, and with --prune so
//      are notices whose files are all gone;
//   5. the run is published: committed, or, for --rebuild, switched to atomically
//      (index_store.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "base/read_problem.h"
#include "input_files.h"

namespace kaiji {

struct IndexingOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // files, directories, or "-" for standard input
  AnalysisOptions analysis;
  bool rebuild = false;
  bool prune = false;
  std::size_t shards = 0;           // 0: keep the index's count (1 for a new index)
  std::size_t batch_size = 1000;    // notices per committed transaction
  std::size_t threads = 0;          // analysis threads; 0: one per core
  bool progress = false;            // live progress line on stderr
  std::size_t max_file_bytes = kDefaultMaxFileBytes;  // one input is read this far, with a warning
  bool compact = false;             // compact the index after updating it (compaction.h)
  double compact_ratio = 2.0;       // compact on its own past this × its compacted size; 0: never
};

struct CompactionReport {
  bool done = false;
  bool automatic = false;           // due by --compact-ratio, not asked for
  std::size_t bytes_at_last = 0;    // its notices compacted, as estimated from the last compaction (0: not known)
  std::size_t bytes_before = 0;
  std::size_t bytes_after = 0;
};

struct IndexingReport {
  std::size_t files_read = 0;
  std::size_t files_skipped = 0;
  std::size_t files_changed = 0;  // between the two passes; indexed as far as they still read the same
  std::size_t notices_read = 0;
  std::size_t posts_not_notices = 0;  // blog posts read and skipped: not breach notices
  std::size_t duplicates_merged = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t resumed = 0;   // in the parts an interrupted first run or rebuild committed (counted in added)
  std::size_t kept = 0;      // of unread files, copied into a new generation from the current one (counted in added)
  std::size_t removed = 0;   // no longer in their re-read file
  std::size_t pruned = 0;    // their files are gone (--prune)
  std::size_t batches_committed = 0;
  std::size_t documents_in_index = 0;
  // False when the run found nothing to write and left the index as it was (a new
  // generation is published only with notices in it).
  bool published = true;
  std::size_t input_bytes = 0;
  double seconds = 0;
  // Where the time went: reading and comparing the input, analysing and writing the
  // notices, and finishing (merging a new generation's parts, or committing an update,
  // then publishing).
  double reading_seconds = 0;
  double writing_seconds = 0;
  double finishing_seconds = 0;
  std::vector<ReadProblem> problems;
  CompactionReport compaction;
  bool compaction_only = false;  // --compact without inputs: nothing was read
};

// Throws std::runtime_error (IndexLockedError when another indexer is writing) or a
// Xapian::Error on fatal errors. Input problems are reported, not thrown.
IndexingReport run_indexing(const IndexingOptions& options);

}  // namespace kaiji
