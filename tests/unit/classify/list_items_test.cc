// How a data section's sentence splits into items, and what an item names.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "classify/list_items.h"

using namespace kaiji;

namespace {
std::vector<std::string> strings(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }
}  // namespace

TEST_CASE("list items: separators, 及び and quoted items split a sentence") {
  CHECK(strings(list_items("氏名、住所・電話番号")) == std::vector<std::string>{"氏名", "住所", "電話番号"});
  CHECK(strings(list_items("メールの件名および本文")) == std::vector<std::string>{"メールの件名", "本文"});
  CHECK(strings(list_items("「氏名」「住所」")) == std::vector<std::string>{"「氏名」", "「住所」"});
}

TEST_CASE("list items: an item joined by と is two") {
  CHECK(strings(pieces_joined_by_to("作付品目と栽培面積")) == std::vector<std::string>{"作付品目", "栽培面積"});
  CHECK(strings(pieces_joined_by_to("会員番号")) == std::vector<std::string>{"会員番号"});
}

TEST_CASE("list items: what an item names after the clause that modifies it") {
  CHECK(after_modifying_clause("平成30年4月以降に送受信したメールの件名") == "メールの件名");
  CHECK(after_modifying_clause("申込書に記載されていた勤務先") == "勤務先");
  CHECK(after_modifying_clause("会員番号").empty());
}

TEST_CASE("list items: people and counts are no data") {
  CHECK(names_people_or_count("お取引先ご担当者様"));
  CHECK(names_people_or_count("1,842件"));
  CHECK(names_people_or_count("76名分"));
  CHECK_FALSE(names_people_or_count("会員番号"));
}

TEST_CASE("list items: a clause in the dictionary form modifies too") {
  CHECK(after_modifying_clause("収集を希望する品目") == "品目");
}

TEST_CASE("list items: a bracketed note's clause modifies nothing the item names") {
  CHECK(after_modifying_clause("認定調査票（心身の状況に関する調査の結果）").empty());
}
