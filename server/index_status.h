// What /api/v1/stats tells of the index files themselves: the generation the stub names
// and when the index was last committed to.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kaiji::server {

struct IndexStatus {
  std::vector<std::string> generations;  // per local index: gen-000003 (empty for tcp://)
  std::optional<std::string> last_commit;  // ISO 8601 UTC, of the newest shard file
};

IndexStatus index_status(const std::vector<std::string>& db_paths);

}  // namespace kaiji::server
