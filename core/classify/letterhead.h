// The publisher and the notice's own date, read from where notices print them: a
// letterhead at the top (date, organisation, representative), a sign-off at the end, a
// 「お問い合わせ先」 block, a © line, a page title's prefix or suffix. The readers fill
// org and date when the input names them (a post header, a JSONL field, og:site_name);
// this fills them when it does not, and prefers a fuller name the text prints
// (みさご生命保険 → みさご生命保険株式会社).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/notice.h"
#include "classify/org_words.h"

namespace kaiji {

// A value found in the text, and where.
struct Located {
  std::string value;
  std::string place;          // letterhead, sign-off, contact block, copyright line, page title, reader
  std::string text;           // the line it was read from
  std::string where;          // title | body | input (a field of the input: post header, JSONL, HTML metadata)
  std::size_t position = 0;   // bytes from the start of `where` (evidence counts code points)
};

class LetterheadReader {
 public:
  explicit LetterheadReader(OrganisationWords words) : words_(std::move(words)) {}

  // Sets notice.org and notice.date as described above, drops the publisher's name from a
  // page title that carried it (「職員の懲戒処分について｜槙ノ浦町」), and appends the
  // evidence for both.
  void complete(Notice& notice, std::vector<Evidence>& evidence) const;

  // Every name the text prints as its publisher's, most trusted first.
  std::vector<Located> org_candidates(const Notice& notice) const;

 private:
  struct Line {
    std::string_view text;
    std::size_t position = 0;  // bytes into the body (a Located from a line carries bytes too)
  };
  // Whether a piece of the name carries a legal designator (株式会社…, 宗教法人 …).
  bool holds_legal_form(std::string_view name) const;
  std::string name_of_line(std::string_view line) const;
  // Every name printed on a line of its own (or at the start of one) in lines [from, to).
  // With `holding` set, only blocks whose first line holds that text (the reader's name:
  // only a fuller form of it can change anything).
  std::vector<Located> name_blocks(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                                   const char* place, std::string_view holding) const;
  std::vector<Located> letterhead(const std::vector<Line>& lines, std::string_view holding) const;
  std::vector<Located> sign_off(const std::vector<Line>& lines, std::string_view holding) const;
  std::optional<Located> header_continuation(const Notice& notice) const;
  bool is_letterhead_line(std::string_view line) const;
  void retitle(Notice& notice) const;
  std::optional<Located> contact_block(const std::vector<Line>& lines, std::string_view holding) const;
  std::optional<Located> copyright_line(const std::vector<Line>& lines, std::string_view holding) const;
  std::optional<Located> title_part(std::string_view title) const;

  OrganisationWords words_;
};

// The notice's own date: a line that is only a date (「令和6年7月19日」「掲載日：2024年10月25日」)
// in its first lines, else the last such line (a sign-off). Nothing when it has none: the
// first date of the text is usually the incident's, not the notice's.
std::optional<Located> find_own_date(std::string_view body);

// The parts of a page title split at | ｜ ／ and at - – : set apart by spaces.
std::vector<std::string_view> title_parts(std::string_view title);

}  // namespace kaiji
