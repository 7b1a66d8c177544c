#include "index/value_codecs.h"

#include <algorithm>
#include <charconv>

#include <xapian.h>

#include "index/schema.h"

namespace kaiji::codec {

std::string encode_date(const Date& date) { return date.sortable(); }

std::optional<Date> decode_date(std::string_view value) {
  if (value.size() != 8) return std::nullopt;
  const std::string iso = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" +
                          std::string(value.substr(6, 2));
  return Date::parse_iso(iso);
}

std::string encode_year(int year) { return std::to_string(year); }

std::optional<int> decode_year(std::string_view value) {
  int year = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), year);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return year;
}

std::string encode_affected(std::int64_t count) { return Xapian::sortable_serialise(static_cast<double>(count)); }

std::int64_t decode_affected(std::string_view value) {
  return static_cast<std::int64_t>(Xapian::sortable_unserialise(std::string(value)));
}

std::string encode_sort_key(std::string_view key, std::string_view id, SortDirection direction) {
  std::string out;
  if (key.empty()) {
    out = direction == SortDirection::Ascending ? std::string(1, '\xff') : std::string(1, '\0');
  } else {
    out = key;
  }
  out += id;
  return out;
}

std::string count_sort_key(std::optional<std::int64_t> count) {
  if (!count || *count < 0) return {};
  std::string digits = std::to_string(*count);
  digits.insert(0, 20 - std::min<std::size_t>(20, digits.size()), '0');
  return digits;
}

std::string join_values(const std::vector<std::string>& values) {
  std::string joined;
  for (const std::string& value : values) {
    if (!joined.empty()) joined += schema::kValueSeparator;
    joined += value;
  }
  return joined;
}

std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find(schema::kValueSeparator, start);
    if (end == std::string_view::npos) end = joined.size();
    out.emplace_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace kaiji::codec
