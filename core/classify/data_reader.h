// Which data types a notice says were leaked, exposed or lost: read first from its data
// sections — the lines under a heading such as 漏えいした情報 / 流出した可能性のある情報 /
// 紛失した書類に記載されていた情報 — and from the whole text only when no section lists a
// known type. An item of a list there (in the sections, or in the whole text) that is no
// known type but names data counts as `other` (会社名, 年齢, 注文内容); a type the clause
// denies (…は含まれておりません, …は記載されておりません) does not count.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classify/phrase_matcher.h"

namespace kaiji {

struct DataPattern {
  std::string pattern;  // folded
  std::string value;    // data slug
  std::size_t line = 0; // its classification_rules.tsv line
};

struct DataFinding {
  std::string value;
  std::size_t line = 0;    // the rule line; 0 for `other` read from a list item
  std::size_t offset = 0;  // bytes into the folded body
  std::size_t length = 0;
};

// The cue words of dict/classification_rules.tsv the reader uses besides its patterns.
struct DataCues {
  std::vector<std::string> negations;  // in the clause after an item, deny it (含まれておりません)
  // How a list item that names data ends (会社名, 注文内容, 年齢): an item with none of
  // them is not counted as `other` (「当社の対応」).
  std::vector<std::string> item_endings;
  // What is done to an item that makes it no leaked data (パスワードを変更).
  std::vector<std::string> remedies;
  // In the item's own clause (to the next 、), make it hypothetical: 「カード情報を入力して
  // しまった場合は」 is advice, not a leak.
  std::vector<std::string> conditionals;
  // In the item's clause before it, make an item of the given type the organisation's
  // own (管理画面のIDとパスワード): (data slug, cue).
  std::vector<std::pair<std::string, std::string>> owners;
  // Right after an item of the given type (a particle may stand between), say it guards
  // something (パスワードロック, 暗証番号で画面をロック, パスワードを設定): it protected the
  // data, it did not leak: (data slug, cue).
  std::vector<std::pair<std::string, std::string>> guards;
};

class DataReader {
 public:
  DataReader() = default;
  DataReader(std::vector<DataPattern> patterns, DataCues cues);

  // Each data type once, in order of first finding.
  std::vector<DataFinding> read(std::string_view folded_body) const;
  // The same, given where the patterns occur in the body (PhraseMatcher::find_all over
  // phrases(), or over a larger set found in the same pass, renumbered), so a caller that
  // scans the body anyway does not make this reader scan it again.
  std::vector<DataFinding> read(std::string_view folded_body, const PhraseHits& hits) const;
  // The patterns' phrases, by pattern index.
  std::vector<std::string> phrases() const;

 private:
  bool negated(std::string_view clause) const;
  bool denied(std::string_view text, std::size_t at, std::size_t after) const;
  bool remedied(std::string_view text, std::size_t after) const;
  bool guards(std::string_view text, std::size_t after, const std::string& value) const;
  bool owned(std::string_view text, std::size_t at, const std::string& value) const;
  bool conditional(std::string_view text, std::size_t after) const;
  // Calls on_hit(pattern, offset) for each hit lying wholly within [begin, end).
  template <typename OnHit>
  void for_each_hit_in(const PhraseHits& hits, std::size_t begin, std::size_t end, OnHit&& on_hit) const;
  void read_range(std::string_view body, const PhraseHits& hits, std::size_t begin, std::size_t end,
                  std::vector<DataFinding>& out) const;
  std::string_view item_core(std::string_view item) const;
  bool names_data(std::string_view item_core) const;
  // in_section: the range is a data section (not the whole text, read for want of one).
  void read_unknown_items(std::string_view body, const PhraseHits& hits, std::size_t begin, std::size_t end,
                          bool in_section, std::vector<DataFinding>& out) const;

  std::vector<DataPattern> patterns_;
  PhraseMatcher matcher_;
  DataCues cues_;
};

// The byte ranges [begin, end) of the body's data sections: each a heading line and the
// lines under it up to the next heading.
std::vector<std::pair<std::size_t, std::size_t>> data_sections(std::string_view folded_body);

}  // namespace kaiji
