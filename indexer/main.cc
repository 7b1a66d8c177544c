// kaiji-indexer: reads breach notices and writes the kaiji search index.
#include <iostream>

#include <xapian.h>

#include "command_line.h"
#include "indexing_run.h"

namespace po = kaiji::cli::po;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeInputSkipped = 1;
constexpr int kExitUsage = 2;

void print_report(const kaiji::IndexingReport& r) {
  for (const kaiji::ReadProblem& p : r.problems) {
    std::cerr << "kaiji-indexer: warning: " << p.source;
    if (p.line != 0) std::cerr << ':' << p.line;
    std::cerr << ": " << p.message << '\n';
  }
  std::cout << "files read:        " << r.files_read << '\n'
            << "notices read:      " << r.notices_read << '\n'
            << "duplicates merged: " << r.duplicates_merged << '\n'
            << "notices indexed:   " << r.notices_indexed << '\n'
            << "notices in index:  " << r.documents_in_index << '\n'
            << "problems:          " << r.problems.size() << '\n'
            << "time:              " << r.seconds << " s\n";
}

}  // namespace

int main(int argc, char** argv) {
  kaiji::IndexingOptions options;
  options.analysis = kaiji::default_analysis_options();
  po::options_description visible(
      "Usage: kaiji-indexer --db DIR [options] INPUT...\n"
      "Reads breach notices (files or directories) and adds them to the index at DIR.\n\n"
      "Options");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&options.db_path)->value_name("DIR"), "index directory (created if missing)");
  kaiji::cli::add_analysis_options(visible, options.analysis);

  try {
    if (!kaiji::cli::parse(argc, argv, visible, options.inputs)) return kExitOk;
    if (options.db_path.empty()) throw po::error("--db DIR is required");
    if (options.inputs.empty()) throw po::error("give at least one INPUT file or directory");
  } catch (const po::error& e) {
    std::cerr << "kaiji-indexer: " << e.what() << "\nTry 'kaiji-indexer --help'.\n";
    return kExitUsage;
  }

  try {
    const kaiji::IndexingReport report = kaiji::run_indexing(options);
    print_report(report);
    if (report.notices_indexed == 0) {
      std::cerr << "kaiji-indexer: no notice was indexed\n";
      return kExitUsage;
    }
    return report.problems.empty() ? kExitOk : kExitSomeInputSkipped;
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "kaiji-indexer: index " << options.db_path << " is locked by another indexer\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-indexer: index " << options.db_path << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-indexer: " << e.what() << '\n';
  }
  return kExitUsage;
}
