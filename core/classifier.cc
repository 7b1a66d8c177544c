#include "classifier.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "affected_count.h"
#include "analyzer.h"
#include "term_table.h"
#include "text_normalizer.h"
#include "utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kNegationWindowChars = 30;

std::string fold(std::string_view text) { return fold_case(normalize(text)); }

}  // namespace

struct Classifier::Texts {
  std::string org;
  std::string title;
  std::string body;
  std::string text;  // title and body
};

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
    Rule rule{w[0], w[1], w[2] == "veto", Scope::Text, fold(w[4]), line.line_number, nullptr, nullptr};
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
    if (std::none_of(values.begin(), values.end(), [&](const FacetValue& v) { return v.slug == rule.value; })) {
      throw std::runtime_error(where + "'" + rule.facet + ":" + rule.value + "' is not in taxonomy.tsv");
    }
    rule.pattern_storage = std::make_shared<const std::string>(rule.pattern);
    rule.searcher = std::make_shared<const Rule::Searcher>(rule.pattern_storage->begin(), rule.pattern_storage->end());
    rules_.push_back(std::move(rule));
  }
}

bool Classifier::matches(const Rule& rule, const Texts& texts) const {
  const std::string& text = rule.scope == Scope::Org     ? texts.org
                            : rule.scope == Scope::Title ? texts.title
                            : rule.scope == Scope::Body  ? texts.body
                                                         : texts.text;
  for (auto found = std::search(text.begin(), text.end(), *rule.searcher); found != text.end();
       found = std::search(found + static_cast<long>(rule.pattern.size()), text.end(), *rule.searcher)) {
    // What follows in the same sentence, to see whether it is denied (「…は漏えいしていません」).
    const std::size_t after = static_cast<std::size_t>(found - text.begin()) + rule.pattern.size();
    std::string_view rest = utf8::prefix(std::string_view(text).substr(after), kNegationWindowChars);
    rest = rest.substr(0, std::min({rest.find("。"), rest.find('\n'), rest.size()}));
    const bool denied = std::any_of(negation_cues_.begin(), negation_cues_.end(),
                                    [&](const std::string& cue) { return rest.find(cue) != std::string_view::npos; });
    if (!denied) return true;
  }
  return false;
}

std::vector<std::string> Classifier::multi_valued(const std::string& facet, const Texts& texts) const {
  std::vector<std::string> out;
  for (const FacetValue& value : taxonomy_.values(facet)) {
    bool matched = false;
    bool vetoed = false;
    for (const Rule& rule : rules_) {
      if (rule.facet != facet || rule.value != value.slug) continue;
      if (rule.veto ? vetoed : matched) continue;  // already decided
      if (matches(rule, texts)) (rule.veto ? vetoed : matched) = true;
    }
    if (matched && !vetoed) out.push_back(value.slug);
  }
  return out;
}

std::string Classifier::single_valued(const std::string& facet, const Texts& texts) const {
  for (const Rule& rule : rules_) {
    if (rule.facet == facet && !rule.veto && matches(rule, texts)) return rule.value;
  }
  const auto& values = taxonomy_.values(facet);
  return values.empty() ? std::string() : values.front().slug;
}

NoticeFacets Classifier::classify(const Notice& notice) const {
  Texts texts{fold(notice.org), fold(notice.title), fold(notice.body), {}};
  texts.text = texts.title + "\n" + texts.body;

  NoticeFacets facets;
  facets.causes = multi_valued("cause", texts);
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
  facets.sector = single_valued("sector", texts);
  facets.data = multi_valued("data", texts);
  facets.outcome = single_valued("outcome", texts);
  facets.affected = headline_affected(notice.title + "\n" + notice.body);
  if (notice.date) {
    facets.year = notice.date->year;
  } else if (notice.incident.size() >= 4) {
    facets.year = std::stoi(notice.incident.substr(0, 4));
  }
  return facets;
}

}  // namespace kaiji
