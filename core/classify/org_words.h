// What an organisation's name looks like where notices print it (letterheads, sign-offs,
// contact blocks, footers, page titles): the words of dict/organisation_words.tsv —
// legal designators, name endings, department words, people's titles, addressee words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/term_table.h"

namespace kaiji {

class OrganisationWords {
 public:
  OrganisationWords() = default;
  // Lines of organisation_words.tsv; an unknown kind throws std::runtime_error naming the line.
  OrganisationWords(const std::vector<TableLine>& lines, const std::string& path);

  // A piece of text (no white space inside) that is a name by itself:
  // 株式会社蒼鷺精機, 鷲羽沢市, 白鷺ヶ丘高等学校 — not 総務部, 当社, 校長.
  bool is_name(std::string_view piece) const;
  // A name with a legal designator (株式会社…, …株式会社, 医療法人社団…): the strongest sign.
  bool has_legal_form(std::string_view piece) const;
  // The name a line begins with: its leading white-space-separated pieces that are names
  // (or a designator standing apart from its name), joined by one space.
  // 「株式会社蒼鷺精機　総務部　窓口」 → 株式会社蒼鷺精機; 「総務部　電話…」 → "".
  std::string leading_name(std::string_view line) const;
  // The publisher a printed name stands for: without the departments after it
  // (「大橘町役場 総務課 情報管理係」, 「川宿市財務部市民税課」) and a municipality's office
  // named as the municipality (奥霧町役場 → 奥霧町). Other names come back as they are.
  std::string publisher_of(std::string_view name) const;
  // 「代表取締役社長　鷺沼 恒一」: a line that names a person by title.
  bool is_person_line(std::string_view line) const;
  // 「お取引先各位」「会員の皆様、関係者の皆様」: a line addressing the readers.
  bool is_addressee_line(std::string_view line) const;

 private:
  bool folded_has_legal_form(std::string_view folded) const;
  // The municipality a piece starts with when the rest is its office or a department of
  // it (川宿市財務部市民税課 → 川宿市); empty otherwise.
  std::string_view municipality_of(std::string_view piece) const;
  // Whether that rest names a body the municipalities formed together (広域消防組合).
  bool names_own_body(std::string_view rest) const;

  std::vector<std::string> legal_, suffix_, unit_, role_, addressee_, municipal_, office_, department_, joint_;  // normalised
};

// A line split at white space (ASCII, ideographic), empty pieces dropped.
std::vector<std::string_view> pieces_of(std::string_view line);

}  // namespace kaiji
