// kaiji-bench: the benchmark command.
//   kaiji-bench generate --count N --out DIR      write a synthetic corpus
//   kaiji-bench queries --db DIR                  query latency only, on an existing index
//   kaiji-bench run --count N [--work DIR]        generate, index (a real kaiji-indexer
//       process: wall time, notices/s, MB/s, peak RSS, index size), then query latency
//       p50/p99 over bench/queries.txt, in-process and as whole CLI calls; in the same
//       run, bare MeCab over the same text (the floor for any MeCab-based indexer) and
//       Groonga with TokenMecab on the same notices and queries, with ratios; --repeat N
//       indexes N times, the three in turn, and reports medians.
//   kaiji-bench load --count N --clients C --requests R --seconds S [--work DIR [--reuse]]
//       kaiji-server and Groonga's HTTP server under C concurrent clients (load_bench.h),
//       with an indexer's commit during kaiji's load: requests/s, p50/p99, ratios.
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
#include <optional>
#include <sstream>

#include <boost/program_options.hpp>

#include "disk_usage.h"
#include "groonga_side.h"
#include "load_bench.h"
#include "measures.h"
#include "process.h"
#include "search_engine.h"
#include "synthetic_corpus.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;
using kaiji::bench::ProcessStats;
using kaiji::bench::median;
using kaiji::bench::percentile;
using kaiji::bench::read_queries;
using kaiji::bench::run_process;

namespace {


// With several rounds, each round's value after the median that was printed.
std::string each_round(const std::vector<double>& values) {
  if (values.size() < 2) return "";
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << " (median of " << values.size() << ":";
  for (std::size_t k = 0; k < values.size(); ++k) out << (k == 0 ? " " : ", ") << values[k];
  return out.str() + ")";
}

void print_latency(const std::string& label, const std::vector<double>& ms) {
  std::cout << std::left << std::setw(44) << label << std::right << " p50 " << std::setw(8) << std::fixed
            << std::setprecision(2) << percentile(ms, 0.50) << " ms   p99 " << std::setw(8) << percentile(ms, 0.99)
            << " ms   (" << ms.size() << " queries)\n";
}

struct QueryLatency {
  std::vector<double> plain_ms;   // top 10 with snippets, in-process
  std::vector<double> facets_ms;  // the same with every facet counted
};

// Latency of each searcher feature over the query mix, in-process (after a warm-up
// round), and of whole CLI calls; printed as it goes.
QueryLatency measure_queries(const fs::path& db, const std::vector<std::string>& queries, int rounds,
                             bool per_query = false) {
  const kaiji::AnalysisOptions analysis = kaiji::default_analysis_options();
  kaiji::Analyzer analyzer(analysis);
  const kaiji::Taxonomy taxonomy = kaiji::Taxonomy::load(analysis.data_dir + "/taxonomy.tsv");
  kaiji::SearchEngine engine({db.string()}, analyzer, taxonomy);
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
  QueryLatency out;
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
    if (per_query) {
      // Each query's median over the rounds: which queries make the tail.
      const std::size_t n = ms.size() / static_cast<std::size_t>(std::max(rounds, 1));
      for (std::size_t q = 0; q < n && q < queries.size(); ++q) {
        std::vector<double> mine;
        for (std::size_t k = q; k < ms.size(); k += n) mine.push_back(ms[k]);
        std::cout << "    " << std::fixed << std::setprecision(2) << std::setw(8) << percentile(mine, 0.5) << " ms  "
                  << queries[q] << '\n';
      }
    }
    if (feature.name.starts_with("query (")) out.plain_ms = ms;
    if (feature.name == "query + facets") out.facets_ms = ms;
  }
  std::vector<double> cli;
  for (const std::string& q : queries) {
    const ProcessStats s = run_process({KAIJI_BIN_DIR "/kaiji-searcher", "--db", db.string(), "--json", "--facets", q});
    cli.push_back(s.seconds * 1000.0);
  }
  print_latency("query + facets, whole CLI call", cli);
  return out;
}

struct BenchOptions {
  std::string command;
  kaiji::bench::GeneratorOptions gen;
  std::string corpus_dir = KAIJI_SOURCE_DIR "/corpus";
  std::string queries_path = KAIJI_SOURCE_DIR "/bench/queries.txt";
  std::string out_dir;
  std::string work_dir;
  std::string db_dir;
  int rounds = 5;
  int repeat = 1;
  bool per_query = false;
  std::string threads;
  std::string shards;
  bool with_groonga = true;
  kaiji::bench::LoadBenchOptions load;
};

