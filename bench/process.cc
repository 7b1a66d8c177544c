#include "process.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace kaiji::bench {

ProcessStats run_process(const std::vector<std::string>& argv, const std::string& stdin_path,
                         const std::string& stdout_path) {
  std::cout.flush();  // the child must not inherit (and print again) buffered output
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (!freopen(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), "r", stdin)) _exit(127);
    if (!freopen(stdout_path.empty() ? "/dev/null" : stdout_path.c_str(), "w", stdout)) _exit(127);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ProcessStats stats;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  stats.peak_rss_kb = usage.ru_maxrss;
  const auto seconds_of = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  stats.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  return stats;
}

}  // namespace kaiji::bench
