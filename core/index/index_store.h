// How a new version of an index becomes visible at once (the names are in layout.h).
//
// Updates in place leave a shard larger than a compacted one (Xapian's B-trees fill
// their blocks partly); compact() writes the current generation compacted into a new one
// and publishes it like a rebuild's.
//
// Searchers open <index> as any Xapian database: Xapian reads the stub and searches all
// shards as one. Incremental runs write into the current generation, committing in
// batches. A first run and a rebuild write a new generation (in bulk, bulk_writer.h) and
// then write the stub by rename(), which is atomic: a searcher opens either the old
// complete index (or none) or the new complete one, never a partial one. The previous
// generation is kept until the next rebuild, so searchers that opened it before the
// switch can finish. A new generation left unfinished (the run was killed) is taken up
// again by the next first run or rebuild, and removed by an incremental run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/index_lock.h"

namespace kaiji {

class IndexStore {
 public:
  // Opens (creating it if missing) the index at dir and takes its lock. shards is the
  // number of shard databases a new index gets; 0 means "as the index has, or 1".
  // Throws IndexLockedError when another indexer holds the lock, std::runtime_error when
  // dir is not a kaiji index or asks for a different shard count than it has.
  IndexStore(const std::string& dir, std::size_t shards, bool rebuild);

  std::size_t shard_count() const { return shard_paths_.size(); }
  // True when this run writes a new generation (a first run, or --rebuild): its shards
  // are written in bulk into shard_paths(), then opened with open_written_shards().
  bool rebuilding() const { return rebuilding_; }
  const std::vector<std::string>& shard_paths() const { return shard_paths_; }
  // True when the new generation is one an interrupted run left unfinished: its parts
  // directory holds what that run committed.
  bool resuming() const { return resuming_; }
  // Where the new generation's bulk parts go while it is written.
  std::string parts_dir() const;
  void open_written_shards();
  // The open shard databases: the current generation's for an incremental run, the
  // new generation's after open_written_shards().
  std::vector<Xapian::WritableDatabase>& shards() { return shards_; }

  // Notices in the current generation, as searchers see it (0 when there is none yet).
  std::size_t current_document_count() const;

  // Commits every shard and, for a new generation, makes it the current one.
  void publish();

  // On disk, for compaction: the shards' bytes now, and what they would take compacted,
  // estimated per notice from their size and notice count at the last compaction (0 when
  // not known: an index made before kaiji recorded it). So an index that grows because
  // notices are added is not taken for one bloated by updates in place.
  std::size_t shard_bytes() const;
  std::size_t compacted_bytes() const;
  // Records the shards' size and notice count as compacted (a new generation was just
  // compacted into them); before publish().
  void record_compacted_size();
  // Compacts the current, published generation (Xapian's compactor, each shard on its
  // own) into a new generation and publishes it, as a rebuild's; the generation it
  // replaces is kept for the searchers that have it open. Returns the new size in bytes.
  std::size_t compact();

  const std::string& dir() const { return dir_; }

 private:
  void write_stub() const;

  std::string dir_;
  IndexLock lock_;
  std::vector<std::string> shard_paths_;
  std::vector<Xapian::WritableDatabase> shards_;
  std::string generation_;  // the generation being written (gen-NNNNNN)
  bool rebuilding_ = false;
  bool resuming_ = false;
};

// The generation directories named by a stub file, in order.
std::vector<std::string> stub_shards(const std::string& stub_path);

}  // namespace kaiji
