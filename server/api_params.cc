#include "api_params.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_error.h"

namespace kaiji::server {
namespace {

constexpr std::size_t kMaxQueryBytes = 10000;
constexpr std::size_t kMaxOffset = 1000000;
constexpr std::size_t kMaxFilters = 100;

[[noreturn]] void bad(const std::string& message, std::vector<std::string> valid = {}) {
  throw ApiError(400, "bad_parameter", message, std::nullopt, std::move(valid));
}

const std::vector<std::string>& known_params(ParamUse use) {
  static const std::vector<std::string> search = {"q", "filter", "sort", "limit", "offset", "group", "like", "facets"};
  static const std::vector<std::string> exported = {"q", "filter", "sort", "group", "like"};
  return use == ParamUse::Search ? search : exported;
}

// The one value of a parameter given at most once.
std::string single(const Params& params, const std::string& name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return {};
  if (std::next(first) != last) bad("'" + name + "' is given more than once");
  return first->second;
}

std::size_t count(const Params& params, const std::string& name, std::size_t if_absent, std::size_t at_most) {
  const std::string value = single(params, name);
  if (value.empty()) return if_absent;
  if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 9 || std::stoul(value) > at_most) {
    bad("'" + name + "' takes a whole number from 0 to " + std::to_string(at_most) + ", not '" + value + "'");
  }
  return std::stoul(value);
}

bool flag(const Params& params, const std::string& name) {
  const std::string value = single(params, name);
  if (value.empty() || value == "0" || value == "false") return false;
  if (value == "1" || value == "true") return true;
  bad("'" + name + "' takes 1 or 0 (true or false), not '" + value + "'");
}

// relevance, date, date-asc, affected, affected-asc (the response's names; date:asc too).
void read_sort(const std::string& value, SearchRequest& request) {
  if (value.empty()) return;
  static const std::vector<std::string> valid = {"relevance", "date", "date-asc", "affected", "affected-asc"};
  std::string name = value;
  std::replace(name.begin(), name.end(), ':', '-');
  if (name.ends_with("-desc")) name.resize(name.size() - 5);
  if (std::find(valid.begin(), valid.end(), name) == valid.end()) bad("'sort' cannot be '" + value + "'", valid);
  request.ascending = name.ends_with("-asc");
  const std::string key = request.ascending ? name.substr(0, name.size() - 4) : name;
  request.sort = key == "relevance" ? SortKey::Relevance : key == "date" ? SortKey::Date : SortKey::Affected;
}

// filter=sector:finance&filter=sector:retail → one FacetFilter with both values.
void read_filters(const Params& params, SearchRequest& request) {
  const auto [first, last] = params.equal_range("filter");
  if (static_cast<std::size_t>(std::distance(first, last)) > kMaxFilters) {
    bad("at most " + std::to_string(kMaxFilters) + " filters are accepted");
  }
  for (auto it = first; it != last; ++it) {
    const std::size_t colon = it->second.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == it->second.size()) {
      bad("'filter' takes facet:value (filter=sector:finance), not '" + it->second + "'");
    }
    const std::string facet = it->second.substr(0, colon);
    auto known = std::find_if(request.filters.begin(), request.filters.end(),
                              [&](const FacetFilter& f) { return f.facet == facet; });
    if (known == request.filters.end()) known = request.filters.insert(request.filters.end(), {facet, {}});
    known->values.push_back(it->second.substr(colon + 1));
  }
}

}  // namespace

SearchRequest search_request(const Params& params, ParamUse use) {
  const std::vector<std::string>& known = known_params(use);
  for (const auto& entry : params) {
    if (std::find(known.begin(), known.end(), entry.first) == known.end()) {
      bad("unknown parameter '" + entry.first + "'", known);
    }
  }
  SearchRequest request;
  request.query = single(params, "q");
  if (request.query.size() > kMaxQueryBytes) {
    bad("the query is " + std::to_string(request.query.size()) + " bytes; at most " + std::to_string(kMaxQueryBytes) +
        " are accepted");
  }
  if (use == ParamUse::Search) {
    request.limit = count(params, "limit", kDefaultLimit, kMaxLimit);
    request.offset = count(params, "offset", 0, kMaxOffset);
    request.facets = flag(params, "facets");
    request.months = request.facets;
  }
  read_sort(single(params, "sort"), request);
  const std::string group = single(params, "group");
  if (!group.empty() && group != "incident") bad("'group' takes 'incident'", {"incident"});
  request.group_by_incident = !group.empty();
  request.like_id = single(params, "like");
  read_filters(params, request);
  return request;
}

Params params_from_json(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) bad("the body must be a JSON object ({\"q\": \"…\"})");
  Params params;
  for (const auto& [name, value] : json.items()) {
    if (value.is_string()) {
      params.emplace(name, value.get<std::string>());
    } else if (value.is_number_unsigned()) {
      params.emplace(name, std::to_string(value.get<std::uint64_t>()));
    } else if (value.is_boolean()) {
      params.emplace(name, value.get<bool>() ? "1" : "0");
    } else if (value.is_array() && name == "filter") {
      for (const auto& item : value) {
        if (!item.is_string()) bad("'filter' is a list of \"facet:value\" strings");
        params.emplace(name, item.get<std::string>());
      }
    } else if (!value.is_null()) {
      bad("'" + name + "' has a value of the wrong type");
    }
  }
  return params;
}

}  // namespace kaiji::server
