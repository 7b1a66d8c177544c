// Running a benchmarked program: wall time, CPU time and peak RSS (from wait4) of one process.
#pragma once

#include <string>
#include <vector>

namespace kaiji::bench {

struct ProcessStats {
  int exit_code = -1;
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // user + system time of the process and its threads
  long peak_rss_kb = 0;
};

// argv[0] is the program's path. stdin_path / stdout_path redirect (empty: stdin from
// /dev/null, stdout to /dev/null); stderr is kept.
ProcessStats run_process(const std::vector<std::string>& argv, const std::string& stdin_path = "",
                         const std::string& stdout_path = "");

}  // namespace kaiji::bench
