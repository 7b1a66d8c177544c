// Running the real kaiji binaries from tests.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kaiji::e2e {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string stdin_path;   // standard input from this file (default: /dev/null)
  bool as_nobody = false;   // when run as root: drop to user nobody, so permissions bite
};

// bin/<program> (or the program at an absolute path) running in the background (no shell involved in quoting); killed and
// reaped if still running when destroyed.
class BackgroundCommand {
 public:
  BackgroundCommand(const std::string& program, const std::vector<std::string>& args, const RunOptions& options = {});
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  int pid() const { return pid_; }
  bool running();
  void kill9();
  void terminate();  // SIGTERM: asks it to stop
  // What it has written to stdout so far.
  std::string out_so_far() const;
  CommandResult wait();

 private:
  int pid_ = -1;
  int status_ = 0;
  bool finished_ = false;
  std::string out_file_, err_file_;
};

// Runs bin/<program> with the arguments and waits for it. Safe to call from several
// threads at once.
CommandResult run(const std::string& program, const std::vector<std::string>& args, const RunOptions& options = {});

// A whole file's bytes ("" when it cannot be read), and writing one.
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

// A fresh temporary directory, removed when the test binary exits.
std::string temp_dir(const std::string& name);

// The index of the bundled corpus, built once per test binary.
const std::string& corpus_index();

// An index of `count` synthetic notices (kaiji-bench generate, recombining the corpus) in a
// fresh temporary directory; throws when generating or indexing fails.
std::string synthetic_index(const std::string& name, std::size_t count);

// A fresh temporary directory holding a copy of the corpus (dir/corpus) and its index
// (dir/db), built there, so a test may change the files and index them again.
std::string indexed_corpus_copy(const std::string& name);

// kaiji-searcher --db <corpus index> --json ARGS..., parsed; fails the test on a bad exit.
nlohmann::json search_json(const std::vector<std::string>& args);

// The "org" of each result, in rank order.
std::vector<std::string> orgs(const nlohmann::json& response);

}  // namespace kaiji::e2e