// The options, parsed into `o`; an exit code when the command line says to stop (help,
// or an error).
std::optional<int> parse_options(int argc, char** argv, BenchOptions& o) {
  po::options_description opts("Usage: kaiji-bench generate|run|queries|load [options]\n\nOptions");
  opts.add_options()("help,h", "show this help")
      ("count", po::value(&o.gen.count)->default_value(10000), "synthetic notices")
      ("seed", po::value(&o.gen.seed)->default_value(42), "generator seed")
      ("corpus", po::value(&o.corpus_dir), "real notices to recombine")
      ("out", po::value(&o.out_dir), "generate: output directory")
      ("db", po::value(&o.db_dir), "queries: the index to measure")
      ("work", po::value(&o.work_dir), "run: working directory, kept afterwards (default: a temporary one, removed)")
      ("queries", po::value(&o.queries_path), "run: query mix, one per line")
      ("rounds", po::value(&o.rounds)->default_value(5), "run: in-process rounds over the query mix")
      ("repeat", po::value(&o.repeat)->default_value(1),
       "run: index this many times (bare MeCab, kaiji and Groonga in turn) and report medians")
      ("per-query", po::bool_switch(&o.per_query), "queries: also each query's median time, per feature")
      ("threads", po::value(&o.threads), "run: kaiji-indexer --threads")
      ("shards", po::value(&o.shards), "run: kaiji-indexer --shards")
      ("no-groonga", po::bool_switch()->notifier([&o](bool off) { o.with_groonga = !off; }),
       "run, load: skip the Groonga comparison")
      ("clients", po::value(&o.load.bounds.clients)->default_value(4), "load: concurrent clients")
      ("requests", po::value(&o.load.bounds.requests)->default_value(2000), "load: requests per server, at most")
      ("seconds", po::value(&o.load.bounds.seconds)->default_value(60), "load: seconds per server, at most")
      ("server-threads", po::value(&o.load.server_threads)->default_value(4),
       "load: kaiji-server --threads and groonga --max-threads")
      ("reuse", po::bool_switch(&o.load.reuse), "load: take the corpus and both indexes already in --work");
  po::options_description hidden;
  hidden.add_options()("command", po::value(&o.command));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("command", 1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || o.command.empty()) {
      std::cout << opts << '\n';
      return o.command.empty() && !vm.count("help") ? 2 : 0;
    }
  } catch (const po::error& e) {
    std::cerr << "kaiji-bench: " << e.what() << '\n';
    return 2;
  }
  return std::nullopt;
}

// Where a run writes: a directory the user named is kept afterwards, to search or
// profile; a temporary one is not.
struct WorkPaths {
  std::string dir;
  bool keep = false;
  fs::path corpus, db, all_text, groonga;

  explicit WorkPaths(std::string named) : dir(std::move(named)), keep(!dir.empty()) {
    if (dir.empty()) dir = (fs::temp_directory_path() / ("kaiji-bench-" + std::to_string(getpid()))).string();
    corpus = fs::path(dir) / "corpus";
    db = fs::path(dir) / "db";
    all_text = fs::path(dir) / "all.txt";
    groonga = fs::path(dir) / "groonga";
    // Only what this run writes is removed: a named directory may hold other things.
    for (const fs::path& p : {corpus, db, all_text, groonga}) fs::remove_all(p);
  }
  void clean_up() const {
    if (!keep) fs::remove_all(dir);
  }
};

// What the rounds of indexing measured.
struct IndexingRounds {
  std::vector<double> mecab_s, kaiji_s, groonga_s, kaiji_cpu_s, groonga_cpu_s;
  long kaiji_rss_kb = 0;
  kaiji::bench::GroongaIndexing groonga_last;
};

