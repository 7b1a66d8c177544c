#include "engine_pool.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "database_opening.h"
#include "index/layout.h"

namespace kaiji::server {

struct EnginePool::Slot {
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<SearchEngine> engine;
  std::string generation;  // generation_mark() when the engine was opened
};

EnginePool::EnginePool(const std::vector<std::string>& db_paths, const AnalysisOptions& analysis,
                       const Taxonomy& taxonomy, std::size_t count)
    : db_paths_(db_paths), taxonomy_(taxonomy) {
  for (std::size_t k = 0; k < count; ++k) {
    auto slot = std::make_unique<Slot>();
    slot->analyzer = std::make_unique<Analyzer>(analysis);
    slot->generation = generation_mark();
    slot->engine = std::make_unique<SearchEngine>(db_paths_, *slot->analyzer, taxonomy_);
    free_.push_back(slot.get());
    slots_.push_back(std::move(slot));
  }
}

EnginePool::~EnginePool() = default;

EnginePool::Lease::~Lease() {
  if (pool_) pool_->release(*slot_);
}

SearchEngine& EnginePool::Lease::engine() { return *slot_->engine; }

std::optional<EnginePool::Lease> EnginePool::acquire(std::chrono::milliseconds wait) {
  Slot* slot = nullptr;
  {
    std::unique_lock lock(mutex_);
    if (!freed_.wait_for(lock, wait, [&] { return !free_.empty(); })) return std::nullopt;
    slot = free_.back();
    free_.pop_back();
  }
  Lease lease(*this, *slot);
  bring_up_to_date(*slot);
  return lease;
}

void EnginePool::release(Slot& slot) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(&slot);
  }
  freed_.notify_one();
}

std::string EnginePool::generation_mark() const {
  std::string mark;
  for (const std::string& path : db_paths_) {
    if (is_remote(path)) continue;
    std::error_code ignored;
    const std::string stub = std::filesystem::is_directory(path, ignored) ? layout::stub_path(path) : path;
    std::ifstream in(stub, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    mark += bytes.str() + '\0';
  }
  return mark;
}

void EnginePool::bring_up_to_date(Slot& slot) {
  const std::string generation = generation_mark();
  if (generation == slot.generation) {
    try {
      slot.engine->refresh();
      return;
    } catch (const Xapian::Error& e) {
      // The revision it had open is gone (a generation removed under it): open again.
    }
  }
  try {
    slot.engine = std::make_unique<SearchEngine>(db_paths_, *slot.analyzer, taxonomy_);
    slot.generation = generation;
  } catch (const std::exception& e) {
    // Mid-switch or damaged: keep answering from what is open, and try again next time.
    std::cerr << "kaiji-server: could not open the index again (still serving the previous version): " << e.what()
              << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-server: could not open the index again (still serving the previous version): "
              << e.get_description() << '\n';
  }
}

}  // namespace kaiji::server
