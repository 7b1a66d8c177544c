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
      {"body", n.body},
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
  n.body = j.value("body", "");
  return n;
}

}  // namespace kaiji
