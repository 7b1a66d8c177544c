#include "spelling_suggestion.h"

#include <algorithm>

#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "base/word_form.h"

namespace kaiji {
namespace {

constexpr char32_t kLongVowel = 0x30FC;  // ー
// Hiragana → katakana is a fixed offset over the letters (ぁ U+3041 … ゖ U+3096).
constexpr char32_t kKatakanaOffset = 0x60;

bool in_kana_run(char32_t c) { return utf8::is_hiragana(c) || c == kLongVowel; }

// A word that stays one plain word in a query: nothing the query syntax would read.
bool is_plain_word(std::string_view word) {
  return !word.empty() && word.front() != '-' && word.find_first_of("():\" ") == std::string_view::npos;
}

}  // namespace

std::vector<const QueryNode*> top_level_words(const QueryNode& root) {
  std::vector<const QueryNode*> words;
  if (root.kind == QueryNode::Kind::Word) words.push_back(&root);
  if (root.kind != QueryNode::Kind::And) return words;
  for (const QueryNode& child : root.children) {
    if (child.kind == QueryNode::Kind::Word) words.push_back(&child);
  }
  return words;
}

std::string katakana_form(std::string_view word) {
  const std::vector<char32_t> chars = utf8::code_points(word);
  std::string out;
  for (std::size_t k = 0; k < chars.size();) {
    std::size_t end = k;
    std::size_t hiragana = 0;
    while (end < chars.size() && in_kana_run(chars[end])) hiragana += utf8::is_hiragana(chars[end++]) ? 1 : 0;
    if (end == k) {
      utf8::append(out, chars[k++]);
      continue;
    }
    for (; k < end; ++k) {
      const bool convert = hiragana >= 2 && utf8::is_hiragana(chars[k]);
      utf8::append(out, convert ? chars[k] + kKatakanaOffset : chars[k]);
    }
  }
  return out;
}

unsigned suggestion_distance(std::size_t chars) { return chars <= kShortWordChars ? 1 : 2; }

std::string corrected_query(std::string_view normalized_query, const std::vector<WordCorrection>& corrections) {
  std::vector<WordCorrection> by_column = corrections;
  std::sort(by_column.begin(), by_column.end(),
            [](const WordCorrection& a, const WordCorrection& b) { return a.column > b.column; });
  std::string out(normalized_query);
  for (const WordCorrection& c : by_column) {  // from the end, so earlier columns stay put
    if (c.column == 0) continue;
    const std::size_t begin = utf8::prefix(out, c.column - 1).size();
    if (out.compare(begin, c.word.size(), c.word) != 0) continue;  // not where it was parsed
    out.replace(begin, c.word.size(), c.corrected);
  }
  return out;
}

std::string SpellingSuggester::nearest_spelling(const std::string& word) const {
  try {
    return db_.get_spelling_suggestion(word, suggestion_distance(utf8::length(word)));
  } catch (const Xapian::UnimplementedError&) {
    return {};  // a remote database: no spelling data
  }
}

std::string SpellingSuggester::correct_word(const std::string& word) const {
  const std::string typed = fold_case(normalize(word));  // as the spelling table holds words
  if (utf8::length(typed) < 2) return {};
  const std::string katakana = katakana_form(typed);
  if (katakana != typed && matches_(katakana)) return katakana;
  const std::string own_form = normalise_word(typed);
  for (const std::string& base : {katakana, typed}) {
    const std::string nearest = nearest_spelling(base);
    // Only a correction that changes more than case, width or a long vowel, that is
    // not a part of the word (取引所 is not a misspelt 取引: it is a word the notices
    // lack), and that finds something.
    if (utf8::length(nearest) >= 2 && is_plain_word(nearest) && normalise_word(nearest) != own_form &&
        base.find(nearest) == std::string::npos && matches_(nearest)) {
      return nearest;
    }
    if (katakana == typed) break;
  }
  return {};
}

std::vector<WordCorrection> SpellingSuggester::corrections(const QueryNode& tree) const {
  std::vector<WordCorrection> out;
  for (const QueryNode* word : top_level_words(tree)) {
    if (matches_(word->text)) continue;
    if (std::string corrected = correct_word(word->text); !corrected.empty()) {
      out.push_back({word->column, word->text, std::move(corrected)});
    }
  }
  return out;
}

}  // namespace kaiji
