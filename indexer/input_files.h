// Turns the indexer's INPUT arguments into a list of files: files as given, directories
// walked recursively in sorted order (so runs are reproducible), problems reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/read_problem.h"

namespace kaiji {

struct InputFiles {
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;  // unreadable paths, loops, missing inputs
};

InputFiles collect_input_files(const std::vector<std::string>& inputs);

// The whole file, or nothing with a problem recorded.
std::optional<std::string> read_whole_file(const std::string& path, std::vector<ReadProblem>& problems);

}  // namespace kaiji
