#include "load_bench.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "background_process.h"
#include "groonga_side.h"
#include "input_files.h"
#include "measures.h"
#include "process.h"
#include "reading/notice_reader.h"

namespace kaiji::bench {
namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The indexer's commit during the load, in seconds from the load's start.
struct CommitRun {
  int exit_code = -1;
  double started = 0;
  double ended = 0;
  std::string notice_id;          // the changed file's notice
  bool served_before = false;     // by kaiji-server, before and after the commit
  bool served_after = false;
};

struct ServerRun {
  LoadResult load;
  int exit_code = -1;  // of the server, once stopped
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void run_indexer(const std::vector<std::string>& inputs, const fs::path& db) {
  std::vector<std::string> command = {KAIJI_BIN_DIR "/kaiji-indexer", "--db", db.string(), "--quiet"};
  command.insert(command.end(), inputs.begin(), inputs.end());
  const ProcessStats s = run_process(command);
  if (s.exit_code != 0) throw std::runtime_error("kaiji-indexer failed with exit code " + std::to_string(s.exit_code));
  std::cout << "indexing:  kaiji in " << std::fixed << std::setprecision(1) << s.seconds << " s\n";
}

// The corpus and both indexes: made afresh, or the ones in work (checked) with --reuse.
void prepare(const std::vector<Notice>& seeds, const LoadBenchOptions& options) {
  const fs::path corpus = options.work / "corpus";
  const fs::path groonga = options.work / "groonga";
  if (options.reuse) {
    for (const fs::path& p : {corpus, options.work / "db", groonga_database(groonga)}) {
      if (!options.with_groonga && p.string().starts_with(groonga.string())) continue;
      if (!fs::exists(p)) throw std::runtime_error("--reuse: " + p.string() + " is missing (run kaiji-bench load without --reuse, or kaiji-bench run --work, first)");
    }
    std::cout << "corpus:    reused from " << options.work.string() << '\n';
    return;
  }
  for (const fs::path& p : {corpus, options.work / "db", groonga}) fs::remove_all(p);
  const std::size_t bytes = write_synthetic_corpus(seeds, options.generator, corpus.string());
  std::cout << "corpus:    " << options.generator.count << " synthetic notices, " << std::fixed << std::setprecision(1)
            << static_cast<double>(bytes) / 1e6 << " MB (seed " << options.generator.seed << ")\n";
  run_indexer({corpus.string()}, options.work / "db");
  if (!options.with_groonga) return;
  const GroongaBench bench(corpus, groonga, default_analysis_options().data_dir);
  std::cout << "indexing:  groonga (load and index) in " << std::setprecision(1) << bench.index().seconds << " s\n";
}

// The port kaiji-server says it listens on (it binds port 0), or 0 when it exits first.
int listening_port(BackgroundProcess& server, const fs::path& out) {
  const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (Clock::now() < deadline && server.running()) {
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::smatch match; std::regex_search(text, match, listening)) return std::stoi(match[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return 0;
}

// A round of every request, not counted: both servers meet the load with warm caches.
void warm_up(int port, const std::vector<std::string>& paths) {
  for (const std::string& path : paths) http_get(port, path);
}

// The id of the one notice in the changed file, as the indexer reads it.
std::string changed_notice_id(const fs::path& changing) {
  for (const std::string& file : collect_input_files({changing.string()}).files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const Notice& n : read_notice_file(bytes, file).read.notices) return n.id;
  }
  throw std::runtime_error("the changed file " + changing.string() + " holds no notice");
}

bool served(int port, const std::string& notice_id) {
  return !http_get(port, "/api/v1/notices/" + notice_id).empty();
}

// kaiji-server under load while kaiji-indexer re-indexes a changed file (a new synthetic
// notice, different at every run) and commits. The load goes on past the request bound
// until the commit is in, so that it always happens under load (the time bound holds).
ServerRun load_kaiji(const std::vector<Notice>& seeds, const std::vector<std::string>& paths,
                     const LoadBenchOptions& options, CommitRun& commit) {
  const fs::path out = options.work / "kaiji-server.out";
  fs::remove(out);  // a last run's would tell its port before this server writes its own
  BackgroundProcess server({KAIJI_BIN_DIR "/kaiji-server", "--db", (options.work / "db").string(), "--listen",
                            "127.0.0.1:0", "--threads", std::to_string(options.server_threads)},
                           out);
  const int port = listening_port(server, out);
  if (port == 0) throw std::runtime_error("kaiji-server did not start (see its messages above)");
  warm_up(port, paths);
  const fs::path changing = options.work / "changing";
  GeneratorOptions change;
  change.count = 1;
  change.seed = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  write_synthetic_corpus(seeds, change, changing.string());
  commit.notice_id = changed_notice_id(changing);
  commit.served_before = served(port, commit.notice_id);

  std::atomic<bool> committing{true};
  const auto start = Clock::now();
  std::jthread indexer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    commit.started = seconds_since(start);
    commit.exit_code =
        run_process({KAIJI_BIN_DIR "/kaiji-indexer", "--db", (options.work / "db").string(), "--quiet", changing.string()})
            .exit_code;
    commit.ended = seconds_since(start);
    committing = false;
  });
  ServerRun run;
  run.load = run_load(port, paths, options.bounds,
                      [](int status, const std::string& body) { return status == 200 && body.starts_with("{"); },
                      &committing);
  indexer.join();
  commit.served_after = served(port, commit.notice_id);
  std::cout << "commit:    kaiji-indexer re-indexed a changed file during the load: exit " << commit.exit_code
            << ", from " << std::fixed << std::setprecision(1) << commit.started << " s to " << commit.ended
            << " s of the load's " << run.load.seconds << " s; its notice " << commit.notice_id << " served before: "
            << (commit.served_before ? "yes" : "no") << ", after: " << (commit.served_after ? "yes" : "no") << '\n';
  run.exit_code = server.stop();
  return run;
}

// groonga --protocol http -s on a free loopback port, under the same load.
ServerRun load_groonga(const std::vector<std::string>& paths, const LoadBenchOptions& options) {
  const int port = free_loopback_port();
  BackgroundProcess server({"groonga", "--protocol", "http", "-s", "--bind-address", "127.0.0.1", "--port",
                            std::to_string(port), "--max-threads", std::to_string(options.server_threads),
                            "--log-path", (options.work / "groonga-http.log").string(),
                            groonga_database(options.work / "groonga").string()},
                           options.work / "groonga-http.out");
  if (!wait_until_answering(port, "/d/status", 60, [&] { return server.running(); })) {
    throw std::runtime_error("groonga's HTTP server did not start on port " + std::to_string(port));
  }
  warm_up(port, paths);
  ServerRun run;
  run.load = run_load(port, paths, options.bounds,
                      [](int status, const std::string& body) { return status == 200 && body.starts_with("[[0,"); });
  http_get(port, "/d/shutdown");  // Groonga's own clean stop; SIGTERM only if it does not
  run.exit_code = server.wait_for(std::chrono::seconds(10));
  if (server.running()) run.exit_code = server.stop();
  return run;
}

void print_run(const std::string& label, const ServerRun& run) {
  const LoadResult& r = run.load;
  std::cout << std::left << std::setw(11) << label << std::right << r.requests() << " requests in " << std::fixed
            << std::setprecision(1) << r.seconds << " s: " << r.per_second() << " requests/s, p50 "
            << std::setprecision(2) << percentile(r.ms, 0.5) << " ms, p99 " << percentile(r.ms, 0.99) << " ms, "
            << r.failed << " failed; server exit " << run.exit_code << '\n';
  if (r.failed > 0) std::cout << "           first failure: " << r.first_failure << '\n';
}

}  // namespace

