// What every reader returns: the notices it found in one input, and the problems it met
// on the way (each naming the input and, where it can, the line), so one bad record is
// reported and skipped while the rest of the input is still indexed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/notice.h"

namespace kaiji {

struct ReadProblem {
  std::string source;
  std::size_t line = 0;  // 1-based; 0 when the problem is not tied to a line
  std::string message;
};

struct ReadResult {
  std::vector<Notice> notices;
  std::vector<ReadProblem> problems;
  std::size_t posts_not_notices = 0;  // blog posts skipped because they are not notices
};

}  // namespace kaiji
