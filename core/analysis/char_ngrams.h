// Character bigrams: the fallback that finds what MeCab does not know. A substring of an
// organisation name (倉業 in 株式会社倉業サービス, ダンダダン, ProCX) is found through the
// bigrams of names, titles and unknown words, whatever MeCab made of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

struct CharGram {
  std::string gram;          // two characters (one for a one-character run)
  std::uint32_t position;    // consecutive within a run; runs are separated by a gap
};

// Bigrams of text after NFKC and case folding, run by run (a run is letters, digits and
// kana; anything else separates runs). first_position lets several fields share one
// position space without phrase matches across them.
std::vector<CharGram> char_bigrams(std::string_view text, std::uint32_t first_position = 0);

}  // namespace kaiji
