// Facet filters in the query (cause:ransomware, year:2022..2024, affected:>=10000, …)
// turned into weightless Xapian queries over schema.h's filter terms and value slots.
#pragma once

#include <string_view>

#include <xapian.h>

#include "query_syntax.h"
#include "base/taxonomy.h"

namespace kaiji {

// True for the fields that filter (everything but the text fields title: and org:).
bool is_filter_field(std::string_view field);

// The filter for a Field node. Throws QuerySyntaxError naming the valid values when the
// value is unknown or malformed (cause:ransomwear, year:abc, date:2024-13-01).
Xapian::Query filter_query(const QueryNode& node, const Taxonomy& taxonomy);

}  // namespace kaiji
