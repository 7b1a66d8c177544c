// Words matched as prefixes: ランサム* explicitly, and a katakana or Latin word that
// matches nothing as typed (ランサム, ransom), which an analyst has usually cut short.
// The index's own terms are expanded (the most frequent first), so the expansion ranks
// and highlights like the words it stands for.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace kaiji {

// Terms a prefix may stand for at most; the most frequent are kept.
inline constexpr std::size_t kMaxPrefixExpansion = 32;

// The stem of an explicit prefix word (ランサム* → ランサム), or nothing: the word does
// not end in * or leaves less than two characters before it.
std::optional<std::string> explicit_prefix(std::string_view word);

// Whether a word that matches nothing may be tried as a prefix: three or more katakana
// (ー included), or three or more Latin letters and digits.
bool may_be_cut_short(std::string_view normalised_word);

// The index terms (of field prefix `field`) that start with stem, the most frequent
// first, at most kMaxPrefixExpansion of them; stem is already folded as terms are.
std::vector<std::string> expand_prefix(const Xapian::Database& db, std::string_view field, const std::string& stem);

// expand_prefix for a stem as typed: folded as terms are (kana, case, width), without
// its trailing ー (terms may have lost theirs), and tried also without its ッ, which long
// loanwords' terms drop (ネット… → ネトワーク). At most kMaxPrefixExpansion terms.
std::vector<std::string> expand_stem(const Xapian::Database& db, std::string_view field, const std::string& stem);

}  // namespace kaiji
