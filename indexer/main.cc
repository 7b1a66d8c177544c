// kaiji-indexer: reads breach notices and writes the kaiji search index.
#include <iomanip>
#include <iostream>
#include <sstream>

#include <xapian.h>

#include "base/quoted_name.h"
#include "cli/command_line.h"
#include "index/schema.h"
#include "index/index_lock.h"
#include "compaction.h"
#include "indexing_run.h"
#include "progress.h"

namespace po = kaiji::cli::po;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeInputSkipped = 1;
constexpr int kExitUsage = 2;

// "512M" → 512 MiB; K, M and G count in powers of 1024, a bare number in bytes.
std::size_t parse_size(const std::string& text) {
  std::size_t used = 0;
  unsigned long long number = 0;
  try {
    number = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = used == 0 ? "?" : text.substr(used);
  int shift = -1;
  if (unit.empty()) shift = 0;
  if (unit == "K" || unit == "k") shift = 10;
  if (unit == "M" || unit == "m") shift = 20;
  if (unit == "G" || unit == "g") shift = 30;
  if (shift < 0 || number == 0 || number > (~0ull >> shift)) {
    throw po::error("--max-file-size must be a positive size such as 512M or 2G, not '" + text + "'");
  }
  return static_cast<std::size_t>(number << shift);
}

std::string megabytes(std::size_t bytes) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1 << 20) << " MB";
  return out.str();
}

void print_compaction(const kaiji::CompactionReport& c) {
  if (!c.done) return;
  std::cout << "compacted:         " << megabytes(c.bytes_before) << " → " << megabytes(c.bytes_after);
  if (c.automatic) {
    std::cout << " (updates in place had made it more than --compact-ratio times the " << megabytes(c.bytes_at_last)
              << " its notices took compacted)";
  }
  std::cout << '\n';
}

void print_report(const kaiji::IndexingReport& r) {
  for (const kaiji::ReadProblem& p : r.problems) {
    std::cerr << "kaiji-indexer: warning: " << kaiji::quoted_name(p.source);
    if (p.line != 0) std::cerr << ':' << p.line;
    std::cerr << ": " << p.message << '\n';
  }
  if (r.compaction_only) {
    print_compaction(r.compaction);
    std::cout << "notices in index:  " << r.documents_in_index << '\n' << std::fixed << std::setprecision(2)
              << "time:              " << r.seconds << " s\n";
    return;
  }
  std::cout << "files read:        " << r.files_read << '\n'
            << "files skipped:     " << r.files_skipped << '\n'
            << "notices read:      " << r.notices_read << '\n'
            << "posts that are not notices: " << r.posts_not_notices << '\n'
            << "duplicates merged: " << r.duplicates_merged << '\n'
            << "notices indexed:   " << r.added + r.replaced << '\n'
            << "  added:           " << r.added << '\n';
  if (r.resumed != 0) std::cout << "  of which resumed: " << r.resumed << " (written by the interrupted run)\n";
  if (r.kept != 0) std::cout << "  of which kept:    " << r.kept << " (of files not read, copied from the current generation)\n";
  std::cout
            << "  replaced:        " << r.replaced << '\n'
            << "notices unchanged: " << r.unchanged << '\n'
            << "notices removed:   " << r.removed << '\n'
            << "notices pruned:    " << r.pruned << '\n'
            << "notices in index:  " << r.documents_in_index << '\n';
  print_compaction(r.compaction);
  std::cout << "batches committed: " << r.batches_committed << '\n'
            << "problems:          " << r.problems.size() << '\n'
            << std::fixed << std::setprecision(2) << "time:              " << r.seconds << " s (reading "
            << r.reading_seconds << " s, analysing and writing " << r.writing_seconds << " s, finishing "
            << r.finishing_seconds << " s)\n";
}

