#include "base/taxonomy.h"

#include <algorithm>
#include <stdexcept>

#include "base/word_form.h"
#include "base/term_table.h"

namespace kaiji {

Taxonomy Taxonomy::load(const std::string& path) {
  Taxonomy taxonomy;
  for (const TableLine& line : read_table_file(path)) {
    if (line.words.size() < 3) {
      throw std::runtime_error(path + ":" + std::to_string(line.line_number) + ": expected facet, slug, display name");
    }
    auto it = std::find_if(taxonomy.facets_.begin(), taxonomy.facets_.end(),
                           [&](const Facet& f) { return f.name == line.words[0]; });
    if (it == taxonomy.facets_.end()) {
      taxonomy.facets_.push_back({line.words[0], {}});
      it = std::prev(taxonomy.facets_.end());
    }
    it->values.push_back({line.words[1], line.words[2], line.words.size() > 3 ? line.words[3] : ""});
  }
  return taxonomy;
}

const std::vector<FacetValue>& Taxonomy::values(std::string_view facet) const {
  static const std::vector<FacetValue> none;
  for (const Facet& f : facets_) {
    if (f.name == facet) return f.values;
  }
  return none;
}

std::optional<std::string> Taxonomy::resolve(std::string_view facet, std::string_view given) const {
  const std::string wanted = normalise_word(given);
  for (const FacetValue& v : values(facet)) {
    if (v.slug == wanted || normalise_word(v.display) == wanted) return v.slug;
  }
  return std::nullopt;
}

std::string Taxonomy::display(std::string_view facet, std::string_view slug) const {
  for (const FacetValue& v : values(facet)) {
    if (v.slug == slug) return v.display;
  }
  return std::string(slug);
}

std::optional<std::string> Taxonomy::family(std::string_view cause) const {
  for (const FacetValue& v : values("cause")) {
    if (v.slug == cause && !v.family.empty() && v.family != "-") return v.family;
  }
  return std::nullopt;
}

}  // namespace kaiji
