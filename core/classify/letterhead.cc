#include "classify/letterhead.h"

#include <algorithm>
#include <array>

#include "base/date.h"
#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "classify/heading_line.h"

namespace kaiji {
namespace {

constexpr std::size_t kLetterheadLines = 20;  // a letterhead is the first lines, before the prose
constexpr std::size_t kDateLetterheadLines = 12;
constexpr std::size_t kSignOffLines = 10;     // a sign-off is the last lines
constexpr std::size_t kContactLines = 20;     // a contact block sits near the end
constexpr std::size_t kProseChars = 60;       // a longer line is running text
constexpr std::size_t kMaxTrailerChars = 30;  // what may follow a name on its line (部署, 役職, 電話)
constexpr std::size_t kMaxDateLineChars = 24;

constexpr std::size_t kMaxTitleChars = 80;
// Words a title line holds: 「…に関するお詫びとお知らせ」「…について（ご報告）」.
constexpr std::array<std::string_view, 6> kTitleWords = {"について", "関する", "お詫び", "お知らせ", "ご報告", "ご案内"};
// What a letterhead's first line may call the document rather than title it.
constexpr std::array<std::string_view, 7> kDocumentLabels = {"報道発表資料", "報道発表", "報道資料", "記者発表資料",
                                                             "プレスリリース", "ニュースリリース", "報道関係各位"};
constexpr std::array<std::string_view, 4> kContactWords = {"問い合わせ", "問合せ", "連絡先", "窓口"};
constexpr std::array<std::string_view, 8> kNotADateLine = {"から", "まで", "頃", "時点", "発生", "判明", "。", "、"};

std::string without_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (!utf8::is_space(utf8::decode(text, i))) out.append(text.substr(start, i - start));
  }
  return out;
}

bool holds_any(std::string_view text, const auto& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return text.find(n) != std::string_view::npos; });
}

bool is_date_line(std::string_view line) {
  return !line.empty() && utf8::length(line) <= kMaxDateLineChars && !holds_any(line, kNotADateLine) &&
         find_dates(line).size() == 1;
}

bool is_prose(std::string_view line) { return utf8::length(line) > kProseChars || line.ends_with("。"); }

// 「【お問い合わせ先】株式会社…」「お問い合わせ：白樺台農業協同組合…」「■本件に関する…」:
// the text after a leading label, bracket or bullet.
std::string_view after_label(std::string_view line) {
  line = utf8::trim(line);
  for (std::string_view bullet : {"・", "■", "●", "◆", "◇", "□", "○", "※"}) {
    if (line.starts_with(bullet)) line = utf8::trim(line.substr(bullet.size()));
  }
  // 【…】 is always a label; round or square brackets only when they name a contact
  // (「（お問い合わせ）公益社団法人…」), since (株) and (一社) start names.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kBrackets = {
      {{"【", "】"}, {"(", ")"}, {"（", "）"}, {"[", "]"}, {"［", "］"}, {"〔", "〕"}}};
  for (const auto& [open, close] : kBrackets) {
    if (!line.starts_with(open)) continue;
    const std::size_t end = line.find(close, open.size());
    if (end == std::string_view::npos) continue;
    const std::string_view inside = line.substr(open.size(), end - open.size());
    if (open == "【" || holds_any(inside, kContactWords)) line = utf8::trim(line.substr(end + close.size()));
  }
  for (std::string_view colon : {"：", ":"}) {
    const std::size_t at = line.find(colon);
    if (at != std::string_view::npos && holds_any(line.substr(0, at), kContactWords)) {
      line = utf8::trim(line.substr(at + colon.size()));
    }
  }
  return line;
}

// 「© 2024 株式会社萩乃園茶舗 All Rights Reserved.」 → 「株式会社萩乃園茶舗」's line, or "".
std::string copyright_holder_text(std::string_view line) {
  // Most lines hold no mark at all: look before normalising.
  static constexpr std::array<std::string_view, 6> marks = {"©", "(c)", "(C)", "（", "opyright", "OPYRIGHT"};
  if (!holds_any(line, marks)) return {};
  const std::string folded = fold_case(normalize(line));
  if (folded.find("©") == std::string::npos && folded.find("(c)") == std::string::npos &&
      folded.find("copyright") == std::string::npos) {
    return {};
  }
  std::string out;
  for (std::string_view piece : pieces_of(line)) {
    const std::string p = fold_case(normalize(piece));
    if (p == "©" || p == "(c)" || p == "copyright" || p == "all" || p == "rights" || p.starts_with("reserved")) continue;
    if (std::all_of(p.begin(), p.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ','; })) continue;
    out += std::string(piece) + " ";
  }
  return out;
}

