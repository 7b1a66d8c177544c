// A JSON Schema checker for the subset docs/search-output.schema.json uses: type,
// required, properties, additionalProperties, items, enum, minimum, minItems,
// maxItems, pattern and local $ref. Enough to hold the output to its contract.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kaiji::e2e {

// Every violation, as "path: what is wrong"; empty when the instance conforms.
std::vector<std::string> schema_violations(const nlohmann::json& schema, const nlohmann::json& instance);

}  // namespace kaiji::e2e
