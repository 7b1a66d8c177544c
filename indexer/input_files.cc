#include "input_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

namespace kaiji {
namespace fs = std::filesystem;

namespace {

void walk(const fs::path& dir, std::set<fs::path>& visited, InputFiles& out) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    out.problems.push_back({dir.string(), 0, "cannot open directory: " + ec.message()});
    return;
  }
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
    }
  }
}

}  // namespace

InputFiles collect_input_files(const std::vector<std::string>& inputs) {
  InputFiles out;
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
    } else {
      out.files.push_back(input);
    }
  }
  return out;
}

std::optional<std::string> read_whole_file(const std::string& path, std::vector<ReadProblem>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec(errno, std::generic_category());
    problems.push_back({path, 0, "cannot read: " + ec.message()});
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    problems.push_back({path, 0, "read error"});
    return std::nullopt;
  }
  return std::move(content).str();
}

}  // namespace kaiji