// The text after the leading pieces of `line` that hold `bytes` bytes of non-space text.
std::string after_pieces(std::string_view line, std::size_t bytes) {
  std::size_t held = 0;
  for (std::string_view piece : pieces_of(line)) {
    if (held >= bytes) return std::string(utf8::trim(line.substr(static_cast<std::size_t>(piece.data() - line.data()))));
    held += without_spaces(piece).size();
  }
  return {};
}

}  // namespace

std::vector<std::string_view> title_parts(std::string_view title) {
  static constexpr std::array<std::string_view, 10> separators = {"|", "｜", "／", " / ", " - ", " – ", " — ",
                                                                  " : ", " ： ", "　-　"};
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    for (std::string_view sep : separators) {
      if (title[i] != sep.front() || title.substr(i, sep.size()) != sep) continue;
      parts.push_back(utf8::trim(title.substr(start, i - start)));
      start = i + sep.size();
      i = start - 1;
      break;
    }
  }
  parts.push_back(utf8::trim(title.substr(start)));
  std::erase_if(parts, [](std::string_view p) { return p.empty(); });
  return parts;
}

// A numbered or marked heading (「1．発生日」「１　発生日時」「■発覚日」): a date line right
// under it is what the heading asks for — the incident's date — not the notice's own.
bool is_heading_line(std::string_view line) {
  constexpr std::size_t kMaxHeadingChars = 20;
  if (line.empty() || utf8::length(line) > kMaxHeadingChars || line.ends_with("。")) return false;
  for (std::string_view mark : {"■", "●", "◆", "【", "[", "<"}) {
    if (line.starts_with(mark)) return true;
  }
  return starts_with_part_number(line);
}

std::optional<Located> find_own_date(std::string_view body) {
  struct DateLine {
    std::string_view text;
    std::size_t index = 0, position = 0;
  };
  std::vector<DateLine> date_lines;
  std::size_t index = 0, position = 0;
  std::string_view previous;  // the last line that is not blank
  for (std::size_t start = 0; start <= body.size(); ++index) {
    std::size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view line = utf8::trim(body.substr(start, nl - start));
    if (is_date_line(line) && !is_heading_line(previous)) date_lines.push_back({line, index, position});
    if (!line.empty()) previous = line;
    position = nl + 1;  // bytes; Located positions are code points (below)
    start = nl + 1;
  }
  if (date_lines.empty()) return std::nullopt;
  const bool in_letterhead = date_lines.front().index < kDateLetterheadLines;
  const DateLine& chosen = in_letterhead ? date_lines.front() : date_lines.back();
  return Located{find_dates(chosen.text).front().iso(), in_letterhead ? "letterhead" : "sign-off",
                 std::string(chosen.text), "body", chosen.position};
}

std::string LetterheadReader::name_of_line(std::string_view line) const {
  if (utf8::length(line) > kProseChars) return {};  // running text, not a name's line
  const std::string_view text = after_label(line);
  // A line wholly in brackets notes something about the line above (「（県立北澄中央病院　総務課）」
  // under 「北澄県病院局」): not a name's line of its own.
  if ((text.starts_with("(") || text.starts_with("（")) && (text.ends_with(")") || text.ends_with("）"))) return {};
  const std::string name = words_.leading_name(text);
  if (name.empty()) return {};
  // What follows the name on its line: a department, a title and a person, a phone number.
  const std::size_t name_chars = utf8::length(without_spaces(name));
  const std::string rest = without_spaces(text);
  if (utf8::length(rest) - name_chars > kMaxTrailerChars || rest.find("。") != std::string::npos) return {};
  return name;
}

bool LetterheadReader::holds_legal_form(std::string_view name) const {
  const auto pieces = pieces_of(name);
  return std::any_of(pieces.begin(), pieces.end(), [&](std::string_view p) { return words_.has_legal_form(p); });
}

