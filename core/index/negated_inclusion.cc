#include "index/negated_inclusion.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace kaiji {
namespace {

// How far after the verb its negation may stand: 記載 さ れ て おり ませ ん.
constexpr std::size_t kNegationReach = 7;

// The verbs of holding or writing data down: 「…は含まれておりません」「…は記載されて
// いません」「…は保有しておりません」 say the data was not among what was exposed.
bool is_holding_verb(std::string_view term) {
  // Most words are not: their first character rules them out before any comparison
  // (this runs for every word of every notice).
  std::size_t after_first = 0;
  switch (term.empty() ? char32_t{0} : utf8::decode(term, after_first)) {
    case U'含': case U'記': case U'保': case U'取': case U'登': break;
    default: return false;
  }
  static constexpr std::array<std::string_view, 9> kVerbs = {"含む", "含める", "記載", "保存", "保有",
                                                             "保管", "取り扱う", "取扱う", "登録"};
  return std::find(kVerbs.begin(), kVerbs.end(), term) != kVerbs.end();
}

bool is_negation(std::string_view term) { return term == "ない" || term == "ん" || term == "ず" || term == "ぬ"; }
bool ends_sentence(std::string_view term) { return term == "。" || term == "." || term == "!" || term == "?"; }

bool negated_at(const std::vector<Token>& tokens, std::size_t k) {
  for (std::size_t j = k + 1; j < tokens.size() && j <= k + kNegationReach; ++j) {
    if (ends_sentence(tokens[j].term)) return false;
    if (is_negation(tokens[j].term)) return true;
  }
  return false;
}

// Where the clause ending at byte `at` of text starts.
std::size_t clause_begin(std::string_view text, std::size_t at) {
  return utf8::after_last(text, at, {"。", "\n", "おり、", "あり、", "が、", "ており、", "ものの、"});
}

}  // namespace

void unindex_negated_inclusions(std::string_view text, std::vector<Token>& tokens) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (!is_holding_verb(tokens[k].term) || tokens[k].is_part || !negated_at(tokens, k)) continue;
    const std::size_t begin = clause_begin(text, tokens[k].begin);
    for (std::size_t i = k; i-- > 0 && tokens[i].begin >= begin;) tokens[i].indexable = false;
  }
}

}  // namespace kaiji