// Rounds of the three indexers in turn, so that each meets the machine as the others
// do: on a shared machine one run can be 10% off its neighbour.
IndexingRounds index_rounds(const BenchOptions& o, const WorkPaths& work, const kaiji::AnalysisOptions& analysis,
                            std::optional<kaiji::bench::GroongaBench>& groonga) {
  std::vector<std::string> index_command = {KAIJI_BIN_DIR "/kaiji-indexer", "--db", work.db.string(), "--quiet"};
  if (!o.threads.empty()) index_command.insert(index_command.end(), {"--threads", o.threads});
  if (!o.shards.empty()) index_command.insert(index_command.end(), {"--shards", o.shards});
  index_command.push_back(work.corpus.string());
  IndexingRounds r;
  for (int round = 0; round < o.repeat; ++round) {
    // The floor: MeCab alone over the same text, one process, as fast as it goes.
    const ProcessStats mecab = run_process(
        {"mecab", "-r", "/dev/null", "-d", analysis.dicdir, "-b", "4194304", "-Owakati"}, work.all_text.string());
    if (mecab.exit_code != 0) throw std::runtime_error("mecab -Owakati failed");
    r.mecab_s.push_back(mecab.seconds);
    fs::remove_all(work.db);
    const ProcessStats index = run_process(index_command);
    if (index.exit_code != 0) {
      throw std::runtime_error("kaiji-indexer failed with exit code " + std::to_string(index.exit_code));
    }
    r.kaiji_s.push_back(index.seconds);
    r.kaiji_cpu_s.push_back(index.cpu_seconds);
    r.kaiji_rss_kb = std::max(r.kaiji_rss_kb, index.peak_rss_kb);
    if (groonga) {
      r.groonga_last = groonga->index();
      r.groonga_s.push_back(r.groonga_last.seconds);
      r.groonga_cpu_s.push_back(r.groonga_last.cpu_seconds);
    }
  }
  return r;
}

// The bare MeCab and kaiji lines; returns the index's size in MB.
double print_indexing(const IndexingRounds& r, const BenchOptions& o, std::size_t bytes, const fs::path& db) {
  const double mecab_seconds = median(r.mecab_s);
  const double kaiji_seconds = median(r.kaiji_s);
  std::cout << std::setprecision(2) << "mecab:     " << mecab_seconds << " s wall for mecab -Owakati over the same text ("
            << bytes / 1e6 / mecab_seconds << " MB/s)" << each_round(r.mecab_s) << "\n";
  std::cout << std::setprecision(2) << "indexing:  " << kaiji_seconds << " s wall (" << std::setprecision(1)
            << median(r.kaiji_cpu_s) << " s CPU), " << std::setprecision(0)
            << static_cast<double>(o.gen.count) / kaiji_seconds << " notices/s, " << std::setprecision(2)
            << bytes / 1e6 / kaiji_seconds << " MB/s, peak RSS " << r.kaiji_rss_kb / 1024 << " MB, "
            << kaiji_seconds / mecab_seconds << "x bare MeCab" << each_round(r.kaiji_s) << "\n";
  const double kaiji_index_mb = static_cast<double>(kaiji::bench::allocated_bytes(db)) / 1e6;
  std::cout << "index:     " << std::setprecision(1) << kaiji_index_mb << " MB on disk\n";
  return kaiji_index_mb;
}

// Groonga's indexing and query lines, and kaiji's ratios to them.
void compare_groonga(kaiji::bench::GroongaBench& groonga, const IndexingRounds& r, const BenchOptions& o,
                     const std::vector<std::string>& queries, const QueryLatency& latency, double kaiji_index_mb) {
  const double mecab_seconds = median(r.mecab_s);
  const double kaiji_seconds = median(r.kaiji_s);
  const double groonga_seconds = median(r.groonga_s);
  const double groonga_mb = static_cast<double>(r.groonga_last.bytes) / 1e6;
  const std::vector<double> g_query_ms = groonga.query_ms(queries, o.rounds, false);
  const std::vector<double> g_facets_ms = groonga.query_ms(queries, o.rounds, true);
  std::cout << std::setprecision(2) << "groonga:   indexing " << groonga_seconds << " s wall ("
            << std::setprecision(1) << median(r.groonga_cpu_s) << " s CPU), " << std::setprecision(0) << static_cast<double>(groonga.notices()) / groonga_seconds
            << " notices/s, peak RSS " << r.groonga_last.peak_rss_kb / 1024 << " MB, " << std::setprecision(2)
            << groonga_seconds / mecab_seconds << "x bare MeCab; database " << std::setprecision(1) << groonga_mb
            << " MB on disk" << each_round(r.groonga_s) << "\n";
  print_latency("groonga select (top 10 + snippets)", g_query_ms);
  print_latency("groonga select + drilldowns", g_facets_ms);
  std::vector<double> round_ratios;
  for (std::size_t k = 0; k < r.kaiji_s.size(); ++k) round_ratios.push_back(r.kaiji_s[k] / r.groonga_s[k]);
  const std::vector<double>& plain_ms = latency.plain_ms;
  const std::vector<double>& facets_ms = latency.facets_ms;
  std::cout << std::setprecision(2) << "ratios (kaiji / groonga; below 1 is kaiji ahead):\n"
            << "  indexing time            " << kaiji_seconds / groonga_seconds << each_round(round_ratios) << "\n"
            << "  indexing CPU time        " << median(r.kaiji_cpu_s) / median(r.groonga_cpu_s) << "\n"
            << "  index size               " << kaiji_index_mb / groonga_mb << "\n"
            << "  query p50 / p99          " << percentile(plain_ms, 0.5) / percentile(g_query_ms, 0.5) << " / "
            << percentile(plain_ms, 0.99) / percentile(g_query_ms, 0.99) << "\n"
            << "  query + facets p50 / p99 " << percentile(facets_ms, 0.5) / percentile(g_facets_ms, 0.5)
            << " / " << percentile(facets_ms, 0.99) / percentile(g_facets_ms, 0.99) << "\n";
}

