// The header line that starts every post in the blog dumps:
//   【セキュリティ事件簿#2024-217】株式会社東海信金ビジネス 「…」に関する調査結果… 2024/11/15
// The organisation is sometimes glued to the title (岡垣町職員の懲戒処分について) or
// absent, and the date is sometimes missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace kaiji {

struct PostHeader {
  std::string incident;  // 2024-217
  std::string org;       // may be empty
  std::string title;
  std::optional<Date> date;
};

// True when the line starts like a post header (even a damaged one).
bool looks_like_post_header(std::string_view line);

// The parsed header, or nothing when the line is damaged (no closing 】, no number).
std::optional<PostHeader> parse_post_header(std::string_view line);

// What a damaged header line still says: its organisation, title and date read as in a
// whole one, the incident number only when it is one (2024-217, before a 】 or a space
// where the 】 was lost). nullopt when nothing follows the number.
std::optional<PostHeader> salvage_post_header(std::string_view line);

// A public body named inside a title that has no separate organisation
// (岡垣町職員の懲戒処分について → 岡垣町, …した新潟市の係長が… → 新潟市); empty if none.
std::string find_public_body_in_title(std::string_view title);

// Collapses every run of white space to one ASCII space and trims the ends.
std::string collapse_spaces(std::string_view text);

}  // namespace kaiji
