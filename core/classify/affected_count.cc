#include "classify/affected_count.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "classify/data_reader.h"
#include "classify/heading_line.h"
#include "classify/japanese_number.h"

namespace kaiji {
namespace {

constexpr std::size_t kKeywordWindowChars = 20;
constexpr std::size_t kTotalWindowChars = 6;  // 「合計　2,158件」「計 137名」
constexpr int kMarkedScore = 3;               // a headline marker's score, or more

// Words just before a count that state a total: it beats its parts. 「対象となるお客様の人数は
// 1,811名」 states the people a count of 1,947 bookings comes to.
constexpr std::array<std::string_view, 9> kTotalWords = {"合計", "計", "総数", "全体で", "合わせて", "あわせて", "総計", "実人数", "人数は"};
// Words near a count that mark it as the notice's headline number.
constexpr std::array<std::string_view, 9> kHeadlineMarkers = {
    "最大", "対象", "件数", "人数", "延べ人数", "流出した情報", "漏えいした情報", "漏えい件数", "名寄せ"};
// What follows a count of the people whose data leaked: 「3名の氏名」「76名分の個人情報」
// 「2,904名の方のお名前」.
constexpr std::array<std::string_view, 11> kDataAfterCount = {
    "の氏名", "の個人情報", "の情報", "分の氏名", "のお名前", "の方のお名前", "の方の氏名", "の方の個人情報", "の方の情報",
    "様のお名前", "様の氏名"};
// Words just before a count of the publisher's own people (「スタッフ2名が」「職員42名を対象に」):
// not the people affected, unless the count is of their data (「従業員120名分の」「職員3名の氏名」).
constexpr std::array<std::string_view, 9> kStaffWords = {"スタッフ", "職員", "従業員", "社員", "担当者",
                                                         "作業員", "役員", "委員", "教員"};
// Words just before a count that make it a part of another: 「うち」.
constexpr std::array<std::string_view, 2> kPartWords = {"うち", "内訳"};
// Words before a count that make it one published earlier and since corrected
// (「7月4日付で公表した件数(2,713 件)から 11 件少なく」), or a sum that counts people twice
// (「単純に合計すると8,393名となりますが、…実人数は7,940名です」).
constexpr std::array<std::string_view, 6> kSupersededWords = {"公表した", "お知らせした", "当初", "前回", "単純に合計", "単純合計"};
// A correction (第2報・訂正) repeats the first report's figure in a sentence that says so,
// however far before the count: 「第1報では、…全会員分にあたる「最大5万2千件…」」「(訂正前:…128名)」.
constexpr std::array<std::string_view, 3> kFirstReportWords = {"第1報で", "第一報で", "訂正前"};
// A count only counts when its line (or the one before) is about data or the people in it.
constexpr std::array<std::string_view, 37> kContextWords = {
    "情報", "データ", "漏", "流出", "対象", "名簿", "件数", "人数", "延べ", "顧客", "お客様", "お客さま", "アドレス",
    "個人", "生徒", "児童", "学生", "患者", "会員", "利用者", "卒業生", "契約", "カルテ", "登録者", "氏名", "住所",
    "最大", "の方", "届い", "誤送", "送付", "封入", "閲覧", "書類", "ファイル", "記載", "合計"};

// A count whose sentence, after it, concludes the data was not reached (「顧客管理システム
// (約4万2千件)に…アクセスした痕跡は確認されませんでした」) counts data that was spared. A
// denial of misuse (「不正利用は確認されておりません」) says nothing of the leak.
constexpr std::array<std::string_view, 7> kNotReachedNegations = {
    "ませんでした", "ておりません", "ていません", "ていない", "なかった", "はありません", "はございません"};
constexpr std::array<std::string_view, 6> kReachWords = {"痕跡", "流出", "漏えい", "漏洩", "影響", "アクセス"};
constexpr std::array<std::string_view, 4> kMisuseWords = {"不正利用", "悪用", "二次被害", "不審"};
// An open question is no conclusion: 「3,000件が流出したかどうかは確認できていない」.
constexpr std::array<std::string_view, 4> kOpenWords = {"かどうか", "確認でき", "可能性", "おそれ"};
constexpr std::array<std::string_view, 4> kClauseContrasts = {"が、", "ものの", "しかし", "ですが"};


bool starts_with_at(std::string_view text, std::size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word;
}

// Byte offset `chars` code points before `at`.
std::size_t back_chars(std::string_view s, std::size_t at, std::size_t chars) {
  while (at > 0 && chars > 0) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    --chars;
  }
  return at;
}

bool contains_any(std::string_view text, const auto& words) {
  for (std::string_view w : words) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The line holding `at` and the line before it.
std::string_view context_lines(std::string_view text, std::size_t at) {
  std::size_t begin = text.rfind('\n', at);
  begin = begin == std::string_view::npos ? 0 : begin;
  if (begin > 0) {
    const std::size_t previous = text.rfind('\n', begin - 1);
    begin = previous == std::string_view::npos ? 0 : previous + 1;
  }
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

// A count on a list line under a short line that marks the headline (「2 誤送付の件数」 above
// 「・…届いてしまった方 19名」, 「訂正後の対象は、次のとおりです。」 above 「従業員　146名」) is
// marked by it as if that line stood before it. A list line is bulleted, or short and no
// sentence; its count is the one that ends it (「・2名分が同封されていた封筒　19通」 counts
// envelopes, not the 2).
bool under_marked_heading(std::string_view text, std::size_t at, std::size_t after_unit) {
  constexpr std::size_t kMaxListLines = 8;
  constexpr std::size_t kMaxHeadingBytes = 3 * 30;
  constexpr std::size_t kMaxListLineChars = 20;
  const auto line_start = [&](std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  const auto list_line = [&](std::string_view line) {
    return line.starts_with("・") || (!line.empty() && !line.ends_with("。") && utf8::length(line) <= kMaxListLineChars);
  };
  std::size_t begin = line_start(at);
  const std::size_t own_end = std::min(text.find('\n', at), text.size());
  const std::string_view rest = utf8::trim(text.substr(after_unit, own_end - after_unit));
  if (!list_line(utf8::trim(text.substr(begin, own_end - begin))) || !(rest.empty() || rest.starts_with("("))) return false;
  for (std::size_t lines = 0; begin > 0 && lines < kMaxListLines; ++lines) {
    const std::size_t previous = line_start(begin - 1);
    const std::string_view line = utf8::trim(text.substr(previous, begin - 1 - previous));
    begin = previous;
    if (line.size() <= kMaxHeadingBytes && contains_any(line, kHeadlineMarkers)) return true;
    if (!list_line(line)) return false;
  }
  return false;
}

// The rest of the count's sentence, to its end or a contrast, says the data was not reached.
bool spared(std::string_view text, std::size_t after_count) {
  std::string_view rest = utf8::before_any(text.substr(after_count), {"。", "\n"});
  for (std::string_view contrast : kClauseContrasts) rest = rest.substr(0, std::min(rest.find(contrast), rest.size()));
  return contains_any(rest, kNotReachedNegations) && contains_any(rest, kReachWords) && !contains_any(rest, kMisuseWords) &&
         !contains_any(rest, kOpenWords);
}

}  // namespace


namespace {
// The sentence (or line) a count stands in, up to the count.
std::string_view sentence_before(std::string_view text, std::size_t at) {
  const std::size_t from = utf8::after_last(text, at, {"。", "\n"});
  return text.substr(from, at - from);
}

// A table's total row: its line opens with a total word set apart by a space or a colon
// (「合計　　11社・団体　約120,000件」), however many columns stand before the count.
bool total_row(std::string_view text, std::size_t at) {
  const std::size_t line_start = utf8::after_last(text, at, {"\n"});
  const std::string_view line = utf8::trim(text.substr(line_start, at - line_start));
  return std::any_of(kTotalWords.begin(), kTotalWords.end(), [&](std::string_view w) {
    return line.starts_with(w) && line.size() > w.size() && (line[w.size()] == ' ' || line[w.size()] == ':');
  });
}

// The line under a data section's heading that introduces its list counts what the list
// holds: a sentence (「令和5年4月以降に受け付けた相談412件（相談者412名）の、次の項目です。」)
// or a line that ends in its count (「…審査を行った方の書類　512件」). A line that is an item
// of the list (「町民1名の転居先の住所」「(1)…お客様1,462名のカード名義人名」) counts a part.
bool introduces_data_section(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& sections,
                             std::size_t at, std::size_t after_unit) {
  for (const auto& [begin, end] : sections) {
    if (at < begin || at >= end) continue;
    std::size_t line_end = text.find('\n', begin);
    if (line_end == std::string_view::npos || at < line_end) return true;  // the heading itself
    // The first line under it that holds anything.
    std::size_t next = line_end + 1;
    while (next < end) {
      line_end = std::min(text.find('\n', next), end);
      const std::string_view line = utf8::trim(text.substr(next, line_end - next));
      if (line.empty()) {
        next = line_end + 1;
        continue;
      }
      if (at >= line_end || starts_with_part_number(line)) return false;
      const std::string_view rest = utf8::trim(text.substr(after_unit, line_end - after_unit));
      return line.ends_with("。") || rest.empty() || rest.starts_with("(") || rest.starts_with("（");
    }
    return false;
  }
  return false;
}
}  // namespace

std::vector<CountMention> find_counts(std::string_view raw) { return find_counts_in_normalised(normalize(raw)); }

std::vector<CountMention> find_counts_in_normalised(std::string_view text) {
  std::vector<CountMention> counts;
  const auto sections = data_sections(text);
  for (std::size_t i = 0; i < text.size();) {
    if (!number_starts(text, i)) {
      // On to the next character: a number starts at one, never inside one.
      const auto lead = static_cast<unsigned char>(text[i]);
      i += lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      continue;
    }
    const std::size_t start = i;
    const std::size_t end = number_end(text, start);
    i = end;
    std::size_t k = end;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size()) break;
    // 「四百十二世帯分」: households count those affected as people do.
    const bool households = starts_with_at(text, k, "世帯");
    const char32_t unit = households ? U'帯' : utf8::decode(text, k);
    if (households) k += std::string_view("世帯").size();
    const bool per_person = households || unit == U'件' || unit == U'名' || unit == U'人';
    const std::size_t before = back_chars(text, start, 4);
    const bool organisations = unit == U'社' && text.substr(before, start - before).find("最大") != std::string::npos;
    if (!per_person && !organisations) continue;
    if (starts_with_at(text, k, "規模")) continue;  // 約100名規模の組織: not a count of victims
    const auto value = parse_japanese_number(std::string_view(text).substr(start, end - start));
    if (!value || *value <= 0) continue;
    // A count listed under a line that marks the headline has that line for its context.
    const bool listed_under_marker = under_marked_heading(text, start, k);
    if ((!listed_under_marker && !contains_any(context_lines(text, start), kContextWords)) || spared(text, k)) continue;

    CountMention mention{*value, start, 0};
    const std::size_t window = back_chars(text, start, kKeywordWindowChars);
    const std::string_view before_count = std::string_view(text).substr(window, start - window);
    // What labels the count stands on its line: a heading above (「…記載されていた情報」) is no label.
    const std::size_t near = std::max(back_chars(text, start, kTotalWindowChars), utf8::after_last(text, start, {"\n"}));
    const std::string_view just_before = std::string_view(text).substr(near, start - near);
    // 「合計 2,158件」, or 「69,403 件(名寄せ後件数合計)」: a total named before or just after.
    const std::string_view just_after = utf8::prefix(std::string_view(text).substr(k), 12);  // k: after the unit
    const bool named_after = just_after.starts_with("(") && contains_any(just_after.substr(0, just_after.find(')')), kTotalWords);
    const bool total = contains_any(just_before, kTotalWords) || named_after || total_row(text, start);
    if (total) mention.score += 5;
    else if (contains_any(before_count, kHeadlineMarkers) || listed_under_marker ||
             introduces_data_section(text, sections, start, k)) {
      mention.score += 3;
    }
    if (contains_any(just_before, kPartWords)) mention.score -= 2;
    // A count of records (「ご予約情報:1,265件」) or of the people whose data it is
    // (「お客様3名の氏名」) rather than of people something else happened to.
    const std::string_view label = utf8::trim(just_before);
    const bool of_data = label.ends_with("情報:") || label.ends_with("情報") || label.ends_with("件数:") ||
                         std::any_of(kDataAfterCount.begin(), kDataAfterCount.end(),
                                     [&](std::string_view w) { return just_after.find(w) != std::string_view::npos; });
    if (of_data) mention.score += 1;
    // 「区民課職員(計38名)」: the staff word stands before the bracket and the total word.
    std::string_view staff_label = label;
    for (std::string_view w : {"合計", "計", "(", "（"}) {
      if (staff_label.ends_with(w)) staff_label = utf8::trim(staff_label.substr(0, staff_label.size() - w.size()));
    }
    const bool of_staff =
        std::any_of(kStaffWords.begin(), kStaffWords.end(), [&](std::string_view w) { return staff_label.ends_with(w); });
    // Listed under 「対象」, staff are among those affected (「従業員　146名」 of the employers).
    if (of_staff && !of_data && !listed_under_marker && !starts_with_at(text, k, "分")) continue;
    const bool superseded =
        contains_any(before_count, kSupersededWords) || contains_any(sentence_before(text, start), kFirstReportWords);
    if (superseded) mention.score -= 3;
    mention.stated_total = total && !superseded;
    mention.of_items = unit == U'件';
    mention.of_organisations = organisations;
    mention.of_data = of_data;
    if (starts_with_at(text, k, "分")) {  // k: after the unit
      mention.score += 2;  // 700名分: the people a dataset covers
      mention.people_share = !mention.of_items;
    }
    counts.push_back(mention);
  }
  return counts;
}

std::optional<CountMention> headline_count(std::string_view raw) { return headline_count_in_normalised(normalize(raw)); }

std::optional<CountMention> headline_count_in_normalised(std::string_view text) {
  const std::vector<CountMention> counts = find_counts_in_normalised(text);
  const auto same_sentence = [&](const CountMention& a, const CountMention& b) {
    const std::string_view between = std::string_view(text).substr(a.offset, b.offset - a.offset);
    return between.find('\n') == std::string_view::npos && between.find("。") == std::string_view::npos;
  };
  // The best-scored count. Among equals the larger wins when both are marked as headline
  // or total counts, or stand in one sentence (「カード情報1,462件および個人情報2,977件」:
  // the whole beats its part); otherwise the first, as notices list the main group first.
  // Between two stated totals the larger wins whatever else scored them: 「合わせて94名分」
  // of one incident and 「二つの事案で…合計236名」 of both.
  // Organisations (「最大で310社分」) are the headline only when no count of the people or
  // records the data is of stands beside them (「従業員・退職者の情報　1,036名」); a person
  // named in passing (「審査員1名」) does not set them aside.
  const bool people_counted = std::any_of(counts.begin(), counts.end(), [](const CountMention& c) {
    return !c.of_organisations && (c.of_data || c.people_share || c.score >= kMarkedScore);
  });
  const CountMention* best = nullptr;
  for (const CountMention& c : counts) {
    if (people_counted && c.of_organisations) continue;
    if (best != nullptr && c.stated_total && best->stated_total) {
      if (c.value > best->value) best = &c;
      continue;
    }
    const bool larger = best != nullptr && c.score == best->score && c.value > best->value &&
                        (c.score >= kMarkedScore || same_sentence(*best, c));
    if (best == nullptr || c.score > best->score || larger) best = &c;
  }
  if (best == nullptr) return std::nullopt;
  // 「お客様15名分の申込書、告知書など計18件」: items counted in the sentence of the people
  // they belong to are those people's papers; the people are the headline.
  if (best->of_items) {
    for (const CountMention& c : counts) {
      if (c.people_share && c.offset < best->offset && same_sentence(c, *best)) return c;
    }
  }
  return *best;
}

std::optional<std::int64_t> headline_affected(std::string_view text) {
  const auto best = headline_count(text);
  return best ? std::optional<std::int64_t>(best->value) : std::nullopt;
}

}  // namespace kaiji
