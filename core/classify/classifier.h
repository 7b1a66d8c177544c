// Classification at index time, driven by rules kept as data (dict/classification_rules.tsv)
// and the taxonomy (dict/taxonomy.tsv): causes and their families, sector, leaked data
// types and outcome by phrase rules; affected count and year by their own readers.
#pragma once

#include <string>
#include <vector>

#include "base/notice.h"
#include "classify/phrase_matcher.h"
#include "base/taxonomy.h"

namespace kaiji {

class Classifier {
 public:
  // Loads taxonomy.tsv and classification_rules.tsv from data_dir. Every rule's facet
  // and value must exist in the taxonomy; otherwise std::runtime_error names the line.
  explicit Classifier(const std::string& data_dir);

  NoticeFacets classify(const Notice& notice) const;
  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  enum class Scope { Org, Title, Body, Text };
  struct Rule {
    std::string facet;
    std::string value;
    bool veto = false;
    Scope scope = Scope::Text;
    std::string pattern;  // normalised
    std::size_t line = 0;
    std::size_t value_index = 0;  // of value in taxonomy_.values(facet)
  };
  // Which rules hold for one notice: rule index → an occurrence that is not denied.
  using Matched = std::vector<bool>;

  Matched match_rules(const Notice& notice) const;
  void match_field(std::string_view text, Scope field, Matched& matched) const;
  bool denied(std::string_view text, std::size_t after) const;
  std::vector<std::string> multi_valued(const std::string& facet, const Matched& matched) const;
  std::string single_valued(const std::string& facet, const Matched& matched) const;

  Taxonomy taxonomy_;
  std::vector<Rule> rules_;
  std::vector<std::string> negation_cues_;
  // Every distinct rule pattern once; rules_of_pattern_[p] lists the rules using pattern p.
  PhraseMatcher patterns_;
  std::vector<std::vector<std::size_t>> rules_of_pattern_;
};

}  // namespace kaiji
