#include "base/text_normalizer.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/bytestream.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace kaiji {
namespace {

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      throw std::runtime_error(std::string("ICU NFKC normaliser unavailable: ") + u_errorName(status));
    }
    return n;
  }();
  return *instance;
}

// The NFKC form of a segment, through ICU's UTF-16 interface.
void append_icu_normalized(std::string& out, std::string_view segment) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized =
      nfkc().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(segment.data(),
                                                                     static_cast<int32_t>(segment.size()))),
                       status);
  if (U_FAILURE(status)) {
    out.append(segment);
    return;
  }
  normalized.toUTF8String(out);
}

// Appends the NFKC form of one segment. Inert code points (most kanji and kana) are
// copied as they are, which keeps the common path free of UTF-16 conversions. Most
// other segments are a single code point that is not inert only because a combining
// mark could follow it (か, a, ０). A segment ends where NFKC allows a boundary, so its
// form depends on its own bytes alone: short ones are remembered, per thread.
void append_normalized_segment(std::string& out, std::string_view segment, bool inert) {
  if (inert) {
    out.append(segment);
    return;
  }
  if (segment.size() > 4) {
    append_icu_normalized(out, segment);
    return;
  }
  constexpr std::size_t kMaxRemembered = 8192;  // distinct segments; text rarely has more
  thread_local std::unordered_map<std::uint64_t, std::string> remembered;
  std::uint64_t key = segment.size();  // the length too: "\0a" is not "a"
  for (const char c : segment) key = (key << 8) | static_cast<unsigned char>(c);
  if (const auto found = remembered.find(key); found != remembered.end()) {
    out += found->second;
    return;
  }
  const std::size_t before = out.size();
  append_icu_normalized(out, segment);
  if (remembered.size() < kMaxRemembered) remembered.emplace(key, out.substr(before));
}

// ICU's isInert, remembered per block of 256 code points of the BMP (per thread, filled
// on first use): it is asked for every code point of every text.
bool is_inert(const icu::Normalizer2& n, char32_t c) {
  if (c >= 0x10000) return n.isInert(static_cast<UChar32>(c));
  thread_local std::array<std::unique_ptr<std::bitset<256>>, 256> blocks;
  std::unique_ptr<std::bitset<256>>& block = blocks[c >> 8];
  if (!block) {
    block = std::make_unique<std::bitset<256>>();
    for (char32_t k = 0; k < 256; ++k) (*block)[k] = n.isInert(static_cast<UChar32>((c & ~char32_t{0xFF}) | k));
  }
  return (*block)[c & 0xFF];
}

}  // namespace

const NormalizedText::Segment& NormalizedText::Cursor::segment_at(std::size_t out) {
  const std::vector<Segment>& segments = text_->segments_;
  const auto holds = [&](std::size_t k) {
    return segments[k].out_begin <= out && (k + 1 == segments.size() || out < segments[k + 1].out_begin);
  };
  // The last segment or one of the next few: tokens mostly lie in or just after it.
  constexpr std::size_t kSteps = 8;
  for (std::size_t k = at_; k < segments.size() && k < at_ + kSteps; ++k) {
    if (holds(k)) return segments[at_ = k];
  }
  const auto after = std::upper_bound(segments.begin(), segments.end(), out,
                                      [](std::size_t o, const Segment& s) { return o < s.out_begin; });
  at_ = static_cast<std::size_t>(after - segments.begin()) - 1;
  return segments[at_];
}

std::uint32_t NormalizedText::Cursor::source_begin(std::size_t out_begin) {
  if (out_begin >= text_->text_.size() || text_->segments_.empty()) return text_->source_size_;
  const Segment& s = segment_at(out_begin);
  return s.identity ? s.source_begin + static_cast<std::uint32_t>(out_begin - s.out_begin) : s.source_begin;
}

