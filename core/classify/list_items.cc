#include "classify/list_items.h"

#include <algorithm>

#include "base/utf8.h"

namespace kaiji {

// A sentence cut at its list separators (、 , ・ / 及び および 並びに 等), in one pass over
// its code points.
std::vector<std::string_view> list_items(std::string_view sentence) {
  std::vector<std::string_view> items;
  std::size_t item_start = 0;
  for (std::size_t i = 0; i < sentence.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::decode(sentence, i);
    std::size_t after = std::string_view::npos;
    if (c == U'、' || c == U',' || c == U'・' || c == U'/' || c == U'等') {
      after = i;
    } else if (c == U'」' && sentence.substr(i).starts_with("「")) {
      // Quoted items back to back: 「氏名」「住所」「個人番号」. The quotes stay with their
      // items (item_core drops them).
      items.push_back(sentence.substr(item_start, i - item_start));
      item_start = i;
      continue;
    } else if (c == U'及' || c == U'並' || c == U'お') {
      for (std::string_view word : {"及び", "および", "並びに"}) {
        if (sentence.substr(at, word.size()) == word) after = at + word.size();
      }
    }
    if (after == std::string_view::npos) continue;
    items.push_back(sentence.substr(item_start, at - item_start));
    item_start = i = after;
  }
  items.push_back(sentence.substr(item_start));
  return items;
}

// An item cut at each と: 「作付品目と栽培面積」 names two items. A piece that is no item
// (「…したところ」's ころ) names no data, which names_data sees.
std::vector<std::string_view> pieces_joined_by_to(std::string_view item) {
  std::vector<std::string_view> pieces;
  for (std::size_t at = item.find("と"); at != std::string_view::npos; at = item.find("と")) {
    pieces.push_back(item.substr(0, at));
    item = item.substr(at + std::string_view("と").size());
  }
  pieces.push_back(item);
  return pieces;
}

// What an item names after a clause that modifies it: 「…以降に送受信したメールの件名」→
// 「メールの件名」, 「収集を希望する品目」→「品目」. Empty when no clause ends in it.
std::string_view after_modifying_clause(std::string_view item) {
  // A note in brackets qualifies the item (「認定調査票（心身の状況に関する調査の結果）」): its
  // clauses modify nothing the item names.
  item = item.substr(0, std::min({item.find("("), item.find("（"), item.size()}));
  std::size_t from = std::string_view::npos;
  for (std::string_view ending : {"した", "された", "いた", "する"}) {
    const std::size_t at = item.rfind(ending);
    if (at != std::string_view::npos && (from == std::string_view::npos || at + ending.size() > from)) from = at + ending.size();
  }
  return from == std::string_view::npos ? std::string_view() : item.substr(from);
}

// An item of a list that names people or a count, not data: 「お取引先ご担当者様 1,842件」.
bool names_people_or_count(std::string_view item) {
  if (std::any_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  for (std::string_view end : {"様", "者", "方", "名分", "件", "人", "皆様", "分"}) {
    if (item.ends_with(end)) return true;
  }
  return false;
}

}  // namespace kaiji
