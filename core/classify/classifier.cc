#include "classify/classifier.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "classify/affected_count.h"
#include "base/term_table.h"
#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kNegationWindowChars = 30;

std::string fold(std::string_view text) { return fold_case(normalize(text)); }

}  // namespace

Classifier::Classifier(const std::string& data_dir) {
  namespace fs = std::filesystem;
  taxonomy_ = Taxonomy::load((fs::path(data_dir) / "taxonomy.tsv").string());
  const std::string path = (fs::path(data_dir) / "classification_rules.tsv").string();
  for (const TableLine& line : read_table_file(path)) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 5) throw std::runtime_error(where + "expected facet, value, action, scope, pattern");
    const auto& w = line.words;
    if (w[0] == "negation") {
      negation_cues_.push_back(fold(w[4]));
      continue;
    }
    Rule rule{w[0], w[1], w[2] == "veto", Scope::Text, fold(w[4]), line.line_number};
    if (w[2] != "match" && w[2] != "veto") throw std::runtime_error(where + "action must be match or veto");
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
    rules_.push_back(std::move(rule));
  }
  std::vector<std::string> patterns;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const auto known = std::find(patterns.begin(), patterns.end(), rules_[r].pattern);
    if (known == patterns.end()) {
      patterns.push_back(rules_[r].pattern);
      rules_of_pattern_.push_back({r});
    } else {
      rules_of_pattern_[static_cast<std::size_t>(known - patterns.begin())].push_back(r);
    }
  }
  patterns_ = PhraseMatcher(std::move(patterns));
}

// Whether the sentence after an occurrence denies it (「…は漏えいしていません」).
bool Classifier::denied(std::string_view text, std::size_t after) const {
  std::string_view rest = utf8::prefix(text.substr(after), kNegationWindowChars);
  rest = rest.substr(0, std::min({rest.find("。"), rest.find('\n'), rest.size()}));
  return std::any_of(negation_cues_.begin(), negation_cues_.end(),
                     [&](const std::string& cue) { return rest.find(cue) != std::string_view::npos; });
}

// One pass over one field marks the rules that one of their occurrences there satisfies.
// The title and the body are each scanned once and serve both their own scope and
// `text`: no pattern spans a line break, so that equals scanning "title\nbody".
void Classifier::match_field(std::string_view text, Scope field, Matched& matched) const {
  patterns_.for_each_match(text, [&](std::size_t pattern, std::size_t offset) {
    for (const std::size_t r : rules_of_pattern_[pattern]) {
      const Rule& rule = rules_[r];
      const bool in_scope = rule.scope == field || (rule.scope == Scope::Text && field != Scope::Org);
      if (!in_scope || matched[r]) continue;
      if (!denied(text, offset + rule.pattern.size())) matched[r] = true;
    }
  });
}

Classifier::Matched Classifier::match_rules(const Notice& notice) const {
  Matched matched(rules_.size(), false);
  match_field(fold(notice.org), Scope::Org, matched);
  match_field(fold(notice.title), Scope::Title, matched);
  match_field(fold(notice.body), Scope::Body, matched);
  return matched;
}

std::vector<std::string> Classifier::multi_valued(const std::string& facet, const Matched& matched) const {
  // A value holds when one of its match rules holds and none of its veto rules does.
  const auto& values = taxonomy_.values(facet);
  std::vector<bool> found(values.size(), false);
  std::vector<bool> vetoed(values.size(), false);
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (!matched[r] || rules_[r].facet != facet) continue;
    (rules_[r].veto ? vetoed : found)[rules_[r].value_index] = true;
  }
  std::vector<std::string> out;
  for (std::size_t v = 0; v < values.size(); ++v) {
    if (found[v] && !vetoed[v]) out.push_back(values[v].slug);
  }
  return out;
}

std::string Classifier::single_valued(const std::string& facet, const Matched& matched) const {
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (rules_[r].facet == facet && !rules_[r].veto && matched[r]) return rules_[r].value;
  }
  const auto& values = taxonomy_.values(facet);
  return values.empty() ? std::string() : values.front().slug;
}

NoticeFacets Classifier::classify(const Notice& notice) const {
  const Matched matched = match_rules(notice);

  NoticeFacets facets;
  facets.causes = multi_valued("cause", matched);
  // `contractor` says where, not what: alone it still needs a leaf for what happened.
  if (facets.causes.empty() || (facets.causes.size() == 1 && facets.causes.front() == "contractor")) {
    facets.causes.push_back("other");
  }
  for (const std::string& cause : facets.causes) {
    if (const auto family = taxonomy_.family(cause);
        family && std::find(facets.cause_families.begin(), facets.cause_families.end(), *family) ==
                      facets.cause_families.end()) {
      facets.cause_families.push_back(*family);
    }
  }
  facets.sector = single_valued("sector", matched);
  facets.data = multi_valued("data", matched);
  facets.outcome = single_valued("outcome", matched);
  facets.affected = headline_affected(notice.title + "\n" + notice.body);
  if (notice.date) {
    facets.year = notice.date->year;
  } else if (notice.incident.size() >= 4) {
    facets.year = std::stoi(notice.incident.substr(0, 4));
  }
  return facets;
}

}  // namespace kaiji