// The command line's options, written into `options` (and the two that need converting
// into `quiet` and `max_file_size`).
po::options_description define_options(kaiji::IndexingOptions& options, bool& quiet, std::string& max_file_size) {
  po::options_description visible(
      "Usage: kaiji-indexer --db DIR [options] INPUT...\n"
      "Reads breach notices and brings the index at DIR up to date with them.\n"
      "INPUT is a file, a directory (read recursively) or - for standard input. Blog dumps,\n"
      "plain-text and HTML notices and JSONL (one notice per line: title, org, date, body,\n"
      "url, id) are recognised, in UTF-8, Shift_JIS/CP932, EUC-JP or UTF-16 with a BOM.\n"
      "Only regular files are read (FIFOs and devices are refused with a warning).\n"
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
      ("compact", po::bool_switch(&options.compact),
       "compact the index into a new generation, published atomically (no INPUT needed)")
      ("compact-ratio", po::value(&options.compact_ratio)->value_name("R")->default_value(2.0, "2"),
       "compact after an update once the index is R times its compacted size (0: never)")
      ("shards", po::value(&options.shards)->value_name("N"),
       "split the index into N shard databases (a new index, or with --rebuild)")
      ("batch-size", po::value(&options.batch_size)->value_name("N")->default_value(1000),
       "notices per committed transaction")
      ("threads", po::value(&options.threads)->value_name("N"), "analysis threads (default: one per core)")
      ("max-file-size", po::value(&max_file_size)->value_name("SIZE")->default_value("512M"),
       "read at most this much of one input (K, M, G), warning when a file is cut")
      ("quiet,q", po::bool_switch(&quiet), "no progress line (it is only shown on a terminal anyway)");
  kaiji::cli::add_analysis_options(visible, options.analysis);
  return visible;
}

}  // namespace

int main(int argc, char** argv) {
  kaiji::IndexingOptions options;
  options.analysis = kaiji::default_analysis_options();
  bool quiet = false;
  std::string max_file_size = "512M";
  const po::options_description visible = define_options(options, quiet, max_file_size);

  try {
    const std::string version = kaiji::cli::version_line("kaiji-indexer", kaiji::schema::kIndexFormat);
    if (!kaiji::cli::parse(argc, argv, visible, options.inputs, version)) return kExitOk;
    if (options.db_path.empty()) throw po::error("--db DIR is required");
    if (options.inputs.empty() && !options.compact) {
      throw po::error("give at least one INPUT file or directory (or - for standard input)");
    }
    if (options.compact_ratio != 0 && !(options.compact_ratio >= 1)) {
      throw po::error("--compact-ratio must be 0 (never) or at least 1");
    }
    if (options.batch_size == 0) throw po::error("--batch-size must be at least 1");
    if (options.shards > 256) throw po::error("--shards must be between 1 and 256");
    options.max_file_bytes = parse_size(max_file_size);
  } catch (const po::error& e) {
    std::cerr << "kaiji-indexer: " << e.what() << "\nTry 'kaiji-indexer --help'.\n";
    return kExitUsage;
  }
  options.progress = !quiet && kaiji::Progress::stderr_is_terminal();

  try {
    const kaiji::IndexingReport report =
        options.inputs.empty() ? kaiji::run_compaction(options) : kaiji::run_indexing(options);
    print_report(report);
    if (!report.published) {
      std::cerr << "kaiji-indexer: " << (report.notices_read == 0 ? "no notice found in any input" : "no notice could be indexed")
                << "; ";
      if (report.documents_in_index == 0) {
        std::cerr << "nothing was written\n";
      } else {
        std::cerr << "the index " << kaiji::quoted_name(options.db_path) << " was left as it was (" << report.documents_in_index
                  << " notices)\n";
      }
      return kExitUsage;
    }
    if (!report.problems.empty()) {
      std::cerr << "kaiji-indexer: " << report.problems.size() << " problem(s), " << report.files_skipped
                << " file(s) skipped";
      if (report.files_changed != 0) std::cerr << ", " << report.files_changed << " changed while being indexed";
      std::cerr << "; everything else was indexed\n";
      return kExitSomeInputSkipped;
    }
    return kExitOk;
  } catch (const kaiji::IndexLockedError& e) {
    std::cerr << "kaiji-indexer: " << e.what() << '\n';
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "kaiji-indexer: index " << kaiji::quoted_name(options.db_path) << " is locked by another process\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-indexer: index " << kaiji::quoted_name(options.db_path) << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-indexer: " << e.what() << '\n';
  }
  return kExitUsage;
}
