#include "api_output.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/utf8.h"
#include "result_output.h"

namespace kaiji::server {
namespace {

using ojson = nlohmann::ordered_json;

// The values chosen for each facet, as slugs where the taxonomy knows the facet (a filter
// may name a value by its Japanese label).
std::map<std::string, std::set<std::string>> selected_values(const SearchRequest& request, const Taxonomy& taxonomy) {
  std::map<std::string, std::set<std::string>> out;
  for (const FacetFilter& filter : request.filters) {
    for (const std::string& value : filter.values) {
      out[filter.facet].insert(taxonomy.resolve(filter.facet, value).value_or(value));
    }
  }
  return out;
}

ojson value_json(const Taxonomy& taxonomy, const std::string& facet, const FacetCount& count,
                 const std::set<std::string>& selected) {
  return {{"value", count.value},
          {"label", facet_label(taxonomy, facet, count.value)},
          {"count", count.count},
          {"selected", selected.contains(count.value)}};
}

// One facet's values in the engine's order; chosen values that no match has still listed
// (count 0), so the filter stays visible and removable.
ojson counts_json(const Taxonomy& taxonomy, const std::string& facet, const std::vector<FacetCount>& counts,
                  const std::set<std::string>& selected) {
  ojson out = ojson::array();
  std::set<std::string> listed;
  for (const FacetCount& count : counts) {
    out.push_back(value_json(taxonomy, facet, count, selected));
    listed.insert(count.value);
  }
  for (const std::string& value : selected) {
    if (!listed.contains(value)) out.push_back(value_json(taxonomy, facet, {value, 0}, selected));
  }
  return out;
}

ojson histograms_json(const SearchResponse& response, const Taxonomy& taxonomy,
                      const std::map<std::string, std::set<std::string>>& selected) {
  static const std::set<std::string> none;
  const auto chosen = [&](const std::string& facet) -> const std::set<std::string>& {
    const auto it = selected.find(facet);
    return it == selected.end() ? none : it->second;
  };
  std::vector<FacetCount> years;
  for (const FacetCounts& facet : response.facets) {
    if (facet.facet == "year") years = facet.counts;
  }
  std::sort(years.begin(), years.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  ojson year = ojson::array(), month = ojson::array();
  for (const FacetCount& c : years) year.push_back(value_json(taxonomy, "year", c, chosen("year")));
  for (const FacetCount& c : response.months) month.push_back(value_json(taxonomy, "month", c, chosen("month")));
  return {{"year", year}, {"month", month}};
}

ojson filters_json(const SearchRequest& request, const Taxonomy& taxonomy) {
  ojson out = ojson::array();
  for (const FacetFilter& filter : request.filters) {
    for (const std::string& value : filter.values) {
      const std::string slug = taxonomy.resolve(filter.facet, value).value_or(value);
      out.push_back({{"facet", filter.facet}, {"value", slug}, {"label", facet_label(taxonomy, filter.facet, slug)}});
    }
  }
  return out;
}

}  // namespace

std::string facet_label(const Taxonomy& taxonomy, const std::string& facet, const std::string& value) {
  if (facet == "year") return value + "年";
  if (facet == "month" && value.size() == 7) return value.substr(0, 4) + "年" + std::to_string(std::stoi(value.substr(5))) + "月";
  if (!taxonomy.values(facet).empty()) return taxonomy.display(facet, value);
  return value;
}

std::vector<std::pair<std::size_t, std::size_t>> utf16_highlights(const Snippet& snippet) {
  // utf16_at[k]: the UTF-16 offset of code point k.
  std::vector<std::size_t> utf16_at{0};
  for (std::size_t i = 0; i < snippet.text.size();) {
    const char32_t c = utf8::decode(snippet.text, i);
    utf16_at.push_back(utf16_at.back() + (c > 0xFFFF ? 2 : 1));
  }
  const auto at = [&](std::size_t code_point) { return utf16_at[std::min(code_point, utf16_at.size() - 1)]; };
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& [begin, end] : snippet.highlights) out.emplace_back(at(begin), at(end));
  return out;
}

ojson search_json(const SearchResponse& response, const SearchRequest& request, const Taxonomy& taxonomy,
                  double took_ms) {
  ojson out = response_to_json(response);
  out.erase("facets");
  ojson& results = out["results"];
  for (std::size_t k = 0; k < results.size() && k < response.hits.size(); ++k) {
    ojson highlights = ojson::array();
    for (const auto& [begin, end] : utf16_highlights(response.hits[k].snippet)) highlights.push_back({begin, end});
    results[k]["highlights_utf16"] = highlights;
  }
  out["offset"] = response.offset;
  out["limit"] = request.limit;
  out["took_ms"] = std::round(took_ms * 10.0) / 10.0;
  out["filters"] = filters_json(request, taxonomy);
  if (request.facets) {
    const auto selected = selected_values(request, taxonomy);
    ojson facets = ojson::object();
    for (const FacetCounts& facet : response.facets) {
      const auto chosen = selected.find(facet.facet);
      facets[facet.facet] = counts_json(taxonomy, facet.facet, facet.counts,
                                        chosen == selected.end() ? std::set<std::string>() : chosen->second);
    }
    out["facets"] = facets;
    out["histograms"] = histograms_json(response, taxonomy, selected);
  }
  return out;
}

ojson taxonomy_json(const Taxonomy& taxonomy) {
  ojson out = ojson::object();
  for (const char* facet : {"cause", "cause_family", "sector", "data", "outcome"}) {
    ojson values = ojson::array();
    for (const FacetValue& v : taxonomy.values(facet)) {
      ojson value = {{"value", v.slug}, {"label", v.display}};
      if (std::string_view(facet) == "cause") value["family"] = v.family == "-" ? ojson(nullptr) : ojson(v.family);
      values.push_back(value);
    }
    out[facet] = values;
  }
  return {{"facets", out}};
}

}  // namespace kaiji::server
