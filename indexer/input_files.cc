#include "input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>

namespace kaiji {
namespace fs = std::filesystem;

namespace {

// Only regular files are read: a FIFO would block the run and a device (/dev/zero) never ends.
const char* kind_of(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    default: return "not a file";
  }
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a directory";
  return "not a file";
}

void walk(const fs::path& dir, std::set<fs::path>& visited, InputFiles& out) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    out.problems.push_back({dir.string(), 0, "cannot open directory: " + ec.message()});
    return;
  }
  if (canonical == out.index_dir) return;  // the index being written, inside an input folder
  if (!visited.insert(canonical).second) {
    out.problems.push_back({dir.string(), 0, "directory already visited (symlink loop?), skipped"});
    return;
  }
  std::vector<fs::path> entries;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.problems.push_back({dir.string(), 0, "cannot list directory: " + ec.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.problems.push_back({dir.string(), 0, "cannot list directory: " + ec.message()});
      break;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    if (entry.filename().string().starts_with(".")) continue;  // hidden files and editor droppings
    const fs::file_status status = fs::status(entry, ec);
    if (ec) {
      out.problems.push_back({entry.string(), 0, "cannot stat: " + ec.message()});
    } else if (fs::is_directory(status)) {
      walk(entry, visited, out);
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(entry.string());
    } else if (fs::is_symlink(fs::symlink_status(entry, ec)) && !fs::exists(status)) {
      out.problems.push_back({entry.string(), 0, "broken symbolic link (or a link loop), skipped"});
    } else {
      out.problems.push_back({entry.string(), 0, "not a regular file (" + std::string(kind_of(status)) + "), skipped"});
      ++out.refused;
    }
  }
}

}  // namespace

InputFiles collect_input_files(const std::vector<std::string>& inputs, const std::string& index_dir) {
  InputFiles out;
  std::error_code ec;
  if (!index_dir.empty()) out.index_dir = fs::weakly_canonical(index_dir, ec);
  std::set<fs::path> visited;
  for (const std::string& input : inputs) {
    if (input == "-") {  // standard input
      out.files.push_back(input);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (fs::is_symlink(fs::symlink_status(input, ec)) && !fs::exists(status)) {
      out.problems.push_back({input, 0, "broken symbolic link (or a link loop), skipped"});
    } else if (ec || !fs::exists(status)) {
      out.problems.push_back({input, 0, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk(input, visited, out);
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(input);
    } else {
      out.problems.push_back({input, 0, "not a regular file (" + std::string(kind_of(status)) + "), skipped"});
      ++out.refused;
    }
  }
  return out;
}

std::optional<std::string> read_whole_file(const std::string& path, std::vector<ReadProblem>& problems,
                                           std::size_t max_bytes) {
  // Not blocking: a FIFO put where a file was must not hang the run (it is refused below).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    problems.push_back({path, 0, "cannot read: " + std::error_code(errno, std::generic_category()).message()});
    return std::nullopt;
  }
  struct stat status {};
  std::optional<std::string> content;
  if (::fstat(fd, &status) != 0) {
    problems.push_back({path, 0, "cannot read: " + std::error_code(errno, std::generic_category()).message()});
  } else if (!S_ISREG(status.st_mode)) {
    problems.push_back({path, 0, "not a regular file (" + std::string(kind_of(status.st_mode)) + "), skipped"});
  } else {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    content = read_stream(fd, path, problems, max_bytes);
  }
  ::close(fd);
  return content;
}

std::optional<std::string> read_stream(int fd, const std::string& name, std::vector<ReadProblem>& problems,
                                       std::size_t max_bytes) {
  std::string content;
  char buffer[1 << 16];
  while (true) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - content.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      problems.push_back({name, 0, "read error: " + std::error_code(errno, std::generic_category()).message()});
      return std::nullopt;
    }
    if (got == 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
    if (content.size() > max_bytes) {
      content.resize(max_bytes);
      problems.push_back({name, 0, "larger than --max-file-size (" + std::to_string(max_bytes) + " bytes): only the first " +
                                       std::to_string(max_bytes) + " bytes were read"});
      break;
    }
  }
  return content;
}

}  // namespace kaiji
