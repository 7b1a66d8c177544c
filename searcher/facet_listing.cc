#include "facet_listing.h"

#include <algorithm>

#include "result_output.h"
#include "safe_text.h"

namespace kaiji {
namespace {

std::size_t count_of(const FacetCounts& counted, const std::string& slug) {
  const auto it = std::find_if(counted.counts.begin(), counted.counts.end(),
                               [&](const FacetCount& c) { return c.value == slug; });
  return it == counted.counts.end() ? 0 : it->count;
}

}  // namespace

std::vector<ListedFacet> list_facets(const std::vector<FacetCounts>& counted, const Taxonomy& taxonomy) {
  std::vector<ListedFacet> out;
  for (const FacetCounts& facet : counted) {
    ListedFacet listed{facet.facet, {}};
    const std::vector<FacetValue>& table = taxonomy.values(facet.facet);
    for (const FacetValue& v : table) {
      ListedValue value{v.slug, v.display, std::nullopt, count_of(facet, v.slug)};
      if (facet.facet == "cause") value.family = taxonomy.family(v.slug);
      listed.values.push_back(std::move(value));
    }
    if (table.empty()) {  // years, labels: what the index holds
      for (const FacetCount& c : facet.counts) listed.values.push_back({c.value, c.value, std::nullopt, c.count});
    }
    out.push_back(std::move(listed));
  }
  return out;
}

void write_facet_list_text(std::ostream& out, const std::vector<ListedFacet>& facets, std::size_t notices) {
  out << with_thousands(notices) << (notices == 1 ? " notice" : " notices") << " in the index; filter with facet:slug or facet:名前\n";
  for (const ListedFacet& facet : facets) {
    out << '\n' << facet.facet << '\n';
    for (const ListedValue& v : facet.values) {
      out << "  " << padded(v.slug, 23) << padded(v.name, 20);
      if (facet.facet == "cause") out << padded(v.family.value_or("(any family)"), 14);
      out << with_thousands(v.count) << '\n';
    }
  }
}

nlohmann::ordered_json facet_list_json(const std::vector<ListedFacet>& facets, std::size_t notices) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ListedFacet& facet : facets) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const ListedValue& v : facet.values) {
      nlohmann::ordered_json value = {{"slug", v.slug}, {"name", v.name}};
      if (facet.facet == "cause") value["family"] = v.family ? nlohmann::ordered_json(*v.family) : nullptr;
      value["count"] = v.count;
      values.push_back(std::move(value));
    }
    list.push_back({{"facet", facet.facet}, {"values", std::move(values)}});
  }
  return {{"notices", notices}, {"facets", std::move(list)}};
}

}  // namespace kaiji
