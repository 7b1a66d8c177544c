// One notice, indexed once: copies of the same notice read from several files (exactly,
// or with different line breaks, spacing or bullets) are merged.
#pragma once

#include <vector>

#include "notice.h"

namespace kaiji {

struct DedupeResult {
  std::vector<Notice> notices;  // in order of first appearance
  std::size_t merged = 0;       // copies folded into another notice
};

// Groups notices whose content fingerprints are equal (or whose ids are equal). The
// merged notice keeps the richest metadata (a header beats none) and the union of
// labels, sources and release dates.
DedupeResult merge_duplicates(std::vector<Notice> notices);

}  // namespace kaiji
