// How the classifier reads dict/classification_rules.tsv: the cue lines that the readers
// and the rules use, and the rule lines with their alternatives and gaps.
#include <algorithm>
#include <stdexcept>

#include "base/utf8.h"
#include "classify/classifier.h"

namespace kaiji {
namespace {

// A rule pattern as written: alternatives set apart by |, and a gap … after which one of
// the tail's alternatives must follow in the same sentence (決済画面|支払い画面…改ざん|不正な
// プログラム).
struct GappedPattern {
  std::vector<std::string> heads, tails;
};

std::vector<std::string> alternatives(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const std::size_t bar = text.find('|', start);
    out.emplace_back(utf8::trim(text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

GappedPattern split_gapped(std::string_view written) {
  constexpr std::string_view kGap = "\u2026";  // …
  const std::size_t gap = written.find(kGap);
  if (gap == std::string_view::npos) return {alternatives(written), {}};
  return {alternatives(written.substr(0, gap)), alternatives(written.substr(gap + kGap.size()))};
}

}  // namespace

// The lines of the rules table that are cues for a reader or a rule, not rules: true when
// w was one.
bool Classifier::read_cue_line(const std::vector<std::string>& w, const std::string& where, DataCues& data_cues) {
  const auto fold = [this](std::string_view text) { return folder_.fold(text); };
  if (w[0] == "data_owner" || w[0] == "data_guard") {
    (w[0] == "data_owner" ? data_cues.owners : data_cues.guards).emplace_back(w[1], fold(w[4]));
    return true;
  }
  if (w[0] == "data_item" || w[0] == "data_remedy") {
    (w[0] == "data_item" ? data_cues.item_endings : data_cues.remedies).push_back(fold(w[4]));
    return true;
  }
  if (w[0] == "negation") {
    if (fold(w[4]).empty()) throw std::runtime_error(where + "a negation cue cannot be empty");
    // "-": every facet's rules; "data": the data types only (their clause is a list's);
    // action follows: right after a rule's occurrence; conditional: in a data item's clause.
    if (w[2] == "follows") exclusion_cues_.push_back(fold(w[4]));
    else if (w[2] == "conditional") data_cues.conditionals.push_back(fold(w[4]));
    else (w[1] == "data" ? data_cues.negations : negation_cues_).push_back(fold(w[4]));
    return true;
  }
  if (w[2] == "not_of" || w[2] == "not_by") {
    const auto& values = taxonomy_.values(w[0]);
    if (std::none_of(values.begin(), values.end(), [&](const FacetValue& v) { return v.slug == w[1]; })) {
      throw std::runtime_error(where + "'" + w[0] + ":" + w[1] + "' is not in taxonomy.tsv");
    }
    const auto kind = w[2] == "not_of" ? OccurrenceContext::Kind::NotOf : OccurrenceContext::Kind::NotBy;
    occurrence_context_.add(kind, w[1], fold(w[4]));
    return true;
  }
  return false;
}

// One line of the rules table: a rule for each alternative of its pattern's head.
void Classifier::add_rules(const std::vector<std::string>& w, std::size_t line_number, const std::string& where) {
  Rule rule{w[0], w[1], w[2] == "veto", w[2] == "name", Scope::Text, "", {}, line_number};
  if (w[2] != "match" && w[2] != "veto" && w[2] != "name") throw std::runtime_error(where + "action must be match, name or veto");
  if (w[3] == "org") {
    rule.scope = Scope::Org;
  } else if (w[3] == "title") {
    rule.scope = Scope::Title;
  } else if (w[3] == "body") {
    rule.scope = Scope::Body;
  } else if (w[3] != "text") {
    throw std::runtime_error(where + "scope must be org, title, body or text");
  }
  const auto& values = taxonomy_.values(rule.facet);
  const auto value =
      std::find_if(values.begin(), values.end(), [&](const FacetValue& v) { return v.slug == rule.value; });
  if (value == values.end()) {
    throw std::runtime_error(where + "'" + rule.facet + ":" + rule.value + "' is not in taxonomy.tsv");
  }
  rule.value_index = static_cast<std::size_t>(value - values.begin());
  const GappedPattern pattern = split_gapped(w[4]);
  const auto has_empty = [](const std::vector<std::string>& words) {
    return std::find(words.begin(), words.end(), "") != words.end();
  };
  if (pattern.heads.empty() || has_empty(pattern.heads) || has_empty(pattern.tails)) {
    throw std::runtime_error(where + "a pattern (and each of its alternatives) cannot be empty");
  }
  if (rule.facet == "data" && !pattern.tails.empty()) throw std::runtime_error(where + "a data rule cannot have a gap");
  for (const std::string& tail : pattern.tails) rule.tails.push_back(folder_.fold(tail));
  for (const std::string& head : pattern.heads) {
    rule.pattern = folder_.fold(head);
    rules_.push_back(rule);
  }
}

}  // namespace kaiji
