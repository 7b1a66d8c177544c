// A search as the API is asked for it — URL parameters (GET) or a JSON body (POST) — read
// into the engine's SearchRequest. Throws ApiError (400) for anything it cannot take, naming
// the parameter and what it accepts.
#pragma once

#include <map>
#include <string>

#include "search_request.h"

namespace kaiji::server {

using Params = std::multimap<std::string, std::string>;

inline constexpr std::size_t kDefaultLimit = 20;
inline constexpr std::size_t kMaxLimit = 1000;

enum class ParamUse { Search, Export };

// q, filter (repeatable facet:value), sort, limit, offset, group, like, facets. Export
// takes every match, so no limit or offset.
SearchRequest search_request(const Params& params, ParamUse use);

// The same fields as a JSON object ({"q": "…", "filter": ["sector:finance"], "limit": 20,
// "facets": true}), turned into parameters.
Params params_from_json(const std::string& body);

}  // namespace kaiji::server
