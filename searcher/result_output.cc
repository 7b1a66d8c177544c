#include "result_output.h"

#include <cmath>


namespace kaiji {
namespace {

nlohmann::ordered_json release_dates(const Notice& n) {
  nlohmann::ordered_json dates = nlohmann::ordered_json::array();
  for (const Date& d : n.release_dates) dates.push_back(d.iso());
  return dates;
}

nlohmann::ordered_json hit_to_json(const SearchHit& hit) {
  nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
  for (const auto& [begin, end] : hit.snippet.highlights) highlights.push_back({begin, end});
  const Notice& n = hit.notice;
  return {
      {"id", n.id},
      {"rank", hit.rank},
      {"score", std::round(hit.score * 1000.0) / 1000.0},
      {"incident", n.incident},
      {"org", n.org},
      {"title", n.title},
      {"date", n.date ? nlohmann::ordered_json(n.date->iso()) : nlohmann::ordered_json(nullptr)},
      {"release_dates", release_dates(n)},
      {"causes", n.facets.causes},
      {"cause_families", n.facets.cause_families},
      {"sector", n.facets.sector},
      {"year", n.facets.year ? nlohmann::ordered_json(*n.facets.year) : nlohmann::ordered_json(nullptr)},
      {"affected", n.facets.affected ? nlohmann::ordered_json(*n.facets.affected) : nlohmann::ordered_json(nullptr)},
      {"data", n.facets.data},
      {"outcome", n.facets.outcome},
      {"labels", n.labels},
      {"sources", n.sources},
      {"snippet", hit.snippet.text},
      {"highlights", highlights},
  };
}

// "  · ランサムウェア・委託先経由  · 金融・保険  · 対象 69403  · 漏えい確認"
std::string describe_facets(const NoticeFacets& f, const Taxonomy& taxonomy) {
  std::string out;
  std::string causes;
  for (const std::string& c : f.causes) causes += (causes.empty() ? "" : "・") + taxonomy.display("cause", c);
  for (const std::string& part : {causes, f.sector.empty() ? std::string() : taxonomy.display("sector", f.sector),
                                  f.affected ? "対象 " + std::to_string(*f.affected) : std::string(),
                                  f.outcome.empty() ? std::string() : taxonomy.display("outcome", f.outcome)}) {
    if (!part.empty()) out += "  · " + part;
  }
  return out;
}

}  // namespace

nlohmann::ordered_json response_to_json(const SearchResponse& response) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const SearchHit& hit : response.hits) results.push_back(hit_to_json(hit));
  nlohmann::ordered_json out = {
      {"query", response.query},
      {"total", response.total},
      {"total_is_estimate", !response.total_is_exact},
      {"sort", response.browsing ? "date" : "relevance"},
      {"results", results},
  };
  if (!response.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const FacetCounts& f : response.facets) {
      nlohmann::ordered_json counts = nlohmann::ordered_json::object();
      for (const FacetCount& c : f.counts) counts[c.value] = c.count;
      facets[f.facet] = counts;
    }
    out["facets"] = facets;
  }
  return out;
}

void write_json(std::ostream& out, const SearchResponse& response) {
  out << response_to_json(response).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void write_text(std::ostream& out, const SearchResponse& response, const Taxonomy& taxonomy, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  out << (response.total_is_exact ? "" : "about ") << response.total << (response.total == 1 ? " notice" : " notices");
  if (response.browsing) {
    out << (response.query.empty() ? "" : " matching " + response.query) << ", newest first\n";
  } else {
    out << " for " << response.query << '\n';
  }
  if (!response.facets.empty()) {
    out << '\n';
    for (const FacetCounts& f : response.facets) {
      if (f.counts.empty()) continue;
      out << "  " << dim << f.facet << reset << "  ";
      for (std::size_t k = 0; k < f.counts.size(); ++k) {
        out << (k ? " · " : "") << taxonomy.display(f.facet, f.counts[k].value) << ' ' << f.counts[k].count;
      }
      out << '\n';
    }
  }
  for (const SearchHit& hit : response.hits) {
    const Notice& n = hit.notice;
    out << '\n'
        << hit.rank << ". " << (n.date ? n.date->iso() : std::string("(no date)")) << "  " << bold
        << (n.org.empty() ? std::string("(organisation unknown)") : n.org) << reset << '\n'
        << "   " << n.title << '\n'
        << "   " << dim << (n.incident.empty() ? "" : "#" + n.incident + "  ") << "id " << n.id
        << describe_facets(n.facets, taxonomy) << reset << '\n'
        << "   " << (color ? mark_snippet(hit.snippet, "\033[1;33m", "\033[0m") : mark_snippet(hit.snippet)) << '\n';
  }
}

}  // namespace kaiji