std::vector<Located> LetterheadReader::name_blocks(const std::vector<Line>& lines, std::size_t from,
                                                   std::size_t to, const char* place, std::string_view holding) const {
  std::vector<Located> out;
  for (std::size_t k = from; k < to; ++k) {
    if (!holding.empty() && lines[k].text.find(holding) == std::string_view::npos) continue;
    std::string name = name_of_line(lines[k].text);
    if (name.empty()) continue;
    // 「学校法人白鷺ヶ丘学園」「白鷺ヶ丘高等学校」 on consecutive lines: one publisher.
    const std::size_t first = k;
    while (k + 1 < to && k < first + 2) {
      // 「構成団体：嶺北市・東沢市」 under 「東嶺広域連合」: a labelled line is another field.
      const std::string_view next = lines[k + 1].text;
      if (after_label(next).size() != next.size()) break;
      const std::string more = name_of_line(next);
      if (more.empty() || more == name) break;
      // Two names with legal forms are two publishers signing together: the first leads.
      if (holds_legal_form(name) && holds_legal_form(more)) break;
      name += " " + more;
      ++k;
    }
    out.push_back({name, place, std::string(lines[first].text), "body", lines[first].position});
  }
  return out;
}

std::vector<Located> LetterheadReader::letterhead(const std::vector<Line>& lines, std::string_view holding) const {
  std::size_t end = 0;
  while (end < lines.size() && end < kLetterheadLines && !is_prose(lines[end].text)) ++end;
  return name_blocks(lines, 0, end, "letterhead", holding);
}

std::vector<Located> LetterheadReader::sign_off(const std::vector<Line>& lines, std::string_view holding) const {
  std::size_t from = lines.size() > kSignOffLines ? lines.size() - kSignOffLines : 0;
  for (std::size_t k = lines.size(); k-- > from;) {
    if (utf8::trim(lines[k].text) == "以上") {
      from = k + 1;
      break;
    }
  }
  return name_blocks(lines, from, lines.size(), "sign-off", holding);
}

std::optional<Located> LetterheadReader::contact_block(const std::vector<Line>& lines, std::string_view holding) const {
  const std::size_t from = lines.size() > kContactLines ? lines.size() - kContactLines : 0;
  for (std::size_t k = from; k < lines.size(); ++k) {
    if (utf8::length(lines[k].text) > kProseChars || !holds_any(lines[k].text, kContactWords)) continue;
    for (std::size_t j = k; j < lines.size() && j < k + 3; ++j) {
      if (!holding.empty() && lines[j].text.find(holding) == std::string_view::npos) continue;
      if (std::string name = name_of_line(lines[j].text); !name.empty()) {
        return Located{name, "contact block", std::string(lines[j].text), "body", lines[j].position};
      }
    }
  }
  return std::nullopt;
}

std::optional<Located> LetterheadReader::copyright_line(const std::vector<Line>& lines, std::string_view holding) const {
  for (const Line& line : lines) {
    if (!holding.empty() && line.text.find(holding) == std::string_view::npos) continue;
    const std::string holder = copyright_holder_text(line.text);
    if (std::string name = holder.empty() ? "" : words_.leading_name(holder); !name.empty()) {
      return Located{name, "copyright line", std::string(line.text), "body", line.position};
    }
  }
  return std::nullopt;
}

std::optional<Located> LetterheadReader::title_part(std::string_view title) const {
  const std::vector<std::string_view> parts = title_parts(title);
  if (parts.size() < 2) return std::nullopt;
  for (std::string_view part : parts) {
    const std::string name = words_.leading_name(part);
    if (!name.empty() && without_spaces(name) == without_spaces(part)) {
      return Located{name, "page title", std::string(title), "title", static_cast<std::size_t>(part.data() - title.data())};
    }
  }
  return std::nullopt;
}

std::optional<Located> LetterheadReader::header_continuation(const Notice& notice) const {
  // 「【…#2024-236】学校法人鷹羽学園 鷹羽医科大学附属病院 「職員による…」」: the header
  // reader took the first piece as the organisation; a second name belongs with it.
  if (notice.incident.empty() || notice.org.empty()) return std::nullopt;
  const std::string name = words_.leading_name(notice.title);
  if (name.empty() || without_spaces(name) == without_spaces(notice.title)) return std::nullopt;
  return Located{notice.org + " " + name, "post header", notice.title, "title", 0};
}

bool LetterheadReader::is_letterhead_line(std::string_view line) const {
  const std::string_view trimmed = utf8::trim(line);
  const bool document_label = std::find(kDocumentLabels.begin(), kDocumentLabels.end(), trimmed) != kDocumentLabels.end();
  return document_label || is_date_line(line) || !name_of_line(line).empty() || words_.is_addressee_line(line) ||
         words_.is_person_line(line);
}

