// Blog dumps hold more than breach notices: the same page layout carries other series
// (【山歩き日誌#33】…, 【カンファレンス参加記】… 2024/6/15) and a page's own lead-in. These
// find where such a post starts and tell from its text whether it is a notice at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace kaiji {

// A post header of another series: 【name#number】title, or 【name】title Y/M/D — the layout
// of the blog's own 【セキュリティ事件簿#…】 headers. Not a release marker (【2024年6月7日リリース分】)
// nor a heading inside a notice (【お問い合わせ先】, which carries no date and no number).
struct SeriesHeader {
  std::string series;  // 山歩き日誌
  std::string title;
  std::optional<Date> date;
};
std::optional<SeriesHeader> parse_series_header(std::string_view line);

// Whether a post's text reads like a breach notice: it speaks of an incident (漏えい, 紛失,
// 不正アクセス …) and of apology, personal data or a notice's structure (経緯, 再発防止,
// お問い合わせ先). A product review or a travel diary does not.
bool reads_like_notice(std::string_view text);

}  // namespace kaiji
