#include "disk_usage.h"

#include <sys/stat.h>

namespace kaiji::bench {

std::uintmax_t allocated_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    struct stat info {};
    if (entry.is_regular_file() && stat(entry.path().c_str(), &info) == 0) {
      total += static_cast<std::uintmax_t>(info.st_blocks) * 512;  // st_blocks counts 512-byte units
    }
  }
  return total;
}

}  // namespace kaiji::bench
