// The live progress line of a long indexing run, on stderr, only when stderr is a
// terminal (never in pipes or CI logs) and not silenced with --quiet:
//   kaiji-indexer: scanning 412/1000 files · 41,200 notices · 0:12
//   kaiji-indexer: indexing 35,000/100,000 notices · 1,204/s · 0:29 · ETA 0:54
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace kaiji {

class Progress {
 public:
  // enabled = false gives a reporter that prints nothing.
  explicit Progress(bool enabled);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // True when stderr is a terminal.
  static bool stderr_is_terminal();

  void scanning(std::size_t files_done, std::size_t files_total, std::size_t notices) {
    files_done_ = files_done;
    files_total_ = files_total;
    notices_seen_ = notices;
  }
  void start_writing(std::size_t to_write) {
    to_write_ = to_write;
    writing_started_ = std::chrono::steady_clock::now();
    writing_ = true;
  }
  void written(std::size_t n) { written_ = n; }

 private:
  void run(std::stop_token stop);
  void print_line();

  const bool enabled_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point writing_started_;
  std::atomic<std::size_t> files_done_{0}, files_total_{0}, notices_seen_{0}, to_write_{0}, written_{0};
  std::atomic<bool> writing_{false};
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace kaiji
