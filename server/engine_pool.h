// The server's search engines: one per worker, each with its own Analyzer (Xapian
// databases and MeCab taggers are not shared between threads), so memory is bounded by
// the worker count. A request leases one for as long as it runs; before the lease, the
// engine moves to the index's newest commit, or is opened again on a new generation the
// indexer published, so the server follows the indexer without a restart.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "base/taxonomy.h"
#include "search_engine.h"

namespace kaiji::server {

class EnginePool {
  struct Slot;

 public:
  // Opens `count` engines on db_paths. Throws what opening an index throws.
  EnginePool(const std::vector<std::string>& db_paths, const AnalysisOptions& analysis, const Taxonomy& taxonomy,
             std::size_t count);
  ~EnginePool();

  // One engine, the pool's until the lease ends.
  class Lease {
   public:
    Lease(EnginePool& pool, Slot& slot) : pool_(&pool), slot_(&slot) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.pool_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    SearchEngine& engine();

   private:
    EnginePool* pool_;
    Slot* slot_;
  };

  // A free engine, up to date with the index; nothing when none came free within wait.
  std::optional<Lease> acquire(std::chrono::milliseconds wait);

  std::size_t size() const { return slots_.size(); }
  const std::vector<std::string>& db_paths() const { return db_paths_; }

 private:
  // What names the index's current generation (its stub files' bytes): a change means
  // the engine must open the index again.
  std::string generation_mark() const;
  // Brings a leased slot's engine to the newest commit or generation.
  void bring_up_to_date(Slot& slot);
  void release(Slot& slot);

  std::vector<std::string> db_paths_;
  const Taxonomy& taxonomy_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<Slot*> free_;
};

}  // namespace kaiji::server
