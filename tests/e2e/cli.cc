#include "cli.h"

#include <sys/wait.h>
#include <unistd.h>

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

CommandResult run(const std::string& program, const std::vector<std::string>& args) {
  const fs::path out_file = temp_root() / "stdout";
  const fs::path err_file = temp_root() / "stderr";
  const std::string binary = std::string(KAIJI_BIN_DIR) + "/" + program;
  std::cout.flush();  // the child must not print the parent's buffered output again
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (!freopen(out_file.c_str(), "w", stdout) || !freopen(err_file.c_str(), "w", stderr)) _exit(127);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out_file);
  result.err = slurp(err_file);
  return result;
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
