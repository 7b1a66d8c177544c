// `kaiji-bench load`: kaiji-server and Groonga's own HTTP server (`groonga --protocol
// http -s`) on loopback, over the same synthetic notices, answering the same query mix
// with facets (kaiji) and drilldowns on the same facet columns (Groonga) to the same
// concurrent clients: requests/s, p50 and p99 of the round trips, and their ratios.
// While kaiji-server is under load an incremental kaiji-indexer run changes a file and
// commits, and every request must still be answered.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/notice.h"
#include "http_load.h"
#include "synthetic_corpus.h"

namespace kaiji::bench {

struct LoadBenchOptions {
  std::filesystem::path work;  // corpus/, db/ and groonga/ (the layout `kaiji-bench run` leaves)
  bool reuse = false;          // take corpus/, db/ and groonga/ from work as they are
  GeneratorOptions generator;
  LoadBounds bounds;
  int server_threads = 4;  // kaiji-server --threads, groonga --max-threads
  bool with_groonga = true;
};

// Prints the report; returns 0 when every request to both servers was answered, the
// indexer's commit was published while kaiji-server was under load, and both servers
// stopped cleanly; 1 otherwise.
int run_load_bench(const std::vector<Notice>& seeds, const std::vector<std::string>& queries,
                   const LoadBenchOptions& options);

}  // namespace kaiji::bench
