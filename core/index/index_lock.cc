#include "index/index_lock.h"

#include "base/quoted_name.h"
#include "index/layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string_view>

namespace kaiji {
namespace {

std::string holder_description() {
  char host[256] = "unknown host";
  gethostname(host, sizeof host - 1);
  const std::time_t now = std::time(nullptr);
  char since[32] = "";
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return "kaiji-indexer (pid " + std::to_string(getpid()) + " on " + host + ", since " + since + ")";
}

std::string read_all(int fd) {
  std::string out;
  char buffer[512];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\0')) out.pop_back();
  return out;
}

}  // namespace

IndexLock::IndexLock(const std::string& index_dir) {
  const std::string path = layout::lock_path(index_dir);
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot create lock file " + quoted_name(path) + ": " + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    std::string holder = read_all(fd_);
    close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK) throw std::runtime_error("cannot lock " + quoted_name(path) + ": " + std::strerror(error));
    if (holder.empty()) holder = "another kaiji-indexer";
    throw IndexLockedError("index " + quoted_name(index_dir) + " is locked by " + holder);
  }
  const std::string me = holder_description() + "\n";
  // Only the note for others can fail here; the lock itself is held.
  [[maybe_unused]] const bool noted = ftruncate(fd_, 0) == 0 && pwrite(fd_, me.data(), me.size(), 0) > 0;
}

IndexLock::~IndexLock() {
  if (fd_ < 0) return;
  // Emptied first: a stale description must not outlive the lock.
  [[maybe_unused]] const int emptied = ftruncate(fd_, 0);
  close(fd_);
}

}  // namespace kaiji
