// The names an index directory is made of, in one place for the indexer that writes them
// and the searcher that reads them (index_store.h tells how they change):
//
//   <index>/XAPIANDB      a Xapian stub database naming the current generation's shards
//   <index>/gen-000003/   a generation: shard-0 … shard-(N-1), glass databases, and
//                         parts/ while a first build or rebuild writes it
//   <index>/kaiji.lock    held by the indexer that is writing (index_lock.h)
//   <index>/kaiji-index   the mark of a directory kaiji made: no other is written into
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaiji::layout {

inline constexpr std::string_view kStubName = "XAPIANDB";
inline constexpr std::string_view kLockName = "kaiji.lock";
inline constexpr std::string_view kMarkerName = "kaiji-index";

std::string stub_path(const std::string& index_dir);
std::string lock_path(const std::string& index_dir);

// gen-000003 for 3, and back; nothing for a name that is not a generation's.
std::string generation_name(int number);
std::optional<int> generation_number(std::string_view name);

// <generation>/shard-<s>, as the stub names it (relative to the index directory).
std::string shard_name(const std::string& generation, std::size_t shard);
// Where a new generation's bulk parts are written.
std::string parts_dir(const std::string& index_dir, const std::string& generation);

// True for a kaiji index directory whose first indexer run has not published anything
// yet: it has the lock file but no stub.
bool is_unfinished_index(const std::string& index_dir);

}  // namespace kaiji::layout
