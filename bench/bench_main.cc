// kaiji-bench: the benchmark command.
//   kaiji-bench generate --count N --out DIR      write a synthetic corpus
//   kaiji-bench run --count N [--work DIR]        generate, index (a real kaiji-indexer
//       process: wall time, notices/s, MB/s, peak RSS, index size), then query latency
//       p50/p99 over bench/queries.txt, in-process and as whole CLI calls.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>

#include <boost/program_options.hpp>

#include "search_engine.h"
#include "synthetic_corpus.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

namespace {

struct ProcessStats {
  int exit_code = -1;
  double seconds = 0;
  long peak_rss_kb = 0;
};

ProcessStats run_process(const std::vector<std::string>& argv, bool quiet) {
  std::cout.flush();  // the child must not inherit (and print again) buffered output
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (quiet && !freopen("/dev/null", "w", stdout)) _exit(127);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ProcessStats stats;
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stats.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  stats.peak_rss_kb = usage.ru_maxrss;
  return stats;
}

std::uintmax_t directory_size(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t index = std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
  return values[index];
}

void print_latency(const std::string& label, const std::vector<double>& ms) {
  std::cout << std::left << std::setw(44) << label << std::right << " p50 " << std::setw(8) << std::fixed
            << std::setprecision(2) << percentile(ms, 0.50) << " ms   p99 " << std::setw(8) << percentile(ms, 0.99)
            << " ms   (" << ms.size() << " queries)\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string command;
  kaiji::bench::GeneratorOptions gen;
  std::string corpus_dir = KAIJI_SOURCE_DIR "/corpus";
  std::string queries_path = KAIJI_SOURCE_DIR "/bench/queries.txt";
  std::string out_dir;
  std::string work_dir;
  int rounds = 5;
  po::options_description opts("Usage: kaiji-bench generate|run [options]\n\nOptions");
  opts.add_options()("help,h", "show this help")
      ("count", po::value(&gen.count)->default_value(10000), "synthetic notices")
      ("seed", po::value(&gen.seed)->default_value(42), "generator seed")
      ("corpus", po::value(&corpus_dir), "real notices to recombine")
      ("out", po::value(&out_dir), "generate: output directory")
      ("work", po::value(&work_dir), "run: working directory (default: a temporary one)")
      ("queries", po::value(&queries_path), "run: query mix, one per line")
      ("rounds", po::value(&rounds)->default_value(5), "run: in-process rounds over the query mix");
  po::options_description hidden;
  hidden.add_options()("command", po::value(&command));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("command", 1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || command.empty()) {
      std::cout << opts << '\n';
      return command.empty() && !vm.count("help") ? 2 : 0;
    }
  } catch (const po::error& e) {
    std::cerr << "kaiji-bench: " << e.what() << '\n';
    return 2;
  }

  try {
    const auto seeds = kaiji::bench::load_seed_notices(corpus_dir);
    if (command == "generate") {
      if (out_dir.empty()) throw std::runtime_error("generate needs --out DIR");
      const std::size_t bytes = kaiji::bench::write_synthetic_corpus(seeds, gen, out_dir);
      std::cout << "wrote " << gen.count << " notices, " << bytes / 1e6 << " MB to " << out_dir << '\n';
      return 0;
    }
    if (command != "run") throw std::runtime_error("unknown command '" + command + "' (generate or run)");

    if (work_dir.empty()) work_dir = (fs::temp_directory_path() / ("kaiji-bench-" + std::to_string(getpid()))).string();
    const fs::path corpus = fs::path(work_dir) / "corpus";
    const fs::path db = fs::path(work_dir) / "db";
    fs::remove_all(work_dir);
    const std::size_t bytes = kaiji::bench::write_synthetic_corpus(seeds, gen, corpus.string());
    std::cout << "corpus:    " << gen.count << " synthetic notices, " << std::fixed << std::setprecision(1)
              << bytes / 1e6 << " MB (seed " << gen.seed << ")\n";

    const ProcessStats index = run_process({KAIJI_BIN_DIR "/kaiji-indexer", "--db", db.string(), corpus.string()}, true);
    if (index.exit_code != 0) throw std::runtime_error("kaiji-indexer failed with exit code " + std::to_string(index.exit_code));
    std::cout << std::setprecision(2) << "indexing:  " << index.seconds << " s wall, "
              << std::setprecision(0) << static_cast<double>(gen.count) / index.seconds << " notices/s, "
              << std::setprecision(2) << bytes / 1e6 / index.seconds << " MB/s, peak RSS "
              << index.peak_rss_kb / 1024 << " MB\n";
    std::cout << "index:     " << std::setprecision(1) << directory_size(db) / 1e6 << " MB on disk\n";

    const std::vector<std::string> queries = read_queries(queries_path);
    const kaiji::AnalysisOptions analysis = kaiji::default_analysis_options();
    const kaiji::Analyzer analyzer(analysis);
    const kaiji::Taxonomy taxonomy = kaiji::Taxonomy::load(analysis.data_dir + "/taxonomy.tsv");
    const kaiji::SearchEngine engine({db.string()}, analyzer, taxonomy);
    // Each searcher feature over the same query mix.
    struct Feature {
      std::string name;
      std::function<void(kaiji::SearchRequest&)> shape;
    };
    std::vector<std::string> like_ids;  // the top hit of each query, for --like
    for (const std::string& q : queries) {
      kaiji::SearchRequest request;
      request.query = q;
      request.limit = 1;
      const auto response = engine.search(request);
      like_ids.push_back(response.hits.empty() ? std::string() : response.hits.front().notice.id);
    }
    std::size_t query_index = 0;
    const std::vector<Feature> features = {
        {"query (top 10 + snippets)", [](kaiji::SearchRequest&) {}},
        {"query + facets", [](kaiji::SearchRequest& r) { r.facets = true; }},
        {"query, sort by date", [](kaiji::SearchRequest& r) { r.sort = kaiji::SortKey::Date; }},
        {"query, sort by affected", [](kaiji::SearchRequest& r) { r.sort = kaiji::SortKey::Affected; }},
        {"query, group by incident", [](kaiji::SearchRequest& r) { r.group_by_incident = true; }},
        {"partial (a word no notice has)", [](kaiji::SearchRequest& r) { r.query += " 量子暗号通信"; }},
        {"like (top hit of the query)",
         [&](kaiji::SearchRequest& r) {
           r.like_id = like_ids[query_index];
           r.query.clear();
         }},
        {"browse + facets (empty query)",
         [](kaiji::SearchRequest& r) {
           r.query.clear();
           r.facets = true;
         }},
    };
    for (const Feature& feature : features) {
      std::vector<double> ms;
      for (int round = 0; round <= rounds; ++round) {
        for (query_index = 0; query_index < queries.size(); ++query_index) {
          kaiji::SearchRequest request;
          request.query = queries[query_index];
          feature.shape(request);
          if (request.query.empty() && request.like_id.empty() && feature.name.starts_with("like")) continue;
          const auto start = Clock::now();
          const auto response = engine.search(request);
          const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
          if (round > 0) ms.push_back(elapsed);  // round 0 warms the caches
        }
      }
      print_latency(feature.name + ", in-process", ms);
    }
    std::vector<double> cli;
    for (const std::string& q : queries) {
      const ProcessStats s = run_process({KAIJI_BIN_DIR "/kaiji-searcher", "--db", db.string(), "--json", q}, true);
      cli.push_back(s.seconds * 1000.0);
    }
    print_latency("query, whole CLI call", cli);
    fs::remove_all(work_dir);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "kaiji-bench: " << e.what() << '\n';
    return 1;
  }
}
