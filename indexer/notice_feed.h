// The indexer's second pass: which groups of copies a run writes (the plan), and the
// notices of those groups read again (or taken from the scan's cache), merged with their
// copies and pushed to the analysis pipeline in reading order.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis_pipeline.h"
#include "indexing_run.h"
#include "input_scan.h"

namespace kaiji {

struct WritePlan {
  std::unordered_set<std::string> current_versions;  // every group's version in this run
  std::vector<bool> to_write;                        // per group
  std::size_t writes = 0;
};

// Pushes every notice the plan writes to the pipeline. A file that changed since the
// scan is indexed from what it still holds of what the scan read (matched by content),
// is marked `changed`, and a warning tells how much of it was indexed.
void feed_notices(Scan& scan, const WritePlan& plan, AnalysisPipeline& pipeline, IndexingReport& report);

}  // namespace kaiji
