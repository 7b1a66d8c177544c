// The writing end for a generation nobody can see yet (a first index or a --rebuild):
// documents are spread over `parts` writer threads, each with its own Xapian databases,
// and merged into the generation's shards by Xapian's compactor at the end.
//
// Why: one Xapian writer spends a few microseconds per posting, as much as MeCab spends
// on the text, so a single writing thread was the bottleneck however many threads
// analysed. Parts are written without fsync (an interrupted run discards them anyway)
// and only ever appended to; the compacted result is smaller and faster to search than
// what incremental writing leaves behind.
//
// Document k goes to part k % parts and the parts are merged in order, so every run
// writes the same index. A run that resumes an interrupted one (resumed_parts.h) keeps
// the parts that run committed and merges them first.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "index/spelling_words.h"
#include "resumed_parts.h"

namespace kaiji {

class BulkWriter {
 public:
  // Called for each part database just before each commit, to store what its documents
  // refer to (the facet dictionary).
  using BeforeCommit = std::function<void(Xapian::WritableDatabase&)>;

  // parts_dir is created (what an interrupted run left in it is checked and kept) and,
  // after finish(), removed. If the run stops before that, the parts stay for the next
  // run to resume. shard_paths are the databases finish() creates; each notice goes to
  // shard_of(id, shard_paths.size()).
  BulkWriter(std::string parts_dir, std::vector<std::string> shard_paths, std::size_t parts, std::size_t batch_size,
             BeforeCommit before_commit = {});
  ~BulkWriter();
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  // Called in document order from one thread. Blocks while that part is behind.
  // spelling_words go to the shard's spelling table (index/spelling_words.h), added up
  // over the parts at finish().
  void write(const std::string& id, Xapian::Document&& document, std::vector<std::string> spelling_words = {});
  // Waits for the parts, then compacts them into the shard databases.
  void finish();

  std::size_t written() const { return written_; }
  // What an interrupted run committed, merged before this run's parts.
  ResumedParts& resumed() { return resumed_; }

 private:
  struct Queued {
    std::size_t shard = 0;
    Xapian::Document document;
    std::vector<std::string> spelling_words;
  };
  struct Part {
    std::vector<Xapian::WritableDatabase> shards;
    std::vector<SpellingBatch> spelling;  // of each shard, added at its commit
    std::deque<Queued> queue;
    std::condition_variable queued;  // its thread waits here for a document (or closing)
    std::jthread thread;
  };
  void run_part(Part& part);
  // Commits every shard of the part; the spelling words wait for finish() (unless there
  // are many), so an interrupted build's parts lack most of them (they only serve
  // spelling suggestions; --rebuild writes them afresh).
  void commit(Part& part);
  // Adds the parts' spelling words for shard to its compacted database.
  void add_spelling_words(std::size_t shard);
  void rethrow_if_failed();
  void wake_all();

  const std::string parts_dir_;
  const std::vector<std::string> shard_paths_;
  const std::size_t batch_size_;
  const BeforeCommit before_commit_;
  ResumedParts resumed_;
  std::vector<std::unique_ptr<Part>> parts_;
  std::size_t written_ = 0;

  std::mutex mutex_;
  std::condition_variable taken_;  // write() waits here for room in a part's queue
  bool closing_ = false;
  std::exception_ptr error_;
};

}  // namespace kaiji
