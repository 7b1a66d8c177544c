// What an interrupted first build or --rebuild left behind, made usable again: the part
// databases it had committed (bulk_writer.h) are checked, damaged or incomplete ones are
// removed, and the rest are kept, so the next run writes only the notices not in them.
//
// Why this is safe: a part only ever holds committed revisions (Xapian drops what was not
// committed, the unfinished tail); each document carries its version (bookkeeping.h), so
// a document whose notice has changed since, or is gone, is found and deleted; and each
// part commit stores the facet dictionary its documents' codes refer to.
//
// Parts are named part-<run>-<thread>-shard-<s>; a set is one run's thread's shards.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace kaiji {

class ResumedParts {
 public:
  // Finds the part sets under parts_dir that have all `shards` shards and pass Xapian's
  // check; removes every other entry of parts_dir.
  ResumedParts(const std::string& parts_dir, std::size_t shards);

  // The run number the parts of this run take (one past every kept set's).
  std::size_t next_run() const { return next_run_; }
  bool holds(const std::string& term) const;
  // The longest value of a metadata key among the kept parts (the facet dictionary only
  // grows, so the longest holds every code).
  std::string longest_metadata(const std::string& key) const;
  // Deletes the documents whose version is not in current_versions; returns how many
  // documents the kept parts still hold.
  std::size_t keep_only(const std::unordered_set<std::string>& current_versions);

  // The kept sets, each with one database per shard.
  std::vector<std::vector<Xapian::WritableDatabase>>& sets() { return sets_; }

 private:
  std::vector<std::vector<Xapian::WritableDatabase>> sets_;
  std::size_t next_run_ = 0;
};

}  // namespace kaiji
