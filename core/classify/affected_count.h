// The headline number of people or records a notice says were affected, from forms
// such as 69,403 件, 約 7.2 万件, 1万2千名, 延べ 3,000 名分, ３５０人, 最大888社.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kaiji {

struct CountMention {
  std::int64_t value = 0;
  std::size_t offset = 0;  // byte offset in the normalised text
  int score = 0;           // how much it looks like the headline total
  // 「15名分」: the people a set of records or documents belongs to.
  bool people_share = false;
  bool of_items = false;   // counted in 件 (records, documents, mails), not people
  bool stated_total = false;  // named a total (合計, 計 …) and not superseded
  bool of_data = false;  // labelled as data (「ご予約情報:1,265件」) or followed by it (「3名の氏名」)
  bool of_organisations = false;  // 最大310社: organisations, the headline only when no people are counted
};

// Every count of people or records written in the text (numbers with 件/名/人, and
// organisations counted with 最大…社), each scored.
std::vector<CountMention> find_counts(std::string_view text);
// The same for text already NFKC-normalised (the classifier's folded text will do: case
// and variant spellings do not touch numbers); offsets are into it.
std::vector<CountMention> find_counts_in_normalised(std::string_view text);

// The best-scored count (among equals marked as totals the largest, else the first), or nothing.
std::optional<CountMention> headline_count(std::string_view text);
std::optional<CountMention> headline_count_in_normalised(std::string_view text);
std::optional<std::int64_t> headline_affected(std::string_view text);


}  // namespace kaiji
