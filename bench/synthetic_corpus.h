// A deterministic generator that scales the real corpus to N synthetic notices by
// recombining paragraphs of real notices and varying organisations, dates, incident
// numbers and counts, so vocabulary statistics stay realistic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/notice.h"

namespace kaiji::bench {

struct GeneratorOptions {
  std::size_t count = 10000;
  std::uint64_t seed = 42;
  std::size_t notices_per_file = 1000;
};

// The notices of the real corpus (read and deduplicated), the generator's raw material.
std::vector<Notice> load_seed_notices(const std::string& corpus_dir);

// Writes blog-dump files (the format kaiji-indexer reads) into out_dir; returns bytes written.
std::size_t write_synthetic_corpus(const std::vector<Notice>& seeds, const GeneratorOptions& options,
                                   const std::string& out_dir);

}  // namespace kaiji::bench
