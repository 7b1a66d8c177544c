// The form a single word takes in tables, facet values and index terms, without MeCab:
// NFKC, case folding, trimmed, and the katakana long-vowel rule. Variant folding
// (analysis/) comes on top of this; everything that compares words goes through it.
#pragma once

#include <string>
#include <string_view>

namespace kaiji {

// NFKC, case, trim, long vowel (no variants). Table entries and facet values go through this.
std::string normalise_word(std::string_view word);

// The katakana long-vowel rule (after kuromoji's katakana stemmer): a word whose final
// katakana run is four or more characters long loses one trailing ー
// (サーバー → サーバ, USBメモリー → usbメモリ; コピー keeps it).
std::string strip_long_vowel(std::string term);

}  // namespace kaiji
