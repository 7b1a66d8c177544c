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
  std::uint32_t source_begin(std::size_t out_begin) const { return Cursor(*this).source_begin(out_begin); }
  std::uint32_t source_end(std::size_t out_end) const { return Cursor(*this).source_end(out_end); }

 private:
  struct Segment {
    std::uint32_t source_begin;
    std::uint32_t source_end;
    std::uint32_t out_begin;
    bool identity;  // output bytes equal the source bytes (an inert run)
  };

 public:
  // The same mapping for offsets asked in ascending order, as an analyser's tokens come:
  // it remembers the last segment, so each answer costs a step instead of a search
  // (any order stays correct). One cursor per thread.
  class Cursor {
   public:
    explicit Cursor(const NormalizedText& text) : text_(&text) {}
    std::uint32_t source_begin(std::size_t out_begin);
    std::uint32_t source_end(std::size_t out_end);

   private:
    // The segment holding output byte `out`, which must be below the text's size.
    const Segment& segment_at(std::size_t out);
    const NormalizedText* text_;
    std::size_t at_ = 0;  // the segment found last
  };

 private:
  friend NormalizedText normalize_with_offsets(std::string_view source);
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
