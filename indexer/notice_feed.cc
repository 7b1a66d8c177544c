#include "notice_feed.h"

#include <optional>
#include <set>
#include <unordered_map>

#include "reading/dedupe.h"

namespace kaiji {
namespace {

// The notices of a file as scanned, position by position: from the cache, or read again.
// When the file changed since the scan (a dump being appended to, an edited notice), each
// notice the scan read that the file still holds unchanged is taken, the others are left
// out (nullopt), and the file is marked changed.
std::vector<std::optional<Notice>> notices_again(ScannedFile& file, const Scan& scan, std::size_t first,
                                                 IndexingReport& report) {
  std::vector<std::optional<Notice>> out(file.notices);
  if (file.cached) {
    for (std::size_t k = 0; k < file.notices; ++k) out[k] = std::move((*file.cached)[k]);
    file.cached.reset();
    return out;
  }
  std::vector<ReadProblem> ignored;  // already reported by the scan
  std::optional<NoticeFile> read = read_input(file.path, ignored, scan.max_file_bytes);
  std::vector<Notice> now = read ? std::move(read->read.notices) : std::vector<Notice>();
  std::unordered_multimap<std::uint64_t, std::size_t> by_hash;  // copy hash → position in `now`
  for (std::size_t i = 0; i < now.size(); ++i) by_hash.emplace(copy_hash(now[i]), i);
  std::size_t found = 0;
  for (std::size_t k = 0; k < file.notices; ++k) {
    const auto it = by_hash.find(scan.notices[first + k].copy_hash);
    if (it == by_hash.end()) continue;
    out[k] = std::move(now[it->second]);
    by_hash.erase(it);
    ++found;
  }
  if (found == file.notices && now.size() == file.notices) return out;
  file.changed = true;
  std::string message = "changed while being indexed: ";
  if (found == file.notices) {
    message += "its " + std::to_string(found) + " notice(s) as first read were indexed";
  } else {
    message += std::to_string(found) + " of its " + std::to_string(file.notices) +
               " notice(s) as first read were indexed, the others no longer read the same";
  }
  report.problems.push_back({file.path, 0, message + "; run the indexer again to index it as it is now"});
  return out;
}

}  // namespace

void feed_notices(Scan& scan, const WritePlan& plan, AnalysisPipeline& pipeline, IndexingReport& report) {
  struct Pending {
    std::vector<Notice> copies;
    std::set<std::string> files;
  };
  std::unordered_map<std::size_t, Pending> pending;
  const auto emit = [&](Notice&& notice, std::size_t group, std::set<std::string>&& files) {
    files.erase(std::string());  // standard input has no file
    pipeline.push({std::move(notice), scan.group_hashes[group], {files.begin(), files.end()}, {}});
  };
  std::size_t first = 0;  // index of the file's first notice in scan.notices
  for (ScannedFile& file : scan.files) {
    const std::size_t begin = first;
    first += file.notices;
    bool needed = false;
    for (std::size_t i = begin; i < first && !needed; ++i) needed = plan.to_write[scan.notices[i].group];
    if (!needed) continue;
    std::vector<std::optional<Notice>> notices = notices_again(file, scan, begin, report);
    for (std::size_t k = 0; k < notices.size(); ++k) {
      const std::size_t group = scan.notices[begin + k].group;
      if (!plan.to_write[group] || !notices[k]) continue;
      if (scan.group_sizes[group] == 1) {
        emit(std::move(*notices[k]), group, {file.absolute_path});
        continue;
      }
      Pending& p = pending[group];
      p.copies.push_back(std::move(*notices[k]));
      p.files.insert(file.absolute_path);
      if (p.copies.size() == scan.group_sizes[group]) {
        emit(merge_copies(std::move(p.copies)), group, std::move(p.files));
        pending.erase(group);
      }
    }
  }
  // Groups left incomplete because a file changed under us: what was read of them.
  for (auto& [group, p] : pending) emit(merge_copies(std::move(p.copies)), group, std::move(p.files));
}

}  // namespace kaiji
