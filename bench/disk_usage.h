// Disk space a directory really takes: allocated blocks, as du counts them. Apparent
// file sizes would overstate databases that preallocate sparse files (Groonga does).
#pragma once

#include <cstdint>
#include <filesystem>

namespace kaiji::bench {

std::uintmax_t allocated_bytes(const std::filesystem::path& dir);

}  // namespace kaiji::bench
