#include "input_scan.h"

#include <filesystem>
#include <iostream>
#include <iterator>

#include <xxhash.h>

#include "dedupe.h"
#include "input_files.h"
#include "notice_json.h"

namespace kaiji {

std::optional<NoticeFile> read_input(const std::string& path, std::vector<ReadProblem>& problems) {
  std::optional<std::string> bytes;
  if (path == "-") {
    bytes = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    bytes = read_whole_file(path, problems);
  }
  if (!bytes) return std::nullopt;
  NoticeFile file = read_notice_file(*bytes, path);
  for (ReadProblem& p : file.read.problems) problems.push_back(std::move(p));
  file.read.problems.clear();
  return file;
}

std::uint64_t copy_hash(const Notice& notice) {
  const std::string serialised = to_json(notice).dump();
  return XXH3_64bits(serialised.data(), serialised.size());
}

Scan scan_inputs(const std::vector<std::string>& inputs, std::uint64_t analysis, std::size_t cache_budget_bytes,
                 const ScanProgress& on_file) {
  Scan scan;
  InputFiles found = collect_input_files(inputs);
  scan.problems = std::move(found.problems);
  std::vector<DuplicateKey> keys;
  std::size_t cached_bytes = 0;
  for (const std::string& path : found.files) {
    ScannedFile file;
    file.path = path;
    if (path != "-") {
      std::error_code ec;
      file.absolute_path = std::filesystem::absolute(path, ec).lexically_normal().string();
    }
    std::optional<NoticeFile> read = read_input(path, scan.problems);
    if (read) {
      file.read = true;
      file.notices = read->read.notices.size();
      std::size_t bytes = 0;
      for (const Notice& n : read->read.notices) {
        bytes += n.body.size();
        keys.push_back(duplicate_key(n));
        scan.notices.push_back({scan.files.size(), 0, copy_hash(n)});
      }
      file.bytes = bytes;
      // Standard input cannot be read twice, so it is always kept.
      if (path == "-" || cached_bytes + bytes <= cache_budget_bytes) {
        cached_bytes += bytes;
        file.cached = std::move(read->read.notices);
      }
      if (read->skipped) ++scan.files_skipped;
    } else {
      ++scan.files_skipped;
    }
    scan.files.push_back(std::move(file));
    if (on_file) on_file(scan.files.size(), found.files.size(), scan.notices.size());
  }

  const std::vector<std::size_t> groups = duplicate_groups(keys);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    scan.notices[i].group = groups[i];
    if (groups[i] == scan.group_sizes.size()) {
      scan.group_sizes.push_back(0);
      scan.group_hashes.push_back(analysis);
    }
    ++scan.group_sizes[groups[i]];
    // Chained: the group's hash covers its copies in reading order.
    const std::uint64_t both[2] = {scan.group_hashes[groups[i]], scan.notices[i].copy_hash};
    scan.group_hashes[groups[i]] = XXH3_64bits(both, sizeof both);
  }
  return scan;
}

}  // namespace kaiji
