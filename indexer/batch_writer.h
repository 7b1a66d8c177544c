// The indexer's writing end: routes each document to its shard and commits every
// batch_size documents, each batch one transaction per shard, so an interrupted run
// leaves the index at a batch boundary.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/spelling_words.h"

namespace kaiji {

// The shard a notice id always goes to.
std::size_t shard_of(const std::string& id, std::size_t shards);

struct WriteCounts {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t batches_committed = 0;
};

class BatchWriter {
 public:
  // Called for each shard just before each commit, to store what the batch's documents
  // refer to (the facet dictionary).
  using BeforeCommit = std::function<void(Xapian::WritableDatabase&)>;

  // Opens the first batch. shards must outlive the writer.
  BatchWriter(std::vector<Xapian::WritableDatabase>& shards, std::size_t batch_size, BeforeCommit before_commit = {});

  // Adds the notice with this id, or replaces its old version, and its words to the
  // spelling table (index/spelling_words.h: the old version's words stay).
  void write(const std::string& id, Xapian::Document&& document, const std::vector<std::string>& spelling_words = {});
  // True when the document was there to remove (it may already be gone in this run).
  bool remove(std::size_t shard, Xapian::docid docid);
  // Commits the open batch; with more, opens the next one.
  void commit(bool more);

  const WriteCounts& counts() const { return counts_; }

 private:
  std::vector<Xapian::WritableDatabase>& shards_;
  std::vector<SpellingBatch> spelling_;  // of each shard, added at its commit
  const std::size_t batch_size_;
  const BeforeCommit before_commit_;
  std::size_t in_batch_ = 0;
  WriteCounts counts_;
};

}  // namespace kaiji
