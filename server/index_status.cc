#include "index_status.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "database_opening.h"
#include "index/index_store.h"
#include "index/layout.h"

namespace kaiji::server {
namespace fs = std::filesystem;

namespace {

std::string iso_utc(fs::file_time_type when) {
  const auto system = std::chrono::file_clock::to_sys(when);
  const std::time_t seconds = std::chrono::system_clock::to_time_t(system);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

IndexStatus index_status(const std::vector<std::string>& db_paths) {
  IndexStatus status;
  std::optional<fs::file_time_type> newest;
  for (const std::string& path : db_paths) {
    std::error_code error;
    if (is_remote(path) || !fs::is_directory(path, error)) continue;
    const std::vector<std::string> shards = stub_shards(layout::stub_path(path));
    if (shards.empty()) continue;
    status.generations.push_back(fs::path(shards.front()).parent_path().filename().string());
    for (const std::string& shard : shards) {
      const fs::path dir = fs::path(shard).is_absolute() ? fs::path(shard) : fs::path(path) / shard;
      for (const fs::directory_entry& file : fs::directory_iterator(dir, error)) {
        const fs::file_time_type written = file.last_write_time(error);
        if (!error && (!newest || written > *newest)) newest = written;
      }
    }
  }
  if (newest) status.last_commit = iso_utc(*newest);
  return status;
}

}  // namespace kaiji::server
