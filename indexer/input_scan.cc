#include "input_scan.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include <xxhash.h>

#include "reading/dedupe.h"
#include "input_files.h"
#include "index/notice_record.h"
#include "index/schema.h"

namespace kaiji {

std::optional<NoticeFile> read_input(const std::string& path, std::vector<ReadProblem>& problems,
                                     std::size_t max_file_bytes) {
  std::optional<std::string> bytes;
  if (path == "-") {
    bytes = read_stream(STDIN_FILENO, path, problems, max_file_bytes);
  } else {
    bytes = read_whole_file(path, problems, max_file_bytes);
  }
  if (!bytes) return std::nullopt;
  NoticeFile file = read_notice_file(*bytes, path);
  for (ReadProblem& p : file.read.problems) problems.push_back(std::move(p));
  file.read.problems.clear();
  return file;
}

std::uint64_t copy_hash(const Notice& notice) {
  const std::string serialised = encode_notice(notice);
  return XXH3_64bits(serialised.data(), serialised.size());
}

namespace {

// What scanning one file found, before the files are put together in order.
struct FileScan {
  ScannedFile file;
  std::vector<DuplicateKey> keys;
  std::vector<std::uint64_t> copy_hashes;
  std::vector<ReadProblem> problems;
  bool skipped = false;
};

// A body past the part indexed with word positions (schema.h), said once per notice.
ReadProblem long_body_warning(const std::string& path, const Notice& notice) {
  const auto megabytes = [](std::size_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20) + " MB"; };
  return {path, 0, "notice " + notice.id + " has a body of " + megabytes(notice.body.size()) +
                       ": only its first " + megabytes(schema::kMaxPositionedBodyBytes) +
                       " is indexed with word positions (phrases, NEAR and snippets use that part; its other " +
                       "words are found as words)"};
}

FileScan scan_file(const std::string& path, std::atomic<std::size_t>& cached_bytes, std::size_t cache_budget_bytes,
                   std::size_t max_file_bytes) {
  FileScan out;
  out.file.path = path;
  if (path != "-") {
    std::error_code ec;
    out.file.absolute_path = std::filesystem::absolute(path, ec).lexically_normal().string();
  }
  std::optional<NoticeFile> read = read_input(path, out.problems, max_file_bytes);
  if (!read) {
    out.skipped = out.file.skipped = true;
    return out;
  }
  out.file.read = true;
  out.skipped = out.file.skipped = read->skipped;
  out.file.notices = read->read.notices.size();
  out.file.posts_not_notices = read->read.posts_not_notices;
  for (const Notice& n : read->read.notices) {
    out.file.bytes += n.body.size();
    if (n.body.size() > schema::kMaxPositionedBodyBytes) out.problems.push_back(long_body_warning(path, n));
    out.keys.push_back(duplicate_key(n));
    out.copy_hashes.push_back(copy_hash(n));
  }
  // Standard input cannot be read twice, so it is always kept.
  const std::size_t bytes = out.file.bytes;
  if (path == "-" || cached_bytes.fetch_add(bytes) + bytes <= cache_budget_bytes) {
    out.file.cached = std::move(read->read.notices);
  } else {
    cached_bytes.fetch_sub(bytes);
  }
  return out;
}

}  // namespace

Scan scan_inputs(const std::vector<std::string>& inputs, std::uint64_t analysis, std::size_t cache_budget_bytes,
                 std::size_t threads, const ScanProgress& on_file, std::size_t max_file_bytes,
                 const std::string& index_dir) {
  Scan scan;
  scan.max_file_bytes = max_file_bytes;
  InputFiles found = collect_input_files(inputs, index_dir);
  scan.problems = std::move(found.problems);
  scan.files_skipped = found.refused;

  // Files are read, decoded, parsed and fingerprinted on every core, then put together
  // in input order, so the result does not depend on which thread read what.
  std::vector<FileScan> per_file(found.files.size());
  std::atomic<std::size_t> next{0}, done{0}, notices{0}, cached_bytes{0};
  std::mutex progress_mutex;
  {
    std::vector<std::jthread> workers;
    for (std::size_t t = 0; t < std::max<std::size_t>(threads, 1); ++t) {
      workers.emplace_back([&] {
        for (std::size_t k; (k = next++) < found.files.size();) {
          per_file[k] = scan_file(found.files[k], cached_bytes, cache_budget_bytes, max_file_bytes);
          notices += per_file[k].keys.size();
          const std::size_t finished = ++done;
          if (on_file) {
            const std::lock_guard lock(progress_mutex);
            on_file(finished, found.files.size(), notices);
          }
        }
      });
    }
  }

  std::vector<DuplicateKey> keys;
  for (FileScan& f : per_file) {
    for (ReadProblem& p : f.problems) scan.problems.push_back(std::move(p));
    if (f.skipped) ++scan.files_skipped;
    for (std::size_t k = 0; k < f.keys.size(); ++k) {
      keys.push_back(std::move(f.keys[k]));
      scan.notices.push_back({scan.files.size(), 0, f.copy_hashes[k]});
    }
    scan.files.push_back(std::move(f.file));
  }

  const std::vector<std::size_t> groups = duplicate_groups(keys);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    scan.notices[i].group = groups[i];
    if (groups[i] == scan.group_sizes.size()) {
      scan.group_sizes.push_back(0);
      scan.group_hashes.push_back(analysis);
      scan.group_fingerprints.push_back(0);
      scan.group_given_ids.emplace_back();
    }
    if (scan.group_fingerprints[groups[i]] == 0) scan.group_fingerprints[groups[i]] = keys[i].fingerprint;
    if (keys[i].id_given) scan.group_given_ids[groups[i]] = keys[i].id;
    ++scan.group_sizes[groups[i]];
    // Chained: the group's hash covers its copies in reading order.
    const std::uint64_t both[2] = {scan.group_hashes[groups[i]], scan.notices[i].copy_hash};
    scan.group_hashes[groups[i]] = XXH3_64bits(both, sizeof both);
  }
  return scan;
}

}  // namespace kaiji
