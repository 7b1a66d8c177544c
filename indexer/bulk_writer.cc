#include "bulk_writer.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "batch_writer.h"
#include "index/spelling_words.h"

namespace kaiji {
namespace fs = std::filesystem;

namespace {
// Documents waiting for one part's thread; enough to ride out a commit.
constexpr std::size_t kQueuedPerPart = 64;
// A part keeps its notices' spelling words for finish(), which adds every part's words
// to the compacted shard at once; only a part that holds this many distinct words (about
// 20 MB) adds them to its own database at its next commit, for the compactor to merge.
// Why: Xapian rewrites a spelling fragment's whole word list for every database it is
// written to, and the compactor merges the lists again; the parts share most words.
constexpr std::size_t kSpellingWordsPerFlush = 200000;
}  // namespace

BulkWriter::BulkWriter(std::string parts_dir, std::vector<std::string> shard_paths, std::size_t parts,
                       std::size_t batch_size, BeforeCommit before_commit)
    : parts_dir_(std::move(parts_dir)), shard_paths_(std::move(shard_paths)),
      batch_size_(std::max<std::size_t>(batch_size, 1)), before_commit_(std::move(before_commit)),
      resumed_(parts_dir_, shard_paths_.size()) {
  const std::string run = std::to_string(resumed_.next_run());
  for (std::size_t p = 0; p < std::max<std::size_t>(parts, 1); ++p) {
    auto part = std::make_unique<Part>();
    for (std::size_t s = 0; s < shard_paths_.size(); ++s) {
      const fs::path path =
          fs::path(parts_dir_) / ("part-" + run + "-" + std::to_string(p) + "-shard-" + std::to_string(s));
      fs::create_directories(path);
      // No fsync: a part only matters once finish() has compacted it, and the
      // compacted shards are synced.
      part->shards.emplace_back(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    }
    part->spelling.resize(shard_paths_.size());
    parts_.push_back(std::move(part));
  }
  for (auto& part : parts_) part->thread = std::jthread([this, p = part.get()] { run_part(*p); });
}

BulkWriter::~BulkWriter() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
    if (!error_) error_ = std::make_exception_ptr(std::runtime_error("indexing stopped"));
  }
  wake_all();
  for (auto& part : parts_) {
    if (part->thread.joinable()) part->thread.join();
  }
  parts_.clear();  // what they committed stays, for the next run to resume
}

void BulkWriter::wake_all() {
  taken_.notify_all();
  for (auto& part : parts_) part->queued.notify_all();
}

void BulkWriter::rethrow_if_failed() {
  if (error_) std::rethrow_exception(error_);
}

void BulkWriter::write(const std::string& id, Xapian::Document&& document, std::vector<std::string> spelling_words) {
  Part& part = *parts_[written_ % parts_.size()];
  {
    std::unique_lock lock(mutex_);
    taken_.wait(lock, [&] { return error_ || part.queue.size() < kQueuedPerPart; });
    rethrow_if_failed();
    part.queue.push_back({shard_of(id, shard_paths_.size()), std::move(document), std::move(spelling_words)});
    ++written_;
  }
  part.queued.notify_one();
}

void BulkWriter::commit(Part& part) {
  for (std::size_t s = 0; s < part.shards.size(); ++s) {
    if (part.spelling[s].size() >= kSpellingWordsPerFlush) part.spelling[s].flush(part.shards[s]);
    if (before_commit_) before_commit_(part.shards[s]);
    part.shards[s].commit();
  }
}

void BulkWriter::run_part(Part& part) {
  std::size_t since_commit = 0;
  try {
    while (true) {
      Queued next;
      {
        std::unique_lock lock(mutex_);
        part.queued.wait(lock, [&] { return error_ || closing_ || !part.queue.empty(); });
        if (error_) return;
        if (part.queue.empty()) break;  // closing, and all written
        next = std::move(part.queue.front());
        part.queue.pop_front();
      }
      taken_.notify_one();  // only write() waits for room
      // Every id occurs once in a run (duplicates were merged), so nothing is replaced.
      part.shards[next.shard].add_document(next.document);
      part.spelling[next.shard].add(next.spelling_words);
      // Small batches keep Xapian's in-memory posting maps small, which is faster
      // than large ones; without fsync a commit is cheap.
      if (++since_commit == batch_size_) {
        commit(part);
        since_commit = 0;
      }
    }
    commit(part);
  } catch (...) {
    {
      const std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    wake_all();
  }
}

void BulkWriter::add_spelling_words(std::size_t shard) {
  SpellingBatch words;
  for (auto& part : parts_) words.merge(std::move(part->spelling[shard]));
  if (words.size() == 0) return;
  Xapian::WritableDatabase db(shard_paths_[shard], Xapian::DB_OPEN);
  words.flush(db);
  db.commit();
}

void BulkWriter::finish() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_all();
  for (auto& part : parts_) part->thread.join();
  rethrow_if_failed();
  // Each shard is compacted on its own thread, as many at once as the parts were
  // written: compaction runs on one core, and the part writers are done.
  std::atomic<std::size_t> next_shard = 0;
  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto compact_shards = [&] {
    try {
      for (std::size_t s = next_shard++; s < shard_paths_.size(); s = next_shard++) {
        Xapian::Database all;
        for (auto& set : resumed_.sets()) all.add_database(set[s]);
        for (auto& part : parts_) all.add_database(part->shards[s]);
        fs::remove_all(shard_paths_[s]);
        // FULL packs the B-tree blocks fully: a smaller index that searches faster.
        all.compact(shard_paths_[s], Xapian::Compactor::FULL);
        add_spelling_words(s);
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next_shard = shard_paths_.size();  // the others stop after their current shard
    }
  };
  {
    const std::size_t threads = std::min(parts_.size(), shard_paths_.size());
    std::vector<std::jthread> helpers;  // this thread is one of them
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(compact_shards);
    compact_shards();
  }
  if (failure) std::rethrow_exception(failure);
  parts_.clear();
  resumed_.sets().clear();
  fs::remove_all(parts_dir_);
}

}  // namespace kaiji
