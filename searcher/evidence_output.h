// Why each extracted field of a notice has its value (NoticeFacets::evidence): the JSON
// `evidence` array of --show (docs/json-output.md) and the table --show ID --explain prints.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/notice.h"
#include "base/taxonomy.h"

namespace kaiji {

nlohmann::ordered_json evidence_to_json(const std::vector<Evidence>& evidence);

// One line a value: field, value (by its Japanese name for facets), the rule or place
// that set it, where it matched and the text it matched.
void write_evidence_text(std::ostream& out, const Notice& notice, const Taxonomy& taxonomy);

}  // namespace kaiji
