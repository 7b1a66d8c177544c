// Unicode normalisation that remembers where every piece of its output came from.
//
// Matching happens on normalised text (NFKC: full-width ASCII → ASCII, half-width
// katakana → katakana, ideographic space → space), but snippets and highlights must
// point into the text as the notice wrote it. The normaliser therefore works segment
// by segment (a segment ends where NFKC allows a boundary, so ｶﾞ stays one segment and
// becomes ガ) and records each segment's source and output ranges. Runs of code points
// NFKC leaves alone (most kanji and kana) form one segment mapped byte for byte, so the
// common case costs a copy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kaiji {

class NormalizedText {
 public:
  NormalizedText() = default;

  const std::string& text() const { return text_; }

  // Source byte range [begin, end) that produced output bytes [out_begin, out_end).
  std::uint32_t source_begin(std::size_t out_begin) const;
  std::uint32_t source_end(std::size_t out_end) const;

 private:
  friend NormalizedText normalize_with_offsets(std::string_view source);
  struct Segment {
    std::uint32_t source_begin;
    std::uint32_t source_end;
    std::uint32_t out_begin;
    bool identity;  // output bytes equal the source bytes (an inert run)
  };
  // The segment holding output byte `out`, which must be below text_.size().
  const Segment& segment_at(std::size_t out) const;
  std::string text_;
  std::vector<Segment> segments_;  // in order; out_begin ascending
  std::uint32_t source_size_ = 0;
};

// NFKC with offsets. Invalid UTF-8 becomes U+FFFD (one segment per bad byte).
NormalizedText normalize_with_offsets(std::string_view source);

// NFKC only, when offsets are not needed (query words, table entries).
std::string normalize(std::string_view source);

// Simple case folding of a UTF-8 string (Ａ→a after NFKC, Ä→ä); keeps lengths of CJK.
std::string fold_case(std::string_view s);

}  // namespace kaiji
