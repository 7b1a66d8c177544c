// Notice ⇄ JSON: the stored form of a notice in the index (document data) and the
// base of the searcher's JSON output.
#pragma once

#include <nlohmann/json.hpp>

#include "notice.h"

namespace kaiji {

nlohmann::json to_json(const Notice& notice);
nlohmann::json to_json(const NoticeFacets& facets);
// Throws nlohmann::json::exception on a malformed record.
Notice notice_from_json(const nlohmann::json& j);

}  // namespace kaiji
