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
      {"labels", n.labels},
      {"sources", n.sources},
      {"snippet", hit.snippet.text},
      {"highlights", highlights},
  };
}

}  // namespace

nlohmann::ordered_json response_to_json(const SearchResponse& response) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const SearchHit& hit : response.hits) results.push_back(hit_to_json(hit));
  return {
      {"query", response.query},
      {"total", response.total},
      {"total_is_estimate", !response.total_is_exact},
      {"results", results},
  };
}

void write_json(std::ostream& out, const SearchResponse& response) {
  out << response_to_json(response).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void write_text(std::ostream& out, const SearchResponse& response, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  out << (response.total_is_exact ? "" : "about ") << response.total
      << (response.total == 1 ? " notice" : " notices") << " for " << response.query << '\n';
  for (const SearchHit& hit : response.hits) {
    const Notice& n = hit.notice;
    out << '\n'
        << hit.rank << ". " << (n.date ? n.date->iso() : std::string("(no date)")) << "  " << bold
        << (n.org.empty() ? std::string("(organisation unknown)") : n.org) << reset << '\n'
        << "   " << n.title << '\n'
        << "   " << dim << (n.incident.empty() ? "" : "#" + n.incident + "  ") << "id " << n.id << reset << '\n'
        << "   " << (color ? mark_snippet(hit.snippet, "\033[1;33m", "\033[0m") : mark_snippet(hit.snippet)) << '\n';
  }
}

}  // namespace kaiji
