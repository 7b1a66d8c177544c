// Turns the indexer's INPUT arguments into a list of files: files as given, directories
// walked recursively in sorted order (so runs are reproducible), problems reported.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/read_problem.h"

namespace kaiji {

struct InputFiles {
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;  // unreadable paths, loops, missing inputs
  std::size_t refused = 0;            // FIFOs, devices and sockets: never read
  std::filesystem::path index_dir;    // canonical; skipped by the walk
};

// index_dir, the index being written, is never read as input, even inside an input folder.
InputFiles collect_input_files(const std::vector<std::string>& inputs, const std::string& index_dir = {});

// The default bound on one input's size: the largest real dump is about 320 MB.
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{512} << 20;

// The whole file (its first max_bytes, with a warning, when it is larger), or nothing
// with a problem recorded; anything but a regular file is refused.
std::optional<std::string> read_whole_file(const std::string& path, std::vector<ReadProblem>& problems,
                                           std::size_t max_bytes = kDefaultMaxFileBytes);
// All of an open stream (standard input) up to max_bytes, the same way; `name` names it
// in problems.
std::optional<std::string> read_stream(int fd, const std::string& name, std::vector<ReadProblem>& problems,
                                       std::size_t max_bytes);

}  // namespace kaiji
