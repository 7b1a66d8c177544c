// The indexer's first pass: read every input once, find each notice's duplicate group
// and a hash of what each group would be indexed as, without keeping the notices
// themselves beyond a memory budget. The second pass (indexing_run.cc) reads again only
// the files whose groups changed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/read_problem.h"
#include "input_files.h"
#include "reading/notice_reader.h"

namespace kaiji {

struct ScannedFile {
  std::string path;           // as given (or found in a given directory); "-" is stdin
  std::string absolute_path;  // for the index's bookkeeping; empty for stdin
  std::size_t notices = 0;
  std::size_t posts_not_notices = 0;  // blog posts that are not notices, skipped
  std::size_t bytes = 0;
  bool read = false;          // false when it could not be read at all
  bool skipped = false;       // nothing usable in it (or unreadable): its indexed notices stay
  bool changed = false;       // changed between the scan and the second pass (notice_feed.h)
  std::optional<std::vector<Notice>> cached;  // kept while within the memory budget
};

struct ScannedNotice {
  std::size_t file = 0;        // index into Scan::files
  std::size_t group = 0;       // duplicate group, numbered in order of first appearance
  std::uint64_t copy_hash = 0; // hash of everything read for this copy
};

struct Scan {
  std::vector<ScannedFile> files;
  std::vector<ScannedNotice> notices;  // in reading order
  std::vector<std::uint64_t> group_hashes;  // per group: its copies' hashes and the analysis
  std::vector<std::size_t> group_sizes;
  // Per group: its body's content fingerprint (0 if none) and the id its input gave
  // ("" if none), to tell it is a notice the index already holds from an unread file.
  std::vector<std::uint64_t> group_fingerprints;
  std::vector<std::string> group_given_ids;
  std::vector<ReadProblem> problems;
  std::size_t files_skipped = 0;  // unreadable, empty, binary, or without any notice
  std::size_t max_file_bytes = 0;  // as scanned, for the second pass
};

// Reads one input (a path, or "-" for stdin; at most max_file_bytes of it) into notices;
// problems are appended.
std::optional<NoticeFile> read_input(const std::string& path, std::vector<ReadProblem>& problems,
                                     std::size_t max_file_bytes);

// Hash of one copy as read (all its fields), and of a group's copies plus `analysis`, a
// hash of everything else that shapes the indexed document (dictionary, rules).
std::uint64_t copy_hash(const Notice& notice);

// Files are scanned by `threads` threads; index_dir (the index being written) is never
// read, even inside an input folder. on_file(files done, files in all, notices so
// far) is called after each file, for progress reporting, one call at a time.
using ScanProgress = std::function<void(std::size_t, std::size_t, std::size_t)>;
Scan scan_inputs(const std::vector<std::string>& inputs, std::uint64_t analysis, std::size_t cache_budget_bytes,
                 std::size_t threads, const ScanProgress& on_file, std::size_t max_file_bytes = kDefaultMaxFileBytes,
                 const std::string& index_dir = {});

}  // namespace kaiji
