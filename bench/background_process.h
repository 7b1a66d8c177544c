// A server a benchmark starts and stops: its own process with stdout to a file, stopped
// by its pid (never by name), and stopped on destruction if the benchmark fails first.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kaiji::bench {

class BackgroundProcess {
 public:
  // argv[0] is the program (looked up on PATH); stdin is /dev/null, stderr is kept.
  BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& stdout_path);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  // Waits at most `patience` for it to exit by itself; its exit code, or -1 (still running
  // or ended by a signal).
  int wait_for(std::chrono::milliseconds patience);
  // SIGTERM, then waits (SIGKILL after `grace`); its exit code, -1 when a signal ended it.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int exit_code_ = -1;
};

// A TCP port on 127.0.0.1 free just now (for a server that cannot take port 0 itself).
int free_loopback_port();

}  // namespace kaiji::bench
