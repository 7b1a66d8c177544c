// What follows from the files each indexed notice came from (their bookkeeping terms are
// in index/bookkeeping.h): the removal of notices a re-read file no longer holds, and
// --prune of notices whose files are all gone.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "batch_writer.h"

namespace kaiji {

// Removes notices that a file read in this run (read_files) contributed to but whose
// version is not among this run's (current_versions): the file no longer holds them,
// or holds a changed version under another id. A notice that also came from a file not
// read in this run, which still exists, is kept. Returns how many were removed.
std::size_t remove_stale(std::vector<Xapian::WritableDatabase>& shards, BatchWriter& writer,
                         const std::unordered_set<std::string>& read_files,
                         const std::unordered_set<std::string>& current_versions);

// Removes notices all of whose files are gone; returns how many.
std::size_t prune_gone(std::vector<Xapian::WritableDatabase>& shards, BatchWriter& writer);

}  // namespace kaiji
