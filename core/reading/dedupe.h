// One notice, indexed once: copies of the same notice read from several files (exactly,
// or with different line breaks, spacing or bullets) are merged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/notice.h"

namespace kaiji {

struct DedupeResult {
  std::vector<Notice> notices;  // in order of first appearance
  std::size_t merged = 0;       // copies folded into another notice
};

// Groups notices whose content fingerprints are equal (or whose ids are equal), but never
// two notices whose inputs gave them different ids. The merged notice keeps the richest
// metadata (a header beats none) and the union of labels, sources and release dates.
DedupeResult merge_duplicates(std::vector<Notice> notices);

// What grouping needs to know of a notice, so that an indexer can group a corpus too
// large to hold in memory and read the notices again group by group.
struct DuplicateKey {
  std::string id;
  std::uint64_t fingerprint = 0;  // content_fingerprint of the body; 0 for an empty body
  bool id_given = false;          // the input named the id (JSONL "id"): a primary key
};
DuplicateKey duplicate_key(const Notice& notice);

// For each key, the index of its group; groups are numbered in order of first
// appearance. Keys with equal fingerprints or equal ids share a group (transitively),
// except that two different ids given by the input never share one.
std::vector<std::size_t> duplicate_groups(const std::vector<DuplicateKey>& keys);

// The copies of one notice (one group, in reading order) merged into one.
Notice merge_copies(std::vector<Notice> copies);

}  // namespace kaiji
