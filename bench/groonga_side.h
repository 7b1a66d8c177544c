// The same benchmark for Groonga (Debian's groonga-bin with groonga-tokenizer-mecab):
// the same notices, loaded with the facets kaiji's classifier found (Groonga extracts
// none), indexed with TokenMecab and NormalizerNFKC130, and the same query mix as
// `select` commands with the same top 10, snippets and drilldowns on the same facets.
// Query times are Groonga's own (the elapsed time in each response header), so no
// process start-up or protocol is counted, as for kaiji's in-process numbers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kaiji::bench {

struct GroongaRun {
  double index_seconds = 0;
  long peak_rss_kb = 0;
  std::uintmax_t index_bytes = 0;
  std::size_t notices = 0;
  std::vector<double> query_ms;         // top 10 with snippets
  std::vector<double> query_facets_ms;  // the same with drilldowns on every facet
};

// True when the groonga command and its MeCab tokenizer are installed.
bool groonga_available();

// Indexes the blog-dump files in corpus (classified with data_dir's rules) in a Groonga
// database under work, then runs each query rounds times (after one warm-up round).
GroongaRun run_groonga(const std::filesystem::path& corpus, const std::filesystem::path& work,
                       const std::string& data_dir, const std::vector<std::string>& queries, int rounds);

// A kaiji query in Groonga's query syntax: title:/org: become match conditions, facet
// filters become equality (or comparison) conditions on the facet columns.
std::string groonga_query(const std::string& kaiji_query);

}  // namespace kaiji::bench
