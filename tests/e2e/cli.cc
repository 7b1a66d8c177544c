#include "cli.h"

#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>

namespace kaiji::e2e {
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempRoot {
  fs::path path;
  TempRoot() {
    std::string tmpl = (fs::temp_directory_path() / "kaiji-e2e-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempRoot() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const fs::path& temp_root() {
  static const TempRoot root;
  return root.path;
}

}  // namespace

BackgroundCommand::BackgroundCommand(const std::string& program, const std::vector<std::string>& args,
                                     const RunOptions& options) {
  static std::atomic<int> counter{0};
  const std::string n = std::to_string(counter++);
  out_file_ = (temp_root() / ("stdout-" + n)).string();
  err_file_ = (temp_root() / ("stderr-" + n)).string();
  const std::string binary = program.starts_with("/") ? program : std::string(KAIJI_BIN_DIR) + "/" + program;
  std::cout.flush();  // the child must not print the parent's buffered output again
  std::fflush(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (!freopen(out_file_.c_str(), "w", stdout) || !freopen(err_file_.c_str(), "w", stderr)) _exit(127);
    if (!freopen(options.stdin_path.empty() ? "/dev/null" : options.stdin_path.c_str(), "r", stdin)) _exit(127);
    if (options.as_nobody && geteuid() == 0) {
      constexpr uid_t kNobody = 65534;
      if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(126);
    }
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
}

BackgroundCommand::~BackgroundCommand() {
  if (!finished_) {
    kill(pid_, SIGKILL);
    wait();
  }
}

void BackgroundCommand::kill9() { kill(pid_, SIGKILL); }

void BackgroundCommand::terminate() { kill(pid_, SIGTERM); }

std::string BackgroundCommand::out_so_far() const { return slurp(out_file_); }

bool BackgroundCommand::running() {
  if (finished_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    finished_ = true;
    status_ = status;
  }
  return !finished_;
}

CommandResult BackgroundCommand::wait() {
  if (!finished_) {
    waitpid(pid_, &status_, 0);
    finished_ = true;
  }
  CommandResult result;
  result.exit_code = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  result.out = slurp(out_file_);
  result.err = slurp(err_file_);
  return result;
}

CommandResult run(const std::string& program, const std::vector<std::string>& args, const RunOptions& options) {
  return BackgroundCommand(program, args, options).wait();
}

std::string read_file(const std::string& path) { return slurp(path); }

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string temp_dir(const std::string& name) {
  const fs::path dir = temp_root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

const std::string& corpus_index() {
  static const std::string db = [] {
    const std::string dir = temp_dir("corpus-index") + "/db";
    const CommandResult r = run("kaiji-indexer", {"--db", dir, KAIJI_CORPUS_DIR});
    if (r.exit_code != 0) throw std::runtime_error("indexing the corpus failed: " + r.err);
    return dir;
  }();
  return db;
}

std::string synthetic_index(const std::string& name, std::size_t count) {
  const std::string dir = temp_dir(name);
  const CommandResult generated = run("kaiji-bench", {"generate", "--count", std::to_string(count), "--corpus",
                                                      KAIJI_CORPUS_DIR, "--out", dir + "/corpus"});
  if (generated.exit_code != 0) throw std::runtime_error("generating " + name + " failed: " + generated.err);
  const CommandResult indexed = run("kaiji-indexer", {"--db", dir + "/db", "--quiet", dir + "/corpus"});
  if (indexed.exit_code != 0) throw std::runtime_error("indexing " + name + " failed: " + indexed.err);
  return dir + "/db";
}

std::string indexed_corpus_copy(const std::string& name) {
  const std::string dir = temp_dir(name);
  fs::copy(KAIJI_CORPUS_DIR, dir + "/corpus");
  const CommandResult r = run("kaiji-indexer", {"--db", dir + "/db", dir + "/corpus"});
  if (r.exit_code != 0) throw std::runtime_error("indexing the corpus copy failed: " + r.err);
  return dir;
}

nlohmann::json search_json(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--db", corpus_index(), "--json"};
  full.insert(full.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", full);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> orgs(const nlohmann::json& response) {
  std::vector<std::string> out;
  for (const auto& hit : response.at("results")) out.push_back(hit.at("org").get<std::string>());
  return out;
}

}  // namespace kaiji::e2e
