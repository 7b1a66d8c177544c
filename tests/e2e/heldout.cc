#include "heldout.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <mutex>

#include "cli.h"

namespace kaiji::e2e {

std::string without_spaces(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { ++i; continue; }
    if (text.compare(i, 3, "\u3000") == 0) { i += 3; continue; }
    out += text[i++];
  }
  return out;
}

namespace {

HeldOutHalf load(const std::string& name) {
  namespace fs = std::filesystem;
  HeldOutHalf half;
  half.name = name;
  const std::string dir = std::string(KAIJI_SOURCE_DIR) + "/tests/heldout/" + name;
  half.labels = nlohmann::json::parse(read_file(dir + "/labels.json"));
  // A half may come without judged queries (dev2: notices only).
  half.queries = fs::exists(dir + "/queries.json") ? nlohmann::json::parse(read_file(dir + "/queries.json"))
                                                    : nlohmann::json::object();
  half.db = temp_dir("heldout-" + name) + "/index";
  std::vector<std::string> args = {"--db", half.db};
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) args.push_back(entry.path().string());
  }
  const CommandResult indexed = run("kaiji-indexer", args);
  REQUIRE_MESSAGE(indexed.exit_code == 0, indexed.err);
  half.report = indexed.out;
  const nlohmann::json all = search_half(half, {"--limit", "1000"});
  for (const auto& hit : all.at("results")) {
    const CommandResult shown = run("kaiji-searcher", {"--db", half.db, "--json", "--show", hit.at("id")});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    half.notices.push_back(nlohmann::json::parse(shown.out));
  }
  std::vector<std::string> bodies;
  for (const auto& n : half.notices) bodies.push_back(without_spaces(n.value("title", "") + "\n" + n.value("body", "")));
  for (const auto& label : half.labels.at("notices")) {
    const std::string key = without_spaces(label.at("key"));
    for (std::size_t k = 0; k < bodies.size(); ++k) {
      if (bodies[k].find(key) != std::string::npos) {
        half.by_label.emplace(label.at("id"), k);
        half.label_by_notice.emplace(half.notices[k].at("id"), label.at("id"));
        break;
      }
    }
  }
  return half;
}

}  // namespace

const HeldOutHalf& held_out(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, HeldOutHalf> halves;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = halves.find(name);
  if (it == halves.end()) it = halves.emplace(name, load(name)).first;
  return it->second;
}

nlohmann::json search_half(const HeldOutHalf& half, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--db", half.db, "--json"};
  all.insert(all.end(), args.begin(), args.end());
  const CommandResult r = run("kaiji-searcher", all);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

std::string label_of(const HeldOutHalf& half, const std::string& notice_id) {
  const auto found = half.label_by_notice.find(notice_id);
  return found == half.label_by_notice.end() ? std::string() : found->second;
}

}  // namespace kaiji::e2e