std::uint32_t NormalizedText::Cursor::source_end(std::size_t out_end) {
  if (out_end == 0 || text_->segments_.empty()) return 0;
  if (out_end > text_->text_.size()) return text_->source_size_;
  const Segment& s = segment_at(out_end - 1);
  return s.identity ? s.source_begin + static_cast<std::uint32_t>(out_end - s.out_begin) : s.source_end;
}

NormalizedText normalize_with_offsets(std::string_view source) {
  NormalizedText result;
  result.source_size_ = static_cast<std::uint32_t>(source.size());
  result.text_.reserve(source.size());
  const icu::Normalizer2& n = nfkc();

  std::size_t seg_begin = 0;
  bool seg_inert = true;
  std::size_t i = 0;
  std::size_t previous = 0;  // where the last code point started
  // Emits source[seg_begin, seg_end) as one segment. A bad byte is always a segment of
  // its own and becomes U+FFFD.
  auto flush = [&](std::size_t seg_end, bool bad) {
    if (seg_end == seg_begin) return;
    const auto out_begin = static_cast<std::uint32_t>(result.text_.size());
    if (bad) {
      utf8::append(result.text_, utf8::kReplacement);
    } else {
      append_normalized_segment(result.text_, source.substr(seg_begin, seg_end - seg_begin), seg_inert);
    }
    result.segments_.push_back({static_cast<std::uint32_t>(seg_begin), static_cast<std::uint32_t>(seg_end), out_begin,
                                !bad && seg_inert});
    seg_begin = seg_end;
    seg_inert = true;
  };

  while (i < source.size()) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(source, i);
    const bool bad = (c == utf8::kReplacement && i - start != 3);
    const bool inert = !bad && is_inert(n, c);
    // An inert code point continues an inert run; anything else starts a new segment
    // where NFKC allows a boundary.
    const bool continues_run = seg_inert && inert;
    if (start != seg_begin && !continues_run) {
      if (bad || n.hasBoundaryBefore(static_cast<UChar32>(c))) {
        flush(start, false);
      } else if (seg_inert && previous > seg_begin) {
        // A combining mark after an inert run joins only the run's last code point
        // (か + ゛): the rest of the run stays a byte-for-byte segment.
        flush(previous, false);
      }
    }
    previous = start;
    if (bad) {
      flush(i, true);
      continue;
    }
    if (!inert) seg_inert = false;
  }
  flush(source.size(), false);
  return result;
}

std::string normalize(std::string_view source) {
  // No offsets wanted: ICU normalises the UTF-8 directly, without UTF-16 round trips.
  // Invalid bytes are first made U+FFFD, as normalize_with_offsets does.
  const std::string valid = utf8::sanitize(source);
  std::string out;
  out.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfkc().normalizeUTF8(0, icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())), sink, nullptr, status);
  if (U_FAILURE(status)) return normalize_with_offsets(source).text();
  return out;
}

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t copied = 0;  // s[copied, start) folds to itself and is not yet in out
  const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    // Kana, kanji and everything else from U+3000 up has no case: a lead byte E3–EF (but
    // ED, whose range starts lower) with its two continuation bytes is stepped over
    // without decoding.
    if (const unsigned char b0 = byte(i); b0 >= 0xE3 && b0 <= 0xEF && b0 != 0xED && i + 2 < s.size() &&
                                          (byte(i + 1) & 0xC0) == 0x80 && (byte(i + 2) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const std::size_t start = i;
    const char32_t c = utf8::decode(s, i);
    char32_t folded = c;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') folded = c + ('a' - 'A');
    } else if (c < 0x3000) {  // Latin, Greek, Cyrillic…: ICU simple case folding
      folded = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    }
    if (folded == c) continue;  // copied with its run, as it was (damaged bytes too)
    out.append(s.substr(copied, start - copied));
    utf8::append(out, folded);
    copied = i;
  }
  out.append(s.substr(copied));
  return out;
}

}  // namespace kaiji