int run_load_bench(const std::vector<Notice>& seeds, const std::vector<std::string>& queries,
                   const LoadBenchOptions& options) {
  if (queries.empty()) throw std::runtime_error("the query mix is empty");
  const bool with_groonga = options.with_groonga && groonga_available();
  LoadBenchOptions effective = options;
  effective.with_groonga = with_groonga;
  prepare(seeds, effective);
  std::vector<std::string> kaiji_paths;
  std::vector<std::string> groonga_paths;
  for (const std::string& q : queries) {
    kaiji_paths.push_back(with_query("/api/v1/search", {{"q", q}, {"facets", "1"}, {"limit", "10"}}));
    auto params = select_parameters(q, true);
    params.insert(params.begin(), {"table", "Notices"});
    groonga_paths.push_back(with_query("/d/select", params));
  }
  std::cout << "load:      " << options.bounds.clients << " clients on loopback, at most " << options.bounds.requests
            << " requests or " << options.bounds.seconds << " s per server, " << options.server_threads
            << " server workers each; " << queries.size() << " queries, top 10 with snippets and facets/drilldowns\n";
  CommitRun commit;
  const ServerRun kaiji = load_kaiji(seeds, kaiji_paths, effective, commit);
  print_run("kaiji:", kaiji);
  bool ok = kaiji.load.failed == 0 && kaiji.exit_code == 0 && commit.exit_code == 0 &&
            !commit.served_before && commit.served_after && commit.ended <= kaiji.load.seconds;
  if (!with_groonga) {
    std::cout << "groonga:   skipped" << (options.with_groonga ? " (groonga or its MeCab tokenizer is not installed)" : "")
              << '\n';
    return ok ? 0 : 1;
  }
  const ServerRun groonga = load_groonga(groonga_paths, effective);
  print_run("groonga:", groonga);
  ok = ok && groonga.load.failed == 0 && groonga.exit_code == 0;
  const LoadResult& k = kaiji.load;
  const LoadResult& g = groonga.load;
  std::cout << std::setprecision(2) << "ratio (kaiji / groonga): requests/s " << k.per_second() / g.per_second()
            << " (above 1 is kaiji ahead), p50 " << percentile(k.ms, 0.5) / percentile(g.ms, 0.5) << ", p99 "
            << percentile(k.ms, 0.99) / percentile(g.ms, 0.99) << " (below 1 is kaiji ahead)\n";
  return ok ? 0 : 1;
}

}  // namespace kaiji::bench
