// The same benchmark for Groonga (Debian's groonga-bin with groonga-tokenizer-mecab):
// the same notices, loaded with the facets kaiji's classifier found (Groonga extracts
// none), indexed with TokenMecab and NormalizerNFKC130, and the same query mix as
// `select` commands with the same top 10, snippets and drilldowns on the same facets.
// Query times are Groonga's own (the elapsed time in each response header), so no
// process start-up or protocol is counted, as for kaiji's in-process numbers.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kaiji::bench {

// True when the groonga command and its MeCab tokenizer are installed.
bool groonga_available();

struct GroongaIndexing {
  double seconds = 0;
  double cpu_seconds = 0;
  long peak_rss_kb = 0;
  std::uintmax_t bytes = 0;  // the database on disk
};

// One Groonga database of a corpus under `work`, which may be built several times (a
// benchmark alternates it with kaiji's indexer, so both meet the machine in the same
// state) and then queried.
class GroongaBench {
 public:
  // Writes the load script for the blog-dump files in corpus, classified with
  // data_dir's rules; nothing is timed yet.
  GroongaBench(const std::filesystem::path& corpus, const std::filesystem::path& work, const std::string& data_dir);

  std::size_t notices() const { return notices_; }
  // Loads and indexes the corpus into a new database (replacing the last one): timed.
  GroongaIndexing index() const;
  // Groonga's own time for each query (rounds times, after one warm-up round) on the
  // last database indexed: top 10 with snippets, with drilldowns on every facet or not.
  std::vector<double> query_ms(const std::vector<std::string>& queries, int rounds, bool facets) const;

 private:
  std::filesystem::path work_;
  std::size_t notices_ = 0;
};

// The parameters of the `select` of the Notices table for a kaiji query: top 10 by
// score with snippets, and with `facets` drilldowns on every facet column (for the
// command line as --name 'value', for the HTTP server as /d/select?name=value).
std::vector<std::pair<std::string, std::string>> select_parameters(const std::string& kaiji_query, bool facets);

// The database file of a GroongaBench working directory.
inline std::filesystem::path groonga_database(const std::filesystem::path& work) { return work / "db" / "notices"; }

// A kaiji query in Groonga's query syntax: title:/org: become match conditions, facet
// filters become equality (or comparison) conditions on the facet columns.
std::string groonga_query(const std::string& kaiji_query);

}  // namespace kaiji::bench
