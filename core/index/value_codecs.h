// The value slots' encodings, each encoder beside its decoder: what the document builder
// writes and what the searcher's filters, sorts and bookkeeping read (slots in schema.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace kaiji::codec {

// kDateSlot: YYYYMMDD, so string order is date order and date:a..b is a value range.
std::string encode_date(const Date& date);
std::optional<Date> decode_date(std::string_view value);

// kYearSlot (and the year facet's value): the year in decimal digits.
std::string encode_year(int year);
std::optional<int> decode_year(std::string_view value);

// kAffectedSlot: Xapian::sortable_serialise of the count, for affected:>=N ranges.
std::string encode_affected(std::int64_t count);
std::int64_t decode_affected(std::string_view value);

// kDateAsc/Desc and kAffectedAsc/Desc slots: the key, then the notice id, so ties break
// the same way in every shard layout; a notice without the key sorts last either way.
enum class SortDirection { Ascending, Descending };
std::string encode_sort_key(std::string_view key, std::string_view id, SortDirection direction);
// The fixed-width key of a count for those slots (20 digits; empty for no count).
std::string count_sort_key(std::optional<std::int64_t> count);

// Several values in one slot (kSourceFilesSlot): joined by schema::kValueSeparator,
// which no value may hold.
std::string join_values(const std::vector<std::string>& values);
std::vector<std::string> split_values(std::string_view joined);

}  // namespace kaiji::codec
