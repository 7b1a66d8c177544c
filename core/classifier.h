// Classification at index time, driven by rules kept as data (dict/classification_rules.tsv)
// and the taxonomy (dict/taxonomy.tsv): causes and their families, sector, leaked data
// types and outcome by phrase rules; affected count and year by their own readers.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "notice.h"
#include "taxonomy.h"

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
    // Boyer–Moore–Horspool over the pattern, shared so Rule stays copyable; it skips
    // ahead by the pattern's length, where a plain find() stops at every lead byte of
    // the UTF-8 text (E3 starts most Japanese characters).
    using Searcher = std::boyer_moore_horspool_searcher<std::string::const_iterator>;
    std::shared_ptr<const std::string> pattern_storage;
    std::shared_ptr<const Searcher> searcher;
  };
  struct Texts;

  bool matches(const Rule& rule, const Texts& texts) const;
  std::vector<std::string> multi_valued(const std::string& facet, const Texts& texts) const;
  std::string single_valued(const std::string& facet, const Texts& texts) const;

  Taxonomy taxonomy_;
  std::vector<Rule> rules_;
  std::vector<std::string> negation_cues_;
};

}  // namespace kaiji
