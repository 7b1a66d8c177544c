#include "request_filters.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "base/date.h"
#include "filter_query.h"
#include "query_syntax.h"

namespace kaiji {
namespace {

constexpr std::string_view kMonth = "month";

// "2024-06" → the query language's date:2024-06-01..2024-06-30.
std::optional<std::string> month_range(std::string_view month) {
  int year = 0, number = 0;
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  const auto y = std::from_chars(month.data(), month.data() + 4, year);
  const auto m = std::from_chars(month.data() + 5, month.data() + 7, number);
  if (y.ptr != month.data() + 4 || m.ptr != month.data() + 7) return std::nullopt;
  const std::optional<Date> first = Date::from_ymd(year, number, 1);
  if (!first) return std::nullopt;
  for (int last_day = 31; last_day >= 28; --last_day) {
    if (const std::optional<Date> last = Date::from_ymd(year, number, last_day)) {
      return first->iso() + ".." + last->iso();
    }
  }
  return std::nullopt;
}

std::vector<std::string> slugs(const Taxonomy& taxonomy, std::string_view facet) {
  std::vector<std::string> out;
  for (const FacetValue& v : taxonomy.values(facet)) out.push_back(v.slug);
  return out;
}

// One value of a filter, as the query language's field:value would filter.
Xapian::Query value_query(const std::string& facet, const std::string& value, const Taxonomy& taxonomy) {
  QueryNode node;
  node.kind = QueryNode::Kind::Field;
  node.field = facet;
  node.text = value;
  node.column = 1;
  if (facet == kMonth) {
    const std::optional<std::string> range = month_range(value);
    if (!range) throw FilterError("month:" + value + ": a month is written YYYY-MM (month:2024-06)", facet, {});
    node.field = "date";
    node.text = *range;
  }
  try {
    return filter_query(node, taxonomy);
  } catch (const QuerySyntaxError& e) {
    throw FilterError(e.what(), facet, slugs(taxonomy, facet));
  }
}

}  // namespace

std::vector<std::string> filter_facets() {
  std::vector<std::string> out;
  for (const std::string& field : query_fields()) {
    if (is_filter_field(field)) out.push_back(field);
  }
  out.emplace_back(kMonth);
  return out;
}

RequestFilters::RequestFilters(const std::vector<FacetFilter>& filters, const Taxonomy& taxonomy) {
  const std::vector<std::string> known = filter_facets();
  for (const FacetFilter& filter : filters) {
    if (std::find(known.begin(), known.end(), filter.facet) == known.end()) {
      throw FilterError("'" + filter.facet + "' is not a facet that filters", filter.facet, known);
    }
    std::vector<Xapian::Query> values;
    for (const std::string& value : filter.values) values.push_back(value_query(filter.facet, value, taxonomy));
    if (values.empty()) continue;
    auto [it, added] = by_facet_.try_emplace(filter.facet);
    if (!added) values.push_back(it->second);
    it->second = Xapian::Query(Xapian::Query::OP_OR, values.begin(), values.end());
  }
}

std::vector<std::string> RequestFilters::facets() const {
  std::vector<std::string> out;
  for (const auto& entry : by_facet_) out.push_back(entry.first);
  return out;
}

Xapian::Query RequestFilters::apply_except(const Xapian::Query& query, std::string_view lifted) const {
  std::vector<Xapian::Query> kept;
  for (const auto& [facet, filter] : by_facet_) {
    if (facet != lifted) kept.push_back(filter);
  }
  if (kept.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end()));
}

}  // namespace kaiji
