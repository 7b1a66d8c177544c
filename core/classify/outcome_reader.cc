#include "classify/outcome_reader.h"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>

#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kClauseChars = 40;
// Where a clause ends inside a sentence: a contrast turns to another statement.
constexpr std::array<std::string_view, 5> kContrasts = {"が、", "ものの", "しかし", "ですが", "けれども"};
// Hypothetical words that are themselves negated (否定できない) or only weighed (可能性は高くない,
// 可能性は低い): the leak stays possible, whatever negation follows.
constexpr std::array<std::string_view, 5> kNegatedHypotheticals = {"否定でき", "否定するこ", "高くな", "低い", "低く"};

// A leak word in the past tense right before a noun or a count is its modifier (閲覧された
// 患者さん, 持ち出された顧客名簿, 閲覧された9名の方, 取得され|た方): the leak is
// presupposed, not stated.
bool modifies_noun(std::string_view leak_word, std::string_view after) {
  if (!leak_word.ends_with("た")) {
    if (!after.starts_with("た")) return false;
    after.remove_prefix(std::string_view("た").size());
  }
  if (after.empty()) return false;
  std::size_t i = 0;
  const char32_t next = utf8::decode(after, i);
  return utf8::is_kanji(next) || utf8::is_katakana(next) || (next >= U'0' && next <= U'9');
}

}  // namespace

OutcomeReader::OutcomeReader(const std::vector<TableLine>& lines, const std::string& path, const TextFolder& folder) {
  static const std::map<std::string, Kind, std::less<>> kinds = {
      {"leak", Kind::Leak},         {"theft", Kind::Theft},         {"delivery", Kind::Delivery},
      {"verb", Kind::Verb},         {"presupposed", Kind::Presupposed},
      {"hypothetical", Kind::Hypothetical}, {"negation", Kind::Negation}, {"unconfirmed", Kind::Unconfirmed},
      {"subject", Kind::Subject},   {"misuse", Kind::Misuse},         {"contents", Kind::Contents},
      {"judgement", Kind::Judgement}, {"countermeasure", Kind::Countermeasure}, {"carrier", Kind::Carrier},
      {"credential", Kind::Credential}, {"belonging", Kind::Belonging},
      {"question", Kind::Question},     {"answered", Kind::Answered}};
  for (const TableLine& line : lines) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 2) throw std::runtime_error(where + "expected kind and word");
    const auto kind = kinds.find(line.words[0]);
    if (kind == kinds.end()) throw std::runtime_error(where + "unknown kind '" + line.words[0] + "'");
    words_.push_back({kind->second, folder.fold(line.words[1]), line.line_number});
  }
  // Longer words first, so 誤って送付 is tried before 誤って送.
  std::stable_sort(words_.begin(), words_.end(), [](const Word& a, const Word& b) { return a.text.size() > b.text.size(); });
  std::vector<std::string> phrases;
  for (std::size_t w = 0; w < words_.size(); ++w) {
    if (words_[w].kind != Kind::Leak && words_[w].kind != Kind::Theft && words_[w].kind != Kind::Delivery) continue;
    phrases.push_back(words_[w].text);
    word_of_phrase_.push_back(w);
  }
  leak_words_ = PhraseMatcher(std::move(phrases));
  by_kind_.resize(static_cast<std::size_t>(Kind::Answered) + 1);
  for (const Word& w : words_) by_kind_[static_cast<std::size_t>(w.kind)].push_back(&w);
}

std::pair<std::size_t, const OutcomeReader::Word*> OutcomeReader::first(std::string_view text, Kind kind) const {
  std::pair<std::size_t, const Word*> best{std::string_view::npos, nullptr};
  for (const Word* w_ptr : by_kind_[static_cast<std::size_t>(kind)]) {
    const Word& w = *w_ptr;
    const std::size_t at = text.find(w.text);
    if (at < best.first) best = {at, &w};
  }
  return best;
}

bool OutcomeReader::starts_with_any(std::string_view text, Kind kind) const {
  const auto& words = by_kind_[static_cast<std::size_t>(kind)];
  return std::any_of(words.begin(), words.end(), [&](const Word* w) { return text.starts_with(w->text); });
}

bool OutcomeReader::ends_with_any(std::string_view text, Kind kind) const {
  const auto& words = by_kind_[static_cast<std::size_t>(kind)];
  return std::any_of(words.begin(), words.end(), [&](const Word* w) { return text.ends_with(w->text); });
}

bool OutcomeReader::takes(std::string_view text, std::size_t at, Kind what) const {
  // The clause before the theft word: the word, then a short phrase that holds the
  // particle making it the subject or object (認証情報が第三者に, 現金約2万円は).
  constexpr std::size_t kMaxBetweenChars = 9;
  constexpr std::array<std::string_view, 4> kParticles = {"が", "を", "は", "も"};
  const std::size_t begin = utf8::after_last(text, at, {"、", "。", "\n"});
  const std::string_view before = text.substr(begin, at - begin);
  const auto& words = by_kind_[static_cast<std::size_t>(what)];
  return std::any_of(words.begin(), words.end(), [&](const Word* w) {
    const std::size_t found = before.rfind(w->text);
    if (found == std::string_view::npos) return false;
    const std::string_view rest = before.substr(found + w->text.size());
    const bool particle = std::any_of(kParticles.begin(), kParticles.end(),
                                      [&](std::string_view p) { return rest.find(p) != std::string_view::npos; });
    return particle && utf8::length(rest) <= kMaxBetweenChars;
  });
}

