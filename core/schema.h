// The index schema: every term prefix, value slot and field weight kaiji uses. The
// indexer writes documents and the searcher builds queries through these names only.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace kaiji::schema {

// ---- term prefixes (Xapian conventions: Q = unique id, S = subject/title) ----
inline constexpr std::string_view kIdPrefix = "Q";         // Q<notice id>
inline constexpr std::string_view kTitlePrefix = "S";      // title words, for title: searches
inline constexpr std::string_view kGramPrefix = "XG";      // character bigrams of org, title, unknown words
inline constexpr std::string_view kIncidentPrefix = "XI";  // XI2024-217
inline constexpr std::string_view kLabelPrefix = "XL";     // XL最終報告 (normalised)
inline constexpr std::string_view kYearPrefix = "Y";       // Y2024

// ---- value slots ----
inline constexpr Xapian::valueno kDateSlot = 0;      // YYYYMMDD publication date, sorts as a string
inline constexpr Xapian::valueno kIncidentSlot = 1;  // incident number, for grouping

// ---- field weights and positions ----
// Unprefixed terms hold organisation, title and body words, in that order.
// BM25 sees an organisation or title word as this many occurrences: they count more
// than the body.
inline constexpr Xapian::termcount kTitleWdf = 3;
// Each field's positions start this far after the previous one's, so no phrase spans two.
inline constexpr Xapian::termpos kFieldPositionGap = 100;
// Xapian refuses terms longer than this (in bytes); longer words are not indexed.
inline constexpr std::size_t kMaxTermBytes = 200;

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

}  // namespace kaiji::schema
