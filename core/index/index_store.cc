#include "index/index_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "base/quoted_name.h"
#include "index/layout.h"
#include "index/schema.h"

namespace kaiji {
namespace fs = std::filesystem;

namespace {

// What refusing a Xapian database as an index directory should say: a kaiji shard is
// named for what it is, with the --db that would be right.
std::string not_an_index_directory(const fs::path& dir) {
  const fs::path generation = fs::absolute(dir).lexically_normal().parent_path();
  const fs::path index = generation.parent_path();
  if (layout::generation_number(generation.filename().string()) &&
      (fs::exists(index / layout::kMarkerName) || fs::exists(index / layout::kLockName))) {
    return quoted_name(dir.string()) + " is a shard of the kaiji index " + quoted_name(index.string()) +
           ", not an index directory; give --db " + quoted_name(index.string());
  }
  return quoted_name(dir.string()) + " is a Xapian database, not a kaiji index directory; give an empty or new directory";
}

// Creates dir if needed and refuses directories kaiji did not make, so a mistyped --db
// never writes into (or later cleans up) someone's files. kaiji marks the directories
// it makes (layout::kMarkerName); an index made before the mark existed is known by its
// lock file and adopted.
std::string prepare_dir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir)) throw std::runtime_error("cannot create index directory " + quoted_name(dir) + (ec ? ": " + ec.message() : ""));
  if (fs::exists(fs::path(dir) / "iamglass")) throw std::runtime_error(not_an_index_directory(dir));
  bool empty = true;
  bool marked = false;
  bool locked = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    empty = false;
    const std::string name = entry.path().filename().string();
    marked = marked || name == layout::kMarkerName;
    locked = locked || name == layout::kLockName;
  }
  if (!empty && !marked && !locked) {
    throw std::runtime_error(quoted_name(dir) + " exists and is not a kaiji index (kaiji-indexer did not make it); give an empty or new directory");
  }
  if (!marked) {
    std::ofstream mark(fs::path(dir) / layout::kMarkerName);
    mark << "kaiji index: made by kaiji-indexer; its files are its own\n";
    if (!mark.flush()) throw std::runtime_error("cannot write in " + quoted_name(dir));
  }
  return dir;
}

std::size_t directory_bytes(const std::string& dir) {
  std::size_t bytes = 0;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  }
  return bytes;
}

void fsync_path(const std::string& path, int flags) {
  const int fd = open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  [[maybe_unused]] const int synced = fsync(fd);
  close(fd);
}

}  // namespace

std::vector<std::string> stub_shards(const std::string& stub_path) {
  std::vector<std::string> shards;
  std::ifstream in(stub_path);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("glass ")) shards.push_back(line.substr(6));
  }
  return shards;
}

IndexStore::IndexStore(const std::string& dir, std::size_t shards, bool rebuild)
    : dir_(dir), lock_(prepare_dir(dir)) {
  const std::vector<std::string> current = stub_shards(layout::stub_path(dir_));
  const std::string current_generation = current.empty() ? "" : current.front().substr(0, current.front().find('/'));
  if (shards == 0) shards = current.empty() ? 1 : current.size();
  if (!current.empty() && shards != current.size() && !rebuild) {
    throw std::runtime_error("index " + quoted_name(dir_) + " has " + std::to_string(current.size()) + " shard(s); add --rebuild to " +
                             "rewrite it with " + std::to_string(shards));
  }

  // Generations other than the current one and the one before it are left over from
  // an interrupted first run or rebuild, or are too old for any searcher to still use.
  // The newest unfinished one is kept when this run writes a new generation: it resumes
  // it (the indexer's resumed_parts.h).
  std::vector<int> generations;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
    if (const auto n = layout::generation_number(entry.path().filename().string())) generations.push_back(*n);
  }
  std::sort(generations.begin(), generations.end());
  const int current_number = layout::generation_number(current_generation).value_or(-1);
  const bool new_generation = current.empty() || rebuild;
  int previous = -1;
  int unfinished = -1;
  for (const int n : generations) {
    if (n < current_number) previous = n;
    if (n > current_number && fs::is_directory(layout::parts_dir(dir_, layout::generation_name(n)))) unfinished = n;
  }
  if (!new_generation) unfinished = -1;
  for (const int n : generations) {
    if (n != current_number && n != previous && n != unfinished) {
      fs::remove_all(fs::path(dir_) / layout::generation_name(n));
    }
  }

  if (new_generation) {
    // A new generation, written in bulk (bulk_writer.h) and published whole at the end.
    resuming_ = unfinished >= 0;
    generation_ = layout::generation_name(resuming_ ? unfinished : (generations.empty() ? 0 : generations.back()) + 1);
    fs::create_directories(fs::path(dir_) / generation_);
    for (std::size_t s = 0; s < shards; ++s) shard_paths_.push_back(dir_ + "/" + layout::shard_name(generation_, s));
    rebuilding_ = true;
  } else {
    generation_ = current_generation;
    for (const std::string& shard : current) {
      shard_paths_.push_back(dir_ + "/" + shard);
      shards_.emplace_back(shard_paths_.back(), Xapian::DB_OPEN);
    }
  }
}

