// kaiji-indexer: reads breach notices and writes the kaiji search index.
#include <iomanip>
#include <iostream>

#include <xapian.h>

#include "cli/command_line.h"
#include "index/schema.h"
#include "index/index_lock.h"
#include "indexing_run.h"
#include "progress.h"

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
            << "files skipped:     " << r.files_skipped << '\n'
            << "notices read:      " << r.notices_read << '\n'
            << "duplicates merged: " << r.duplicates_merged << '\n'
            << "notices indexed:   " << r.added + r.replaced << '\n'
            << "  added:           " << r.added << '\n'
            << "  replaced:        " << r.replaced << '\n'
            << "notices unchanged: " << r.unchanged << '\n'
            << "notices removed:   " << r.removed << '\n'
            << "notices pruned:    " << r.pruned << '\n'
            << "notices in index:  " << r.documents_in_index << '\n'
            << "batches committed: " << r.batches_committed << '\n'
            << "problems:          " << r.problems.size() << '\n'
            << std::fixed << std::setprecision(2) << "time:              " << r.seconds << " s (reading "
            << r.reading_seconds << " s, analysing and writing " << r.writing_seconds << " s, finishing "
            << r.finishing_seconds << " s)\n";
}

}  // namespace

int main(int argc, char** argv) {
  kaiji::IndexingOptions options;
  options.analysis = kaiji::default_analysis_options();
  bool quiet = false;
  po::options_description visible(
      "Usage: kaiji-indexer --db DIR [options] INPUT...\n"
      "Reads breach notices and brings the index at DIR up to date with them.\n"
      "INPUT is a file, a directory (read recursively) or - for standard input. Blog dumps,\n"
      "plain-text and HTML notices and JSONL (one notice per line: title, org, date, body,\n"
      "url, id) are recognised, in UTF-8, Shift_JIS/CP932, EUC-JP or UTF-16 with a BOM.\n"
      "Unchanged notices are left alone; changed ones are replaced; notices a re-read file\n"
      "no longer holds are removed.\n\n"
      "Options");
  visible.add_options()
      ("help,h", "show this help")
      ("version", "print the kaiji version and the index format it writes")
      ("db", po::value(&options.db_path)->value_name("DIR"), "index directory (created if missing)")
      ("rebuild", po::bool_switch(&options.rebuild),
       "index from scratch into a new generation and switch to it atomically when done")
      ("prune", po::bool_switch(&options.prune), "also remove notices whose source files no longer exist")
      ("shards", po::value(&options.shards)->value_name("N"),
       "split the index into N shard databases (a new index, or with --rebuild)")
      ("batch-size", po::value(&options.batch_size)->value_name("N")->default_value(1000),
       "notices per committed transaction")
      ("threads", po::value(&options.threads)->value_name("N"), "analysis threads (default: one per core)")
      ("quiet,q", po::bool_switch(&quiet), "no progress line (it is only shown on a terminal anyway)");
  kaiji::cli::add_analysis_options(visible, options.analysis);

  try {
    const std::string version = kaiji::cli::version_line("kaiji-indexer", kaiji::schema::kIndexFormat);
    if (!kaiji::cli::parse(argc, argv, visible, options.inputs, version)) return kExitOk;
    if (options.db_path.empty()) throw po::error("--db DIR is required");
    if (options.inputs.empty()) throw po::error("give at least one INPUT file or directory (or - for standard input)");
    if (options.batch_size == 0) throw po::error("--batch-size must be at least 1");
    if (options.shards > 256) throw po::error("--shards must be between 1 and 256");
  } catch (const po::error& e) {
    std::cerr << "kaiji-indexer: " << e.what() << "\nTry 'kaiji-indexer --help'.\n";
    return kExitUsage;
  }
  options.progress = !quiet && kaiji::Progress::stderr_is_terminal();

  try {
    const kaiji::IndexingReport report = kaiji::run_indexing(options);
    print_report(report);
    if (report.notices_read == 0) {
      std::cerr << "kaiji-indexer: no notice found in any input\n";
      return kExitUsage;
    }
    if (!report.problems.empty()) {
      std::cerr << "kaiji-indexer: " << report.problems.size() << " problem(s), " << report.files_skipped
                << " file(s) skipped; everything else was indexed\n";
      return kExitSomeInputSkipped;
    }
    return kExitOk;
  } catch (const kaiji::IndexLockedError& e) {
    std::cerr << "kaiji-indexer: " << e.what() << '\n';
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "kaiji-indexer: index " << options.db_path << " is locked by another process\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-indexer: index " << options.db_path << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-indexer: " << e.what() << '\n';
  }
  return kExitUsage;
}
