// The form a single word takes in tables, facet values and index terms, without MeCab:
// NFKC, case folding, trimmed, and the katakana long-vowel rule. Variant folding
// (analysis/) comes on top of this; everything that compares words goes through it.
#pragma once

#include <string>
#include <string_view>

namespace kaiji {

// NFKC, case, trim, kana spellings, long vowel (no variants). Table entries and facet
// values go through this.
std::string normalise_word(std::string_view word);

// What every analysed word becomes before variant folding (its text already NFKC):
// case folded, fold_kana, then strip_long_vowel.
std::string fold_spelling(std::string_view word);
// The same for a word already case-folded (fold_case).
std::string fold_cased_spelling(std::string_view cased);

// Kana that notices write either way, folded to one spelling (index and query alike):
// fold_kana_letters, then drop_loanword_tsu.
std::string fold_kana(std::string_view word);

// The one-for-one folds (each kana becomes one kana, so substrings stay substrings and
// bigrams line up):
// - in katakana, small vowels and ャュョヮ as large ones (ウェルシア/ウエルシア,
//   ティ/テイ, キャノン/キヤノン) and ヴ+vowel as the バ row (ヴァ/バ);
// - ヶ ケ ヵ カ が between two kanji, the connector of place names, as ケ (霞が関/霞ヶ関);
//   ヶ ケ ヵ カ か before a counted kanji (所 月 国 年 …) after a number, a kanji or at the
//   start of a word, as ケ (一ヵ所/一カ所/一か所, ヶ月/か月).
std::string fold_kana_letters(std::string_view word);

// ッ inside a katakana run of five or more characters dropped: long loanwords are written
// with and without it (ネットワーク/ネトワーク); short words such as バッグ/バグ keep it.
std::string drop_loanword_tsu(std::string_view word);

// The katakana long-vowel rule (after kuromoji's katakana stemmer): a word whose final
// katakana run is four or more characters long loses one trailing ー
// (サーバー → サーバ, USBメモリー → usbメモリ; コピー keeps it).
std::string strip_long_vowel(std::string term);

}  // namespace kaiji
