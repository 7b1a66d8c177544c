#include "filter_query.h"

#include <charconv>
#include <optional>

#include "base/date.h"
#include "base/word_form.h"
#include "index/schema.h"
#include "index/value_codecs.h"

namespace kaiji {
namespace {

// "a..b", "a..", "..b" or a single value "a".
struct Range {
  std::string_view low;
  std::string_view high;
  bool is_range = false;
};

Range split_range(std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) return {value, value, false};
  return {value.substr(0, dots), value.substr(dots + 2), true};
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Xapian::Query weightless(const Xapian::Query& q) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0); }

Xapian::Query slot_range(Xapian::valueno slot, const std::string& low, const std::string& high) {
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
}

[[noreturn]] void fail(const QueryNode& node, const std::string& message) {
  throw QuerySyntaxError(node.field + ":" + node.text + ": " + message, node.column);
}

// A range whose start is after its end matches nothing: a typo, said so rather than
// answered with no notices (or, read loosely, with all of them).
template <typename T>
void check_order(const QueryNode& node, const std::optional<T>& low, const std::optional<T>& high) {
  if (low && high && *high < *low) fail(node, "the range starts after it ends (write the smaller value first)");
}

Xapian::Query year_filter(const QueryNode& node) {
  const Range r = split_range(node.text);
  auto year = [&](std::string_view text) -> std::optional<int> {
    if (text.empty() && r.is_range) return std::nullopt;
    const auto y = parse_integer(text);
    if (!y || *y < 1900 || *y > 2200) fail(node, "a year is four digits: year:2024 or year:2022..2024");
    return static_cast<int>(*y);
  };
  const std::optional<int> low = year(r.low), high = year(r.high);
  check_order(node, low, high);
  const auto key = [](const std::optional<int>& y) { return y ? codec::encode_year(*y) : std::string(); };
  if (!r.is_range) return Xapian::Query(schema::term(schema::kYearPrefix, key(low)));
  return slot_range(schema::kYearSlot, key(low), key(high));
}

Xapian::Query date_filter(const QueryNode& node) {
  const Range r = split_range(node.text);
  auto date = [&](std::string_view text) -> std::optional<Date> {
    if (text.empty() && r.is_range) return std::nullopt;
    const auto d = Date::parse_iso(text);
    if (!d) fail(node, "dates are YYYY-MM-DD: date:2024-06-01..2024-12-31");
    return d;
  };
  const std::optional<Date> low = date(r.low), high = date(r.high);
  check_order(node, low, high);
  const auto key = [](const std::optional<Date>& d) { return d ? codec::encode_date(*d) : std::string(); };
  return slot_range(schema::kDateSlot, key(low), key(r.is_range ? high : low));
}

Xapian::Query affected_filter(const QueryNode& node) {
  const std::string_view v = node.text;
  auto count = [&](std::string_view text) {
    const auto n = parse_integer(text);
    if (!n || *n < 0) fail(node, "use affected:>=10000, affected:<500 or affected:1000..50000");
    return *n;
  };
  auto key = [](long long n) { return codec::encode_affected(n); };
  const Xapian::valueno slot = schema::kAffectedSlot;
  if (v.starts_with(">=")) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, key(count(v.substr(2))));
  if (v.starts_with("<=")) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, key(count(v.substr(2))));
  if (v.starts_with(">")) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, key(count(v.substr(1)) + 1));
  if (v.starts_with("<")) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, key(count(v.substr(1)) - 1));
  const Range r = split_range(v);
  const auto bound = [&](std::string_view text) { return text.empty() ? std::nullopt : std::optional(count(text)); };
  const std::optional<long long> low = bound(r.low), high = bound(r.high);
  check_order(node, low, high);
  const auto range_key = [&](const std::optional<long long>& n) { return n ? key(*n) : std::string(); };
  return slot_range(slot, range_key(low), range_key(r.is_range ? high : low));
}

// A taxonomy facet: slug or Japanese display name.
Xapian::Query taxonomy_filter(const QueryNode& node, const Taxonomy& taxonomy) {
  const auto slug = taxonomy.resolve(node.field, node.text);
  if (!slug) {
    std::string valid;
    for (const FacetValue& v : taxonomy.values(node.field)) {
      valid += (valid.empty() ? "" : ", ") + v.slug + " (" + v.display + ")";
    }
    fail(node, "unknown value; valid: " + valid + ", by slug or Japanese name (kaiji-searcher --list-facets)");
  }
  return Xapian::Query(schema::term(schema::facet_field(node.field)->prefix, *slug));
}

}  // namespace

bool is_filter_field(std::string_view field) { return field != "title" && field != "org"; }

Xapian::Query filter_query(const QueryNode& node, const Taxonomy& taxonomy) {
  if (node.text.empty() || node.text == "..") fail(node, "needs a value");
  if (node.field == "year") return weightless(year_filter(node));
  if (node.field == "date") return weightless(date_filter(node));
  if (node.field == "affected") return weightless(affected_filter(node));
  if (node.field == "label") {
    return weightless(Xapian::Query(schema::term(schema::kLabelPrefix, normalise_word(node.text))));
  }
  if (node.field == "incident") return weightless(Xapian::Query(schema::term(schema::kIncidentPrefix, node.text)));
  return weightless(taxonomy_filter(node, taxonomy));
}

}  // namespace kaiji
