#include "classify/data_reader.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "base/utf8.h"
#include "classify/heading_line.h"
#include "classify/list_items.h"

namespace kaiji {
namespace {

constexpr std::size_t kClauseChars = 40;
constexpr std::size_t kMaxHeadingChars = 40;
constexpr std::size_t kMaxSectionLines = 12;
constexpr std::size_t kMaxItemChars = 20;
constexpr std::size_t kMaxItemLineChars = 30;  // a line of items without a bullet: 「お取引先様の会社名」

// A data section's heading names the data (情報, 項目) and what happened to it.
constexpr std::array<std::string_view, 3> kDataNouns = {"情報", "項目", "内容"};
constexpr std::array<std::string_view, 44> kWhatHappened = {
    "漏えい", "漏洩", "流出",   "紛失", "盗",   "誤送", "誤封入", "誤配", "掲載", "閲覧", "含まれ", "記載", "伝わ",
    "伝え",   "持ち出", "対象", "可能性", "おそれ", "保存", "公開", "届い", "記録", "外部に出", "送られ", "保管",
    "見られ", "見え",   "表示", "読み取", "判読", "窃取", "抜き取", "写り込", "映り込", "写って", "映って",
    "知られ", "渡っ",   "渡し", "添付", "入って", "格納", "目に触れ", "照会"};
// Where a clause stops inside a sentence.
constexpr std::array<std::string_view, 5> kContrasts = {"が、", "ものの", "しかし", "ですが", "であり、"};
// A clause up to its first contrast.
std::string_view before_contrast(std::string_view clause) {
  for (std::string_view contrast : kContrasts) clause = clause.substr(0, std::min(clause.find(contrast), clause.size()));
  return clause;
}
// Verb endings inside an item's core that make it a clause, not the name of data.
constexpr std::array<std::string_view, 8> kClauseEndings = {"した", "された", "れた", "ある", "いる", "です", "ます", "できる"};

// Words that end names of data but name none alone.
constexpr std::array<std::string_view, 8> kGenericWords = {"情報", "内容", "番号", "記録", "状況", "結果", "データ", "項目"};
// Generic words that name data with what they are of (予約の内容, 会員の番号).
constexpr std::array<std::string_view, 5> kSpecifiedHeads = {"内容", "番号", "記録", "履歴", "結果"};

// The particles between an item and a remedy that acts on it, and how far the remedy
// may stand after the particle (an adverb's or a short phrase's length: すべて, 全スタッフ分).
constexpr std::array<std::string_view, 4> kObjectParticles = {"を", "の", "は", "も"};
constexpr std::size_t kRemedyReach = 10;  // 「パスワードを全スタッフ分変更」
// The particles between an item and what it guards (暗証番号で画面をロック), and how far the
// guard may stand after it (an object's length: 画面を).
constexpr std::array<std::string_view, 4> kGuardParticles = {"を", "で", "に", "が"};
constexpr std::size_t kGuardReach = 8;

// How a list line starts (※ starts a note, not an item).
constexpr std::array<std::string_view, 6> kBullets = {"・", "-", "●", "○", "◆", "◇"};

// Openings of a sentence that sets something apart: 「なお、…は含まれておりません」, a ※ note.
constexpr std::array<std::string_view, 4> kAsides = {"なお", "また", "ただし", "※"};


bool holds_any(std::string_view text, const auto& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// Not a title (「…情報の誤掲載について」): a heading names the data, it does not announce.
constexpr std::array<std::string_view, 5> kTitleEndings = {"について", "お詫び", "お知らせ", "ご報告", "ご案内"};

bool is_heading(std::string_view line) {
  // Bytes first: most lines are running text, far longer than a heading.
  return line.size() <= 3 * kMaxHeadingChars && utf8::length(line) <= kMaxHeadingChars && !line.ends_with("。") && holds_any(line, kDataNouns) &&
         !holds_any(line, kTitleEndings) && holds_any(line, kWhatHappened);
}

// A sentence that announces the list below it as the data (「照会された画面には、次の情報が
// 表示されていました。」「含まれている項目は、主に以下のとおりです。」) opens a section as a
// heading does.
bool introduces_list(std::string_view line) {
  constexpr std::size_t kMaxIntroChars = 60;
  return line.ends_with("。") && line.size() <= 3 * kMaxIntroChars && utf8::length(line) <= kMaxIntroChars &&
         holds_any(line, std::array<std::string_view, 3>{"次の", "以下の", "下記の"}) && holds_any(line, kDataNouns) &&
         holds_any(line, kWhatHappened);
}

// A line that starts the next part of a notice: 「3．現在の状況」「■経緯」「【お問い合わせ】」.
bool starts_next_part(std::string_view line) {
  if (line.empty()) return false;
  for (std::string_view mark : {"■", "●", "◆", "【", "◇", "□"}) {
    if (line.starts_with(mark)) return true;
  }
  return starts_with_part_number(line) && utf8::length(line) <= kMaxHeadingChars && !line.ends_with("。");
}

// What follows an item, read for a cue that acts on it: past one of its particles
// (required or not), at most reach characters, up to the first stop.
std::optional<std::string_view> after_item(std::string_view text, std::size_t after, const auto& particles,
                                           bool particle_required, std::size_t reach,
                                           std::initializer_list<std::string_view> stops) {
  std::string_view rest = text.substr(after);
  const auto particle =
      std::find_if(particles.begin(), particles.end(), [&](std::string_view p) { return rest.starts_with(p); });
  if (particle != particles.end()) rest = rest.substr(particle->size());
  else if (particle_required) return std::nullopt;
  return utf8::before_any(utf8::prefix(rest, reach), stops);
}


// The occurrence is a message's words, quoted: 「「パスワードの有効期限が切れます」と称する
// メール」 names a phishing mail's subject, not data. Quoted items of a list (「氏名」「住所」)
// are followed by another quote or a particle, not by 「と称する」「という」.
bool in_quoted_message(std::string_view text, std::size_t at, std::size_t after) {
  constexpr std::array<std::string_view, 7> kQuoting = {"と称", "という", "との", "と書", "と記載", "と名乗", "と表示"};
  // Within the item's line: a quote does not run across lines, and the search stays short.
  const std::size_t line_start = utf8::after_last(text, at, {"\n"});
  const std::string_view before = text.substr(line_start, at - line_start);
  const std::size_t open = before.rfind("「");
  if (open == std::string_view::npos) return false;
  const std::size_t closed_before = before.rfind("」");
  if (closed_before != std::string_view::npos && closed_before > open) return false;
  const std::size_t close = text.find("」", after);
  if (close == std::string_view::npos || text.substr(after, close - after).find('\n') != std::string_view::npos) return false;
  const std::string_view rest = text.substr(close + std::string_view("」").size());
  return std::any_of(kQuoting.begin(), kQuoting.end(), [&](std::string_view q) { return rest.starts_with(q); });
}
}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> data_sections(std::string_view body) {
  std::vector<std::pair<std::size_t, std::size_t>> sections;
  std::size_t start = 0;
  std::optional<std::size_t> open;  // the current section's start
  std::size_t lines_in = 0;
  bool numbered_items = false;  // the section lists its items numbered from 1
  const auto close = [&](std::size_t end) {
    if (open) sections.emplace_back(*open, end);
    open.reset();
  };
  while (start <= body.size()) {
    std::size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view line = utf8::trim(body.substr(start, nl - start));
    if (is_heading(line) || introduces_list(line)) {
      close(start);
      open = start;
      lines_in = 0;
      numbered_items = false;
    } else if (open && !numbered_items && starts_with_first_part_number(line)) {
      numbered_items = true;  // 「１．氏名」 under 「◆お渡ししてしまった情報」: an item
      ++lines_in;
    } else if (open && ((starts_next_part(line) && !(numbered_items && starts_with_part_number(line))) ||
                        ++lines_in > kMaxSectionLines)) {
      close(start);
    }
    start = nl + 1;
  }
  close(body.size());
  return sections;
}

DataReader::DataReader(std::vector<DataPattern> patterns, DataCues cues)
    : patterns_(std::move(patterns)), cues_(std::move(cues)) {
  std::vector<std::string> phrases;
  for (const DataPattern& p : patterns_) phrases.push_back(p.pattern);
  matcher_ = PhraseMatcher(std::move(phrases));
}

// The clause after an occurrence — to the end of its sentence or a contrast — denies it:
// 「クレジットカード情報は含まれておりません」.
bool DataReader::negated(std::string_view clause) const {
  // 「封緘シールが剥がされないままの状態で」: a state something stayed in, not a denial.
  return std::any_of(cues_.negations.begin(), cues_.negations.end(), [&](const std::string& cue) {
    for (std::size_t at = clause.find(cue); at != std::string_view::npos; at = clause.find(cue, at + 1)) {
      if (!clause.substr(at + cue.size()).starts_with("まま")) return true;
    }
    return false;
  });
}

// The clause after an occurrence — to the end of its sentence or a contrast — denies it:
// 「クレジットカード情報は含まれておりません」; so does a sentence that sets items apart
// (「なお、口座番号、暗証番号、ログイン情報は持ち出されておりません」), however long its list.
bool DataReader::denied(std::string_view text, std::size_t at, std::size_t after) const {
  const std::string_view sentence = utf8::sentence_around(text, at);
  const std::string_view opening = utf8::trim(sentence);
  const bool aside = std::any_of(kAsides.begin(), kAsides.end(), [&](std::string_view a) { return opening.starts_with(a); });
  if (aside && negated(sentence)) return true;
  // The item is the sentence's topic, before its first は, and the sentence denies it, to
  // its first contrast: 「口座番号やクレジットカード番号など決済に関わる情報は、…お預かりして
  // おらず、今回の流出には含まれておりません」.
  const std::size_t item_in_sentence = at - static_cast<std::size_t>(sentence.data() - text.data());
  if (const std::size_t topic_end = sentence.find("は"); topic_end != std::string_view::npos && item_in_sentence < topic_end) {
    if (negated(before_contrast(sentence.substr(topic_end)))) return true;
  }
  const std::string_view rest = utf8::before_any(utf8::prefix(text.substr(after), kClauseChars), {"。", "\n"});
  return negated(before_contrast(rest));
}

// The item is the object of a remedy right after it (its particle, and perhaps an adverb,
// between): a password to change (パスワードをすべて変更) is a step taken, not a sign that
// passwords leaked.
bool DataReader::remedied(std::string_view text, std::size_t after) const {
  const auto rest = after_item(text, after, kObjectParticles, true, kRemedyReach, {"、", "。"});
  return rest && std::any_of(cues_.remedies.begin(), cues_.remedies.end(),
                             [&](const std::string& r) { return rest->find(r) != std::string_view::npos; });
}

// The item guards something, right after it: 「パスワードロック機能付き」「暗証番号で画面を
// ロック」「パスワードを設定したうえで」. The particle is optional (a compound has none), and
// the cue may stand an object's length after it.
bool DataReader::guards(std::string_view text, std::size_t after, const std::string& value) const {
  const auto rest = after_item(text, after, kGuardParticles, false, kGuardReach, {"、", "。", "\n"});
  return std::any_of(cues_.guards.begin(), cues_.guards.end(), [&](const auto& guard) {
    return guard.first == value && rest->find(guard.second) != std::string_view::npos;
  });
}

// The item's clause before it — back to the last 、 or sentence end — names the
// organisation's own account the item belongs to (偽のログイン画面に管理画面のIDとパスワード).
bool DataReader::owned(std::string_view text, std::size_t at, const std::string& value) const {
  const std::size_t begin = utf8::after_last(text, at, {"、", "。", "\n"});
  const std::string_view before = text.substr(begin, at - begin);
  return std::any_of(cues_.owners.begin(), cues_.owners.end(), [&](const auto& owner) {
    return owner.first == value && before.find(owner.second) != std::string_view::npos;
  });
}

// The item's own clause, up to the next 、 or the end of its sentence, puts it in a
// condition (「…を入力してしまった場合は」, 「…が含まれている場合がございます」).
bool DataReader::conditional(std::string_view text, std::size_t after) const {
  std::string_view rest = utf8::prefix(text.substr(after), 2 * kClauseChars);
  // A note in brackets right after the item qualifies it, it does not make it a condition:
  // 「氏名(法人の場合はご担当者名)」.
  if (rest.starts_with("(")) rest.remove_prefix(std::min(rest.find(')'), rest.size()));
  rest = utf8::prefix(rest, kClauseChars);
  rest = utf8::before_any(rest, {"、", "。", "\n"});
  return std::any_of(cues_.conditionals.begin(), cues_.conditionals.end(),
                     [&](const std::string& c) { return rest.find(c) != std::string_view::npos; });
}

template <typename OnHit>
void DataReader::for_each_hit_in(const PhraseHits& hits, std::size_t begin, std::size_t end, OnHit&& on_hit) const {
  auto hit = std::lower_bound(hits.begin(), hits.end(), begin,
                              [](const PhraseHit& h, std::size_t offset) { return h.offset < offset; });
  for (; hit != hits.end() && hit->offset < end; ++hit) {
    if (hit->offset + patterns_[hit->phrase].pattern.size() <= end) on_hit(hit->phrase, hit->offset);
  }
}

void DataReader::read_range(std::string_view body, const PhraseHits& hits, std::size_t begin, std::size_t end,
                            std::vector<DataFinding>& out) const {
  for_each_hit_in(hits, begin, end, [&](std::size_t p, std::size_t at) {
    const DataPattern& pattern = patterns_[p];
    if (std::any_of(out.begin(), out.end(), [&](const DataFinding& f) { return f.value == pattern.value; })) return;
    const std::size_t after = at + pattern.pattern.size();
    if (denied(body, at, after) || remedied(body, after) || conditional(body, after) || owned(body, at, pattern.value) ||
        guards(body, after, pattern.value) || in_quoted_message(body, at, after)) {
      return;
    }
    out.push_back({pattern.value, pattern.line, at, pattern.pattern.size()});
  });
}

// The data an item names: its head after the last の, its tail cut at a particle —
// 「54名分の氏名」→ 氏名, 「予約日時を記載した表計算ファイル」→ 予約日時.
std::string_view DataReader::item_core(std::string_view item) const {
  item = utf8::trim(item);
  for (std::string_view bullet : kBullets) {
    if (item.starts_with(bullet)) item = utf8::trim(item.substr(bullet.size()));
  }
  // A numbered item: 「4.会員番号」 names 会員番号. 「(2)会員情報」 in brackets is a sub-heading
  // more often than an item, and keeps its number.
  if (const std::size_t numbered = part_number_end(item); numbered > 0) item = utf8::trim(item.substr(numbered));
  // Marks that open an item without being a list's bullet: a note, a bracket, a square.
  for (std::string_view mark : {"※", "(", "（", "■", "□"}) {
    if (item.starts_with(mark)) item = utf8::trim(item.substr(mark.size()));
  }
  for (std::string_view particle : {"を", "が", "は", "に", "で", "と", "や", "など", "等", ")", "）", "(", "（"}) {
    item = item.substr(0, std::min(item.find(particle), item.size()));
  }
  if (const std::size_t of = item.rfind("の"); of != std::string_view::npos) {
    // 「ご予約の内容」「会員の番号」: a generic head keeps what it is of, unless that is a
    // person (「お客様の情報」 names no data).
    const std::string_view head = item.substr(of + std::string_view("の").size());
    const std::string_view of_what = item.substr(0, of);
    const bool specific = std::find(kSpecifiedHeads.begin(), kSpecifiedHeads.end(), head) != kSpecifiedHeads.end() &&
                          !of_what.empty() && !names_people_or_count(of_what);
    if (!specific) item = head;
  }
  if (item.starts_with("「")) item.remove_prefix(std::string_view("「").size());
  if (item.ends_with("」")) item.remove_suffix(std::string_view("」").size());
  return utf8::trim(item);
}

// Whether a data item names data: not generic, ends like the name of data, short, and no
// count of people.
bool DataReader::names_data(std::string_view core) const {
  // 「情報」 or 「内容」 alone names no data (「…等の情報」); 年齢 or 会社名 does.
  const bool generic = std::find(kGenericWords.begin(), kGenericWords.end(), core) != kGenericWords.end();
  const bool data_noun = !generic && std::any_of(cues_.item_endings.begin(), cues_.item_endings.end(),
                                                 [&](const std::string& e) { return core.ends_with(e); });
  // A clause is no item: 「流出した可能性がある情報」 describes the list, it is not in it.
  const bool clause = std::any_of(kClauseEndings.begin(), kClauseEndings.end(),
                                  [&](std::string_view e) { return core.find(e) != std::string_view::npos; });
  return !core.empty() && data_noun && !clause && utf8::length(core) <= kMaxItemChars && !names_people_or_count(core);
}

void DataReader::read_unknown_items(std::string_view body, const PhraseHits& hits, std::size_t begin, std::size_t end,
                                    bool in_section, std::vector<DataFinding>& out) const {
  if (std::any_of(out.begin(), out.end(), [](const DataFinding& f) { return f.value == "other"; })) return;
  // Every list in the range — items set apart by 、 ・ および … in one sentence, one of them
  // a known type, or a bulleted line of a data section — is read item by item; an item no
  // pattern knows that names data is `other`.
  // The next 。 and line break are found once each and kept until passed: searching
  // afresh at every line read a long list without a 。 once per line.
  std::size_t next_stop = std::min(body.find("。", begin), end);
  std::size_t next_break = std::min(body.find('\n', begin), end);
  for (std::size_t sentence_start = begin; sentence_start < end;) {
    if (next_stop < sentence_start) next_stop = std::min(body.find("。", sentence_start), end);
    if (next_break < sentence_start) next_break = std::min(body.find('\n', sentence_start), end);
    const std::size_t sentence_end = std::min({next_stop, next_break, end});
    const std::string_view sentence = body.substr(sentence_start, sentence_end - sentence_start);
    // Past the stop: 。 is three bytes, a line break one.
    sentence_start = sentence_end + (sentence_end == next_stop && sentence_end < end ? std::string_view("。").size() : 1);
    // Under a heading that names leaked data, each bulleted line is an item list of its own
    // (「・品名、代金引換の金額」 below 「・氏名、住所、電話番号」), and so is a short line
    // that is no sentence (「お取引先様の会社名」 on a line of its own). A heading in the
    // section (「◇閲覧された情報(418名分)」) lists nothing.
    const std::string_view opening = utf8::trim(sentence);
    std::string_view unbulleted = opening;
    for (std::string_view b : kBullets) {
      if (unbulleted.starts_with(b)) unbulleted = utf8::trim(unbulleted.substr(b.size()));
    }
    // A sentence that ends in 。 is no heading, however short (「含まれていた項目は、会員番号、
    // 氏名です。」): the 。 was cut off before is_heading could see it.
    const bool a_sentence = body.substr(sentence_end).starts_with("。");
    if (in_section && !a_sentence && is_heading(unbulleted)) continue;
    const bool has_bullet = unbulleted.size() != opening.size();
    const bool short_line = !a_sentence && utf8::length(opening) <= kMaxItemLineChars;
    const bool bulleted = in_section && (has_bullet || short_line);
    // A list needs separators; most sentences have none.
    if (!bulleted && sentence.find("、") == std::string_view::npos && sentence.find("・") == std::string_view::npos) continue;
    const std::vector<std::string_view> items = list_items(sentence);
    // Where known types occur in the sentence: an item holding one is known.
    std::vector<std::size_t> known_at;
    const std::size_t sentence_begin = static_cast<std::size_t>(sentence.data() - body.data());
    for_each_hit_in(hits, sentence_begin, sentence_begin + sentence.size(),
                    [&](std::size_t, std::size_t at) { known_at.push_back(at - sentence_begin); });
    const auto known = [&](std::string_view item) {
      const std::size_t from = static_cast<std::size_t>(item.data() - sentence.data());
      return std::any_of(known_at.begin(), known_at.end(), [&](std::size_t at) { return at >= from && at < from + item.size(); });
    };
    if ((!bulleted && (items.size() < 3 || known_at.empty())) || negated(sentence)) continue;
    for (std::string_view item : items) {
      // 「ご依頼主のお名前と品名が判読できる」: two items joined by と, each read.
      for (std::string_view piece : pieces_joined_by_to(item)) {
        std::string_view core = item_core(piece);
        if (!names_data(core)) core = item_core(after_modifying_clause(piece));
        if (!known(piece) && names_data(core)) {
          out.push_back({"other", 0, static_cast<std::size_t>(core.data() - body.data()), core.size()});
          return;
        }
      }
    }
  }
}

std::vector<std::string> DataReader::phrases() const {
  std::vector<std::string> out;
  for (const DataPattern& p : patterns_) out.push_back(p.pattern);
  return out;
}

std::vector<DataFinding> DataReader::read(std::string_view body) const { return read(body, matcher_.find_all(body)); }

std::vector<DataFinding> DataReader::read(std::string_view body, const PhraseHits& hits) const {
  std::vector<DataFinding> out;
  auto sections = data_sections(body);
  for (const auto& [begin, end] : sections) read_range(body, hits, begin, end, out);
  const bool in_sections = !out.empty();
  if (!in_sections) {  // no section, or none that lists a known type: the whole text
    sections = {{0, body.size()}};
    read_range(body, hits, 0, body.size(), out);
  }
  for (const auto& [begin, end] : sections) read_unknown_items(body, hits, begin, end, in_sections, out);
  return out;
}

}  // namespace kaiji
