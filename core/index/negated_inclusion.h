// Words a notice says are NOT among what leaked: 「クレジットカード情報は含まれておりません」,
// 「個人番号は記載されておりません」.
// Notices list what was not exposed as carefully as what was, and an analyst searching
// for クレジットカード情報 wants the notices where card data leaked, not every notice that
// reassures about it. The words of such a clause keep their positions (phrases stay
// exact) but get no postings in the body.
#pragma once

#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace kaiji {

// Marks as not indexable the tokens of each clause of text that ends in a negated verb
// of holding or writing down (含まれておりません, 含まれていない, 含まず, 記載されて
// おりません, 保有していない …). A clause starts after 。, a line break, or a
// clause-joining 、 (…おり、 …あり、 …が、), so 「氏名は含まれており、カード情報は含まれて
// おりません」 keeps 氏名. tokens are text's analysis.
void unindex_negated_inclusions(std::string_view text, std::vector<Token>& tokens);

}  // namespace kaiji
