// The held-out sets of tests/heldout/{dev,test}: notices written and labelled blind (by a
// session that never saw kaiji's rules), indexed here as a user would index them, and
// matched back to their labels by a phrase of their body. The dev half is for tuning; the
// test half is only ever scored.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kaiji::e2e {

struct HeldOutHalf {
  std::string name;             // dev | test
  nlohmann::json labels;        // labels.json
  nlohmann::json queries;       // queries.json
  std::string db;               // its index
  std::string report;           // what kaiji-indexer printed indexing it
  std::vector<nlohmann::json> notices;          // every indexed notice, with its body (--show --json)
  std::map<std::string, std::size_t> by_label;  // label id → index in notices (labels found)
  std::map<std::string, std::string> label_by_notice;  // notice id → label id, the same pairs
};

// Indexes the half once per test binary (the inputs: every folder next to labels.json).
const HeldOutHalf& held_out(const std::string& name);

// The text without white space (ASCII and ideographic): labels and notices are compared so.
std::string without_spaces(const std::string& text);

// kaiji-searcher --db <the half's index> --json ARGS..., parsed; fails the test on a bad exit.
nlohmann::json search_half(const HeldOutHalf& half, const std::vector<std::string>& args);

// The label id of a search result (by notice id), or "" for a notice no label describes.
std::string label_of(const HeldOutHalf& half, const std::string& notice_id);

}  // namespace kaiji::e2e
