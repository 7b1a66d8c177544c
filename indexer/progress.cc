#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace kaiji {
namespace {

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds);
  char out[32];
  if (s >= 3600) {
    std::snprintf(out, sizeof out, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(out, sizeof out, "%ld:%02ld", s / 60, s % 60);
  }
  return out;
}

// 1234567 → "1,234,567"
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

}  // namespace

bool Progress::stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(bool enabled) : enabled_(enabled) {
  if (enabled_) thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

Progress::~Progress() {
  if (!enabled_) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void Progress::run(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    wake_.wait_for(lock, stop, std::chrono::milliseconds(250), [] { return false; });
    if (!stop.stop_requested()) print_line();
  }
}

void Progress::print_line() {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  std::string line = "kaiji-indexer: ";
  if (!writing_) {
    line += "scanning " + grouped(files_done_) + "/" + grouped(files_total_) + " files · " + grouped(notices_seen_) +
            " notices · " + clock_text(elapsed);
  } else {
    const double writing = std::chrono::duration<double>(now - writing_started_).count();
    const std::size_t done = written_;
    const std::size_t total = to_write_;
    const double rate = writing > 0 ? static_cast<double>(done) / writing : 0;
    line += "indexing " + grouped(done) + "/" + grouped(total) + " notices · " +
            grouped(static_cast<std::size_t>(rate)) + "/s · " + clock_text(elapsed);
    if (rate > 0 && total > done) line += " · ETA " + clock_text(static_cast<double>(total - done) / rate);
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
}

}  // namespace kaiji
