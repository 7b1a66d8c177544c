// The facet taxonomy loaded from dict/taxonomy.tsv: which values each facet may take,
// their Japanese display names, and each cause's family.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

struct FacetValue {
  std::string slug;
  std::string display;
  std::string family;  // causes only; "-" for the cross-cutting contractor
};

class Taxonomy {
 public:
  Taxonomy() = default;
  // Throws std::runtime_error naming the file and line on a malformed table.
  static Taxonomy load(const std::string& path);

  // The values of a facet in table order (empty for an unknown facet).
  const std::vector<FacetValue>& values(std::string_view facet) const;
  // The slug for a slug or display name (ランサムウェア → ransomware), or nothing.
  std::optional<std::string> resolve(std::string_view facet, std::string_view slug_or_display) const;
  // Display name of a slug (the slug itself when unknown).
  std::string display(std::string_view facet, std::string_view slug) const;
  // Family of a cause slug, or nothing for cross-cutting causes.
  std::optional<std::string> family(std::string_view cause) const;

 private:
  struct Facet {
    std::string name;
    std::vector<FacetValue> values;
  };
  std::vector<Facet> facets_;
};

}  // namespace kaiji
