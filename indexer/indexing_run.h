// One run of the indexer: inputs → notices → duplicates merged → Xapian, committed as a
// single transaction so searchers see either the old index or the new one, never half.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "blog_dump_reader.h"

namespace kaiji {

struct IndexingOptions {
  std::string db_path;
  std::vector<std::string> inputs;
  AnalysisOptions analysis;
};

struct IndexingReport {
  std::size_t files_read = 0;
  std::size_t notices_read = 0;
  std::size_t duplicates_merged = 0;
  std::size_t notices_indexed = 0;
  std::size_t documents_in_index = 0;
  std::size_t input_bytes = 0;
  double seconds = 0;
  std::vector<ReadProblem> problems;
};

// Throws std::runtime_error (or a Xapian::Error) on fatal errors: the index cannot be
// opened or is locked, the dictionary cannot be loaded. Input problems are reported,
// not thrown.
IndexingReport run_indexing(const IndexingOptions& options);

}  // namespace kaiji