void LetterheadReader::retitle(Notice& notice) const {
  // A text without a header got its first line as title; in a letterhead that is the
  // date or the organisation, and the title is a later line.
  if (!notice.incident.empty() || !is_letterhead_line(notice.title)) return;
  std::string_view best;
  std::size_t start = 0;
  for (std::size_t k = 0; k < kLetterheadLines && start < notice.body.size(); ++k) {
    std::size_t nl = notice.body.find('\n', start);
    if (nl == std::string::npos) nl = notice.body.size();
    const std::string_view line = utf8::trim(std::string_view(notice.body).substr(start, nl - start));
    start = nl + 1;
    if (line.empty() || is_letterhead_line(line)) continue;
    if (utf8::length(line) > kMaxTitleChars || line.ends_with("。")) break;
    if (best.empty() || (holds_any(line, kTitleWords) && !holds_any(best, kTitleWords))) best = line;
    if (holds_any(best, kTitleWords)) break;
  }
  if (best.empty()) return;
  const std::string title(best);
  notice.body = notice.title + "\n" + notice.body;
  notice.title = title;
}

std::vector<Located> LetterheadReader::org_candidates(const Notice& notice) const {
  std::vector<Line> lines;
  for (std::size_t start = 0; start <= notice.body.size();) {
    std::size_t nl = notice.body.find('\n', start);
    if (nl == std::string::npos) nl = notice.body.size();
    const std::string_view raw = std::string_view(notice.body).substr(start, nl - start);
    if (!utf8::trim(raw).empty()) lines.push_back({utf8::trim(raw), static_cast<std::size_t>(utf8::trim(raw).data() - notice.body.data())});
    start = nl + 1;
  }
  std::vector<Located> out;
  // With a name from the reader, only lines that hold it can give a fuller form.
  std::string_view holding;
  if (!notice.org.empty()) {
    out.push_back({notice.org, "reader", notice.org, "input", 0});
    holding = pieces_of(notice.org).front();
  }
  if (auto continued = header_continuation(notice)) out.push_back(std::move(*continued));
  if (auto part = title_part(notice.title)) out.push_back(std::move(*part));
  for (auto& block : letterhead(lines, holding)) out.push_back(std::move(block));
  for (auto& block : sign_off(lines, holding)) out.push_back(std::move(block));
  for (auto found : {contact_block(lines, holding), copyright_line(lines, holding)}) {
    if (found) out.push_back(std::move(*found));
  }
  return out;
}

void LetterheadReader::complete(Notice& notice, std::vector<Evidence>& evidence) const {
  retitle(notice);
  const std::vector<Located> candidates = org_candidates(notice);
  if (!candidates.empty()) {
    // The most trusted name, or a fuller form of it printed elsewhere (the longest).
    const Located* chosen = &candidates.front();
    const std::string core = without_spaces(chosen->value);
    for (const Located& c : candidates) {
      const std::string full = without_spaces(c.value);
      if (full.size() > without_spaces(chosen->value).size() && full.find(core) != std::string::npos) chosen = &c;
    }
    notice.org = words_.publisher_of(chosen->value);
    if (chosen->place == std::string_view("post header")) {
      notice.title = after_pieces(notice.title, without_spaces(words_.leading_name(notice.title)).size());
    }
    // Body lines carry byte offsets (counting code points for every line cost a pass over
    // each body); the one that is shown is counted here.
    const std::string_view field = chosen->where == std::string_view("body")    ? std::string_view(notice.body)
                                   : chosen->where == std::string_view("title") ? std::string_view(notice.title)
                                                                                : std::string_view();
    const std::size_t position = utf8::length(field.substr(0, std::min(chosen->position, field.size())));
    evidence.push_back({"org", notice.org, "dict/organisation_words.tsv (" + chosen->place + ")", chosen->text,
                        chosen->where, position});
    if (const auto part = title_part(notice.title); part && without_spaces(notice.org).find(without_spaces(part->value)) != std::string::npos) {
      std::string rest;
      for (std::string_view p : title_parts(notice.title)) {
        if (without_spaces(p) == without_spaces(part->value)) continue;
        rest += (rest.empty() ? "" : " ") + std::string(p);
      }
      notice.title = rest;
    }
  }
  if (notice.date) {
    evidence.push_back({"date", notice.date->iso(), "reader (post header, release date or the input's date field)", "",
                        "input", 0});
    return;
  }
  if (const auto own = find_own_date(notice.body)) {
    notice.date = Date::parse_iso(own->value);
    evidence.push_back({"date", own->value, "own date line (" + own->place + ")", own->text, own->where,
                        utf8::length(std::string_view(notice.body).substr(0, own->position))});
  }
}

}  // namespace kaiji
