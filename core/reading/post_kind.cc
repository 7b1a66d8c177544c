#include "reading/post_kind.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kMaxSeriesNameChars = 30;

// The cue groups of a notice; each group counts once however often it occurs.
constexpr std::array<std::string_view, 16> kIncident = {
    "漏えい", "漏洩", "流出", "紛失", "盗難", "盗まれ", "不正アクセス", "誤送信", "誤送付", "誤封入",
    "誤配", "感染", "不正閲覧", "不正に閲覧", "持ち出", "不正ログイン"};
constexpr std::array<std::string_view, 6> kApology = {"お詫び申し上げ", "おわび申し上げ", "深くお詫び", "ご迷惑をおかけ",
                                                      "ご心配をおかけ", "申し訳ございません"};
constexpr std::array<std::string_view, 8> kPersonalData = {"個人情報", "お客様情報", "お客さま情報", "顧客情報",
                                                           "氏名",     "患者情報", "会員情報",     "利用者情報"};
constexpr std::array<std::string_view, 7> kStructure = {"再発防止", "お問い合わせ先", "経緯", "判明いたしました",
                                                        "今後の対応", "対象となる", "ご報告いたします"};

bool holds_any(std::string_view text, const auto& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

}  // namespace

std::optional<SeriesHeader> parse_series_header(std::string_view raw) {
  const std::string_view line = utf8::trim(raw);
  constexpr std::string_view open = "【", close = "】";
  if (!line.starts_with(open)) return std::nullopt;
  const std::size_t end = line.find(close);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view name = line.substr(open.size(), end - open.size());
  std::string_view rest = utf8::trim(line.substr(end + close.size()));
  if (name.empty() || rest.empty() || utf8::length(name) > kMaxSeriesNameChars) return std::nullopt;
  SeriesHeader header;
  // A trailing Y/M/D is the post's date, as in the blog's own headers.
  const std::size_t space = rest.find_last_of(' ');
  if (space != std::string_view::npos) header.date = parse_slash_date(rest.substr(space + 1));
  if (header.date) rest = utf8::trim(rest.substr(0, space));
  const std::size_t hash = std::min(name.find('#'), name.find("＃"));
  if (hash == std::string_view::npos && !header.date) return std::nullopt;  // a heading, not a post
  header.series = std::string(utf8::trim(name.substr(0, hash)));
  header.title = std::string(rest);
  return header;
}

bool reads_like_notice(std::string_view text) {
  if (!holds_any(text, kIncident)) return false;
  const int others = holds_any(text, kApology) + holds_any(text, kPersonalData) + holds_any(text, kStructure);
  return others >= 2;
}

}  // namespace kaiji