std::string IndexStore::parts_dir() const { return layout::parts_dir(dir_, generation_); }

void IndexStore::open_written_shards() {
  shards_.clear();
  for (const std::string& path : shard_paths_) shards_.emplace_back(path, Xapian::DB_OPEN);
}

std::size_t IndexStore::current_document_count() const {
  if (!rebuilding_) {
    std::size_t count = 0;
    for (const Xapian::WritableDatabase& shard : shards_) count += shard.get_doccount();
    return count;
  }
  if (stub_shards(layout::stub_path(dir_)).empty()) return 0;
  return Xapian::Database(layout::stub_path(dir_)).get_doccount();
}

void IndexStore::write_stub() const {
  const std::string stub = layout::stub_path(dir_);
  const std::string temporary = stub + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (std::size_t s = 0; s < shard_paths_.size(); ++s) out << "glass " << layout::shard_name(generation_, s) << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + quoted_name(temporary));
  }
  fsync_path(temporary, O_RDONLY);
  fs::rename(temporary, stub);  // atomic: searchers see the old stub or the new one
  fsync_path(dir_, O_RDONLY | O_DIRECTORY);
}

void IndexStore::publish() {
  for (Xapian::WritableDatabase& shard : shards_) shard.commit();
  if (!rebuilding_) return;
  if (shards_.size() != shard_paths_.size()) throw std::logic_error("publish() before the new shards were written");
  write_stub();
  rebuilding_ = false;
}

std::size_t IndexStore::shard_bytes() const {
  std::size_t bytes = 0;
  for (const std::string& path : shard_paths_) bytes += directory_bytes(path);
  return bytes;
}

std::size_t IndexStore::compacted_bytes() const {
  double bytes = 0;
  for (const Xapian::WritableDatabase& shard : shards_) {
    // "<bytes> <notices>" when it was compacted.
    const std::string recorded = shard.get_metadata(schema::kCompactedBytesMetadataKey);
    const char* const last = recorded.data() + recorded.size();
    std::size_t then_bytes = 0;
    std::size_t then_notices = 0;
    const auto [space, error] = std::from_chars(recorded.data(), last, then_bytes);
    if (error != std::errc() || space == last || *space != ' ') return 0;
    const auto [end, error2] = std::from_chars(space + 1, last, then_notices);
    if (error2 != std::errc() || end != last) return 0;
    // As many notices now, compacted, would take about as much per notice as then.
    const double scale = then_notices == 0 ? 1.0 : static_cast<double>(shard.get_doccount()) / then_notices;
    bytes += static_cast<double>(then_bytes) * std::max(scale, 1.0 / 64);
  }
  return static_cast<std::size_t>(bytes);
}

void IndexStore::record_compacted_size() {
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    shards_[s].set_metadata(schema::kCompactedBytesMetadataKey, std::to_string(directory_bytes(shard_paths_[s])) +
                                                                    " " + std::to_string(shards_[s].get_doccount()));
  }
}

std::size_t IndexStore::compact() {
  if (rebuilding_ || shards_.empty()) throw std::logic_error("compact() needs a published generation");
  for (Xapian::WritableDatabase& shard : shards_) shard.commit();
  int newest = layout::generation_number(generation_).value_or(0);
  for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
    newest = std::max(newest, layout::generation_number(entry.path().filename().string()).value_or(0));
  }
  const std::string compacted = layout::generation_name(newest + 1);
  fs::create_directories(fs::path(dir_) / compacted);
  std::vector<std::string> compacted_paths;
  for (std::size_t s = 0; s < shard_paths_.size(); ++s) {
    compacted_paths.push_back(dir_ + "/" + layout::shard_name(compacted, s));
    Xapian::Database(shard_paths_[s]).compact(compacted_paths.back(), Xapian::Compactor::FULL);
  }
  shards_.clear();
  generation_ = compacted;
  shard_paths_ = std::move(compacted_paths);
  for (const std::string& path : shard_paths_) shards_.emplace_back(path, Xapian::DB_OPEN);
  record_compacted_size();
  for (Xapian::WritableDatabase& shard : shards_) shard.commit();
  write_stub();
  return shard_bytes();
}

}  // namespace kaiji