// kaiji-bench load: kaiji-server and Groonga's HTTP server under the same concurrent load.
int load_command(BenchOptions& o, const std::vector<kaiji::Notice>& seeds) {
  if (o.work_dir.empty() && o.load.reuse) throw std::runtime_error("--reuse needs --work DIR");
  if (o.load.bounds.clients < 1 || o.load.server_threads < 1) {
    throw std::runtime_error("--clients and --server-threads need 1 or more");
  }
  const bool keep = !o.work_dir.empty();
  o.load.work = keep ? fs::path(o.work_dir) : fs::temp_directory_path() / ("kaiji-load-" + std::to_string(getpid()));
  o.load.generator = o.gen;
  o.load.with_groonga = o.with_groonga;
  const int status = kaiji::bench::run_load_bench(seeds, read_queries(o.queries_path), o.load);
  if (!keep) fs::remove_all(o.load.work);
  return status;
}

// kaiji-bench run: generate, index (with bare MeCab and Groonga beside), query.
int run_command(const BenchOptions& o, const std::vector<kaiji::Notice>& seeds) {
  if (o.repeat < 1) throw std::runtime_error("--repeat needs a number of rounds, 1 or more");
  const WorkPaths work(o.work_dir);
  const std::size_t bytes = kaiji::bench::write_synthetic_corpus(seeds, o.gen, work.corpus.string());
  std::cout << "corpus:    " << o.gen.count << " synthetic notices, " << std::fixed << std::setprecision(1)
            << bytes / 1e6 << " MB (seed " << o.gen.seed << ")\n";
  const kaiji::AnalysisOptions analysis = kaiji::default_analysis_options();
  {
    std::ofstream out(work.all_text, std::ios::binary);
    for (const auto& file : fs::directory_iterator(work.corpus)) out << std::ifstream(file.path(), std::ios::binary).rdbuf();
  }
  std::optional<kaiji::bench::GroongaBench> groonga;
  if (o.with_groonga && kaiji::bench::groonga_available()) groonga.emplace(work.corpus, work.groonga, analysis.data_dir);
  const IndexingRounds rounds = index_rounds(o, work, analysis, groonga);
  fs::remove(work.all_text);
  const double kaiji_index_mb = print_indexing(rounds, o, bytes, work.db);

  const std::vector<std::string> queries = read_queries(o.queries_path);
  const QueryLatency latency = measure_queries(work.db, queries, o.rounds);
  if (o.with_groonga && !groonga) {
    std::cout << "groonga:   not installed (apt install groonga-bin groonga-tokenizer-mecab); skipped\n";
  } else if (groonga) {
    compare_groonga(*groonga, rounds, o, queries, latency, kaiji_index_mb);
  }
  work.clean_up();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions o;
  if (const std::optional<int> exit_code = parse_options(argc, argv, o)) return *exit_code;
  try {
    const auto seeds = kaiji::bench::load_seed_notices(o.corpus_dir);
    if (o.command == "generate") {
      if (o.out_dir.empty()) throw std::runtime_error("generate needs --out DIR");
      const std::size_t bytes = kaiji::bench::write_synthetic_corpus(seeds, o.gen, o.out_dir);
      std::cout << "wrote " << o.gen.count << " notices, " << bytes / 1e6 << " MB to " << o.out_dir << '\n';
      return 0;
    }
    if (o.command == "queries") {
      if (o.db_dir.empty()) throw std::runtime_error("queries needs --db DIR (an index to measure)");
      measure_queries(o.db_dir, read_queries(o.queries_path), o.rounds, o.per_query);
      return 0;
    }
    if (o.command == "load") return load_command(o, seeds);
    if (o.command != "run") {
      throw std::runtime_error("unknown command '" + o.command + "' (generate, run, queries or load)");
    }
    return run_command(o, seeds);
  } catch (const std::exception& e) {
    std::cerr << "kaiji-bench: " << e.what() << '\n';
    return 1;
  }
}
