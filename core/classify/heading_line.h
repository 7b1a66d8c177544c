// How notices number their parts: 「3．経緯」「２、対象」「四、今後の対応」「1 発生日」. Both the
// data reader (where a data section ends) and the letterhead reader (which date lines answer
// a heading) ask it.
#pragma once

#include <string_view>

namespace kaiji {

// Whether line starts with a short number — one or two digits (ASCII or full-width) or
// kanji numerals — and then a separator (. ． 、 ) ） space : ), not a year (「2022年…」).
bool starts_with_part_number(std::string_view line);

// Where the text after that number and its separator starts (「4.会員番号」→ the 会員番号), or
// 0 when the line starts with no part number.
std::size_t part_number_end(std::string_view line);

// Whether that number is the first: 「1．氏名」「１　概要」「一、」. Under a heading, a list
// numbered from 1 is the heading's items, not the notice's next parts.
bool starts_with_first_part_number(std::string_view line);

}  // namespace kaiji
