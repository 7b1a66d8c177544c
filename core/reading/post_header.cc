#include "reading/post_header.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::string_view kHeaderStart = "【セキュリティ事件簿#";
constexpr std::string_view kHeaderEnd = "】";

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// "2024-217": four digits, a hyphen, one to five digits.
bool is_incident_number(std::string_view s) {
  const std::size_t dash = s.find('-');
  if (dash != 4 || s.size() < 6 || s.size() > 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != dash && !is_ascii_digit(s[i])) return false;
  }
  return true;
}

// Words that show the first space-separated piece is the start of a title, not a name.
bool looks_like_title_text(std::string_view piece) {
  static constexpr std::array<std::string_view, 8> markers = {"について", "お詫び", "お知らせ", "【",
                                                             "「",       "ご報告", "に関する", "による"};
  for (std::string_view m : markers) {
    if (piece.find(m) != std::string_view::npos) return true;
  }
  return false;
}

// Finds the first white-space code point; returns its byte range.
std::optional<std::pair<std::size_t, std::size_t>> find_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (utf8::is_space(utf8::decode(s, i))) return std::make_pair(start, i);
  }
  return std::nullopt;
}

// The part of a header after its 】: "org title Y/M/D", the org and the date optional.
// False when it is empty.
bool read_header_text(std::string_view text, PostHeader& header) {
  std::string rest = collapse_spaces(text);
  // A trailing Y/M/D is the publication date.
  const std::size_t last_space = rest.rfind(' ');
  const std::size_t date_from = last_space == std::string::npos ? 0 : last_space + 1;
  if (auto date = parse_slash_date(std::string_view(rest).substr(date_from))) {
    header.date = date;
    rest.resize(last_space == std::string::npos ? 0 : last_space);
  }
  if (rest.empty()) return false;

  if (const auto space = find_space(rest)) {
    const std::string_view first = std::string_view(rest).substr(0, space->first);
    const std::string_view remainder = std::string_view(rest).substr(space->second);
    if (!remainder.empty() && !looks_like_title_text(first) && utf8::length(first) <= 40) {
      header.org = std::string(first);
      header.title = std::string(remainder);
      return true;
    }
  }
  header.title = rest;
  header.org = find_public_body_in_title(rest);
  return true;
}

}  // namespace

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(text, i);
    if (utf8::is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

bool looks_like_post_header(std::string_view line) {
  return utf8::trim(line).substr(0, kHeaderStart.size()) == kHeaderStart;
}

std::optional<PostHeader> parse_post_header(std::string_view raw) {
  const std::string_view line = utf8::trim(raw);
  if (line.substr(0, kHeaderStart.size()) != kHeaderStart) return std::nullopt;
  const std::size_t close = line.find(kHeaderEnd, kHeaderStart.size());
  if (close == std::string_view::npos) return std::nullopt;
  PostHeader header;
  header.incident = std::string(utf8::trim(line.substr(kHeaderStart.size(), close - kHeaderStart.size())));
  if (!is_incident_number(header.incident)) return std::nullopt;

  if (!read_header_text(line.substr(close + kHeaderEnd.size()), header)) return std::nullopt;
  return header;
}

std::optional<PostHeader> salvage_post_header(std::string_view raw) {
  std::string_view line = utf8::trim(raw);
  if (line.substr(0, kHeaderStart.size()) != kHeaderStart) return std::nullopt;
  line.remove_prefix(kHeaderStart.size());
  PostHeader header;
  std::size_t number_end = line.find(kHeaderEnd);
  std::size_t text_start = number_end == std::string_view::npos ? 0 : number_end + kHeaderEnd.size();
  if (number_end == std::string_view::npos) {
    // The 】 is lost: a number (or what is left of one) ends at the first space.
    const auto space = find_space(line);
    number_end = space ? space->first : line.size();
    if (!line.empty() && is_ascii_digit(line.front())) text_start = space ? space->second : line.size();
  }
  const std::string_view number = utf8::trim(line.substr(0, number_end));
  if (is_incident_number(number)) header.incident = std::string(number);
  if (!read_header_text(line.substr(text_start), header)) return std::nullopt;
  return header;
}

std::string find_public_body_in_title(std::string_view title) {
  // The first run of kanji that reaches a municipal suffix after at least one other
  // kanji: 岡垣町, 八尾市, 新潟市, 熊本県.
  static constexpr std::array<char32_t, 7> suffixes = {U'都', U'道', U'府', U'県', U'市', U'町', U'村'};
  std::size_t run_start = std::string_view::npos;
  std::size_t run_chars = 0;
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(title, i);
    if (!utf8::is_kanji(c)) {
      run_start = std::string_view::npos;
      run_chars = 0;
      continue;
    }
    if (run_start == std::string_view::npos) run_start = start;
    ++run_chars;
    if (run_chars >= 2 && std::find(suffixes.begin(), suffixes.end(), c) != suffixes.end()) {
      return std::string(title.substr(run_start, i - run_start));
    }
  }
  return {};
}

}  // namespace kaiji
