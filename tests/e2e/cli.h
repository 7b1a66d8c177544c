// Running the real kaiji binaries from tests.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kaiji::e2e {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs bin/<program> with the arguments (no shell involved in quoting).
CommandResult run(const std::string& program, const std::vector<std::string>& args);

// A fresh temporary directory, removed when the test binary exits.
std::string temp_dir(const std::string& name);

// The index of the bundled corpus, built once per test binary.
const std::string& corpus_index();

// kaiji-searcher --db <corpus index> --json ARGS..., parsed; fails the test on a bad exit.
nlohmann::json search_json(const std::vector<std::string>& args);

// The "org" of each result, in rank order.
std::vector<std::string> orgs(const nlohmann::json& response);

}  // namespace kaiji::e2e
