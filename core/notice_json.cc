#include "notice_json.h"

namespace kaiji {

nlohmann::json to_json(const Notice& n) {
  nlohmann::json release = nlohmann::json::array();
  for (const Date& d : n.release_dates) release.push_back(d.iso());
  return {
      {"id", n.id},
      {"incident", n.incident},
      {"org", n.org},
      {"title", n.title},
      {"date", n.date ? nlohmann::json(n.date->iso()) : nlohmann::json(nullptr)},
      {"release_dates", release},
      {"labels", n.labels},
      {"sources", n.sources},
      {"url", n.url},
      {"body", n.body},
      {"facets", to_json(n.facets)},
  };
}

nlohmann::json to_json(const NoticeFacets& f) {
  return {
      {"causes", f.causes},
      {"cause_families", f.cause_families},
      {"sector", f.sector},
      {"year", f.year ? nlohmann::json(*f.year) : nlohmann::json(nullptr)},
      {"affected", f.affected ? nlohmann::json(*f.affected) : nlohmann::json(nullptr)},
      {"data", f.data},
      {"outcome", f.outcome},
  };
}

Notice notice_from_json(const nlohmann::json& j) {
  Notice n;
  n.id = j.at("id").get<std::string>();
  n.incident = j.value("incident", "");
  n.org = j.value("org", "");
  n.title = j.value("title", "");
  if (j.contains("date") && j["date"].is_string()) n.date = Date::parse_iso(j["date"].get<std::string>());
  for (const auto& d : j.value("release_dates", nlohmann::json::array())) {
    if (auto parsed = Date::parse_iso(d.get<std::string>())) n.release_dates.push_back(*parsed);
  }
  n.labels = j.value("labels", std::vector<std::string>{});
  n.sources = j.value("sources", std::vector<std::string>{});
  n.url = j.value("url", "");
  n.body = j.value("body", "");
  if (j.contains("facets")) {
    const nlohmann::json& f = j["facets"];
    n.facets.causes = f.value("causes", std::vector<std::string>{});
    n.facets.cause_families = f.value("cause_families", std::vector<std::string>{});
    n.facets.sector = f.value("sector", "");
    if (f.contains("year") && f["year"].is_number()) n.facets.year = f["year"].get<int>();
    if (f.contains("affected") && f["affected"].is_number()) n.facets.affected = f["affected"].get<std::int64_t>();
    n.facets.data = f.value("data", std::vector<std::string>{});
    n.facets.outcome = f.value("outcome", "");
  }
  return n;
}

}  // namespace kaiji
