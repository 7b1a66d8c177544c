#include "prefix_words.h"

#include <algorithm>
#include <utility>

#include "base/text_normalizer.h"
#include "base/utf8.h"
#include "base/word_form.h"
#include "index/schema.h"

namespace kaiji {
namespace {

// Terms looked at for one prefix at most, so a stem as short as "ab" costs a bounded walk.
constexpr std::size_t kMaxTermsScanned = 20000;

bool is_latin_or_digit(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::optional<std::string> explicit_prefix(std::string_view word) {
  word = utf8::trim(word);
  if (!word.ends_with('*') && !word.ends_with("＊")) return std::nullopt;
  const std::string_view stem = word.substr(0, word.size() - (word.ends_with('*') ? 1 : std::string_view("＊").size()));
  if (utf8::length(stem) < 2) return std::nullopt;
  return std::string(stem);
}

bool may_be_cut_short(std::string_view word) {
  std::size_t katakana = 0;
  std::size_t latin = 0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = utf8::decode(word, i);
    ++count;
    if (utf8::is_katakana(c)) ++katakana;
    if (is_latin_or_digit(c)) ++latin;
  }
  return count >= 3 && (katakana == count || latin == count);
}

std::vector<std::string> expand_prefix(const Xapian::Database& db, std::string_view field, const std::string& stem) {
  const std::string start = schema::term(field, stem);
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && scanned < kMaxTermsScanned; ++it, ++scanned) {
    found.emplace_back(it.get_termfreq(), (*it).substr(field.size()));
  }
  const std::size_t kept = std::min(found.size(), kMaxPrefixExpansion);
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::vector<std::string> terms;
  for (std::size_t k = 0; k < kept; ++k) terms.push_back(found[k].second);
  return terms;
}

std::vector<std::string> expand_stem(const Xapian::Database& db, std::string_view field, const std::string& stem) {
  std::string folded = fold_kana_letters(fold_case(normalize(utf8::trim(stem))));
  static constexpr std::string_view kChoon = "ー";
  while (folded.ends_with(kChoon)) folded.resize(folded.size() - kChoon.size());
  std::string without_tsu;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    if (utf8::decode(folded, i) != U'ッ' || start == 0) without_tsu.append(folded, start, i - start);
  }
  std::vector<std::string> terms = expand_prefix(db, field, folded);
  if (without_tsu != folded && !without_tsu.empty()) {
    for (std::string& t : expand_prefix(db, field, without_tsu)) {
      if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(std::move(t));
    }
  }
  if (terms.size() > kMaxPrefixExpansion) terms.resize(kMaxPrefixExpansion);
  return terms;
}

}  // namespace kaiji