OutcomeReader::Reading OutcomeReader::read_clause(std::string_view clause, std::string_view sentence,
                                                  const Word& leak) const {
  const std::string_view after = clause.substr(leak.text.size());
  if (starts_with_any(after, Kind::Countermeasure)) return Reading::None;
  auto [negation, negation_word] = first(after, Kind::Negation);
  const bool presupposed = starts_with_any(after, Kind::Presupposed) || modifies_noun(leak.text, after);
  // 「流出した情報の不正利用は確認されていない」: the denial is the misuse's; so is the
  // possibility in 「流出した情報が悪用されているかどうか」.
  std::size_t hypothetical = first(after, Kind::Hypothetical).first;
  std::size_t question = first(after, Kind::Question).first;
  if (presupposed) {
    const std::size_t misuse = first(after, Kind::Misuse).first;
    if (misuse < negation) negation = std::string_view::npos;
    if (misuse < hypothetical) hypothetical = std::string_view::npos;
    if (misuse < question) question = std::string_view::npos;
  }
  // 「持ち出されたファイルには顧客情報は含まれておりません」: the denial is of what the
  // leaked files held, not of the leak.
  if (presupposed && negation != std::string_view::npos && first(after, Kind::Contents).first < negation) {
    return Reading::Presupposed;
  }
  // 「外部へ送られたかどうかは解析中です」「…かどうかまでは判別できません」: an open
  // question; 「流出したかどうかを調査しました」 is answered, and says nothing itself.
  if (question != std::string_view::npos) {
    return first(after.substr(question), Kind::Answered).second != nullptr ? Reading::None : Reading::Possible;
  }
  const bool negated_hypothetical = std::any_of(kNegatedHypotheticals.begin(), kNegatedHypotheticals.end(),
                                                [&](std::string_view w) { return after.find(w) != std::string_view::npos; });
  if (negated_hypothetical) return Reading::Possible;  // 「流出したおそれは否定できない」
  if (hypothetical != std::string_view::npos && (negation == std::string_view::npos || hypothetical < negation)) {
    return negation == std::string_view::npos ? Reading::Possible : Reading::Denied;  // おそれはない
  }
  if (negation != std::string_view::npos) {
    if (first(after, Kind::Unconfirmed).second != nullptr) return Reading::Possible;
    const bool about_the_leak = starts_with_any(after, Kind::Subject);
    return about_the_leak && first(sentence, Kind::Judgement).second != nullptr ? Reading::Concluded : Reading::Denied;
  }
  if (presupposed) return Reading::Presupposed;
  const bool stated = leak.kind == Kind::Delivery || starts_with_any(after, Kind::Verb);
  return stated ? Reading::Happened : Reading::None;
}

std::vector<std::string> OutcomeReader::phrases() const {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < leak_words_.size(); ++p) out.push_back(leak_words_.phrase(p));
  return out;
}

std::optional<OutcomeFinding> OutcomeReader::read(std::string_view text) const { return read(text, leak_words_.find_all(text)); }

std::optional<OutcomeFinding> OutcomeReader::read(std::string_view text, const PhraseHits& hits) const {
  std::map<Reading, OutcomeFinding> first_of;  // each reading's first clause
  std::size_t covered = 0;                     // matches inside a longer one already read are skipped
  for (const auto& [at, phrase] : hits) {
    if (at < covered) continue;
    const Word& leak = words_[word_of_phrase_[phrase]];
    covered = at + leak.text.size();
    // 「不審なメールが外部へ送信されました」: what went out is the attacker's mail, not data.
    if (ends_with_any(text.substr(0, at), Kind::Carrier)) continue;
    // 「認証情報が第三者に盗み取られた」: a stolen credential is the attacker's way in, not
    // the data; stolen cash is no data either.
    if (leak.kind == Kind::Theft && (takes(text, at, Kind::Credential) || takes(text, at, Kind::Belonging))) continue;
    const std::string_view sentence = utf8::sentence_around(text, at);
    const std::size_t sentence_end = static_cast<std::size_t>(sentence.data() - text.data()) + sentence.size();
    std::string_view clause = utf8::prefix(text.substr(at, sentence_end - at), kClauseChars);
    for (std::string_view contrast : kContrasts) {
      clause = clause.substr(0, std::min(clause.find(contrast, leak.text.size()), clause.size()));
    }
    Reading reading = read_clause(clause, sentence, leak);
    // 「当社のシステムからIDやパスワードが流出した事実はなく」: a concluded denial of a
    // credential leak says where the attacker's way in came from, not that the data stayed in;
    // it stands only where nothing says the data went out.
    if (reading == Reading::Concluded && takes(text, at, Kind::Credential)) reading = Reading::Denied;
    if (reading != Reading::None) first_of.try_emplace(reading, OutcomeFinding{"", leak.line, at, clause.size()});
  }
  static constexpr std::array<std::pair<Reading, std::string_view>, 5> order = {
      {{Reading::Concluded, "not_leaked"}, {Reading::Happened, "leaked"}, {Reading::Possible, "possible"},
       {Reading::Presupposed, "leaked"}, {Reading::Denied, "not_leaked"}}};
  for (const auto& [reading, outcome] : order) {
    if (auto found = first_of.find(reading); found != first_of.end()) {
      found->second.outcome = std::string(outcome);
      return found->second;
    }
  }
  return std::nullopt;
}

}  // namespace kaiji
