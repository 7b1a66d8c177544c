// How a sentence of a data section splits into items, and what an item names.
#pragma once

#include <string_view>
#include <vector>

namespace kaiji {

// A sentence cut at its list separators (、 , ・ / 及び および 並びに 等); quoted items back
// to back (「氏名」「住所」) are items too.
std::vector<std::string_view> list_items(std::string_view sentence);

// An item cut at each と: 「作付品目と栽培面積」 names two items.
std::vector<std::string_view> pieces_joined_by_to(std::string_view item);

// What an item names after a clause that modifies it: 「…以降に送受信したメールの件名」→
// 「メールの件名」, 「収集を希望する品目」→「品目」. Empty when no clause ends in it.
std::string_view after_modifying_clause(std::string_view item);

// An item that names people or a count, not data: 「お取引先ご担当者様 1,842件」.
bool names_people_or_count(std::string_view item);

}  // namespace kaiji
