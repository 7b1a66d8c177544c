#include "reading/text_decoding.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "base/utf8.h"

namespace kaiji {
namespace {

// ICU's canonical converter names for what we call the encodings in messages.
constexpr const char* kIcuCp932 = "windows-31j";
constexpr const char* kIcuEucJp = "EUC-JP";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Text files have no NUL bytes and few control characters; 5% of the first 8 KiB is
// far beyond what a stray form feed or escape sequence produces.
bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  std::size_t controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++controls;
  }
  return controls * 20 > head.size();
}

struct Utf8Census {
  std::size_t multibyte = 0;  // well-formed sequences of 2–4 bytes (counted only when invalid > 0)
  std::size_t invalid = 0;    // bytes that start no well-formed sequence
  std::optional<std::size_t> first_invalid;
};

// The counts decide only for text with bad bytes; valid text (nearly every file) is
// told by one quick check, and its multibyte count, never read then, is left at 0.
Utf8Census census(std::string_view bytes) {
  Utf8Census c;
  if (utf8::valid_prefix(bytes) == bytes.size()) return c;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(bytes, i);
    if (cp == utf8::kReplacement && i - start != 3) {
      ++c.invalid;
      if (!c.first_invalid) c.first_invalid = start;
    } else if (i - start > 1) {
      ++c.multibyte;
    }
  }
  return c;
}

// Mostly well-formed UTF-8 with a few bad bytes (a damaged file) is still UTF-8: Shift_JIS
// or EUC-JP text read as UTF-8 has many bad bytes per well-formed sequence, not the other
// way round.
bool is_utf8(const Utf8Census& c) { return c.invalid == 0 || c.invalid * 4 <= c.multibyte; }

// Converts with ICU. With strict, the first undecodable byte fails the conversion
// (returns nullopt); otherwise such bytes become U+FFFD and the first is recorded.
std::optional<std::string> convert(std::string_view bytes, const char* charset, bool strict,
                                   std::optional<std::size_t>* first_bad = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> to_u(ucnv_open(charset, &status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU has no converter for ") + charset);
  if (strict) ucnv_setToUCallBack(to_u.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::unique_ptr<UConverter, ConverterCloser> to_8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no UTF-8 converter");

  std::string out(bytes.size() * 2 + 16, '\0');
  while (true) {
    status = U_ZERO_ERROR;
    char* target = out.data();
    const char* source = bytes.data();
    ucnv_resetToUnicode(to_u.get());
    ucnv_resetFromUnicode(to_8.get());
    ucnv_convertEx(to_8.get(), to_u.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(out.size() * 2);
      continue;
    }
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(target - out.data()));
    break;
  }
  if (first_bad && !strict) {
    // The replacement character marks where ICU could not decode; the byte offset is
    // found again by a strict pass that stops there.
    if (out.find("\xEF\xBF\xBD") != std::string::npos) {
      status = U_ZERO_ERROR;
      std::unique_ptr<UConverter, ConverterCloser> probe(ucnv_open(charset, &status));
      ucnv_setToUCallBack(probe.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      std::u16string sink(bytes.size() + 16, u'\0');
      UChar* t = reinterpret_cast<UChar*>(sink.data());
      const char* s = bytes.data();
      status = U_ZERO_ERROR;
      ucnv_toUnicode(probe.get(), &t, t + sink.size(), &s, bytes.data() + bytes.size(), nullptr, true, &status);
      *first_bad = static_cast<std::size_t>(s - bytes.data());
    }
  }
  return out;
}

std::size_t line_of(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + std::min(offset, bytes.size()), '\n'));
}

// ICU's statistical guess, restricted to the encodings we accept.
std::string icu_guess(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "CP932";
  const std::string_view head = bytes.substr(0, 1 << 16);
  ucsdet_setText(detector.get(), head.data(), static_cast<int32_t>(head.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (name == "EUC-JP") return "EUC-JP";
    if (name == "Shift_JIS") return "CP932";
  }
  return "CP932";
}

// UTF-16 without a BOM: text in it has NUL bytes (the high bytes of ASCII, line ends
// included) almost all at odd offsets (little-endian) or even ones (big-endian).
const char* utf16_without_bom(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192 & ~std::size_t{1});
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  const std::size_t pairs = head.size() / 2;
  if (pairs < 2 || (even + odd) * 10 < pairs) return nullptr;  // too few NULs to tell
  if (odd > 20 * even) return "UTF-16LE";
  if (even > 20 * odd) return "UTF-16BE";
  return nullptr;
}

// Old Mac text ends lines with CR alone; the readers split lines at LF.
void lone_cr_to_lf(std::string& text) {
  for (std::size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') text[at] = '\n';
  }
}

DecodedText decode(std::string_view bytes);

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes) {
  DecodedText out = decode(bytes);
  lone_cr_to_lf(out.utf8);
  return out;
}

std::string detect_encoding(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) return "UTF-8";
  if (starts_with(bytes, "\xFF\xFE")) return "UTF-16LE";
  if (starts_with(bytes, "\xFE\xFF")) return "UTF-16BE";
  if (is_utf8(census(bytes))) return "UTF-8";
  if (convert(bytes, kIcuEucJp, true)) return "EUC-JP";
  if (convert(bytes, kIcuCp932, true)) return "CP932";
  return icu_guess(bytes);
}

namespace {

DecodedText decode(std::string_view bytes) {
  DecodedText out;
  out.encoding = detect_encoding(bytes);
  const bool bom = out.encoding == "UTF-16LE" || out.encoding == "UTF-16BE";
  const char* bomless = bom ? nullptr : utf16_without_bom(bytes);
  if (bom || bomless) {
    std::optional<std::size_t> bad;
    const std::size_t skip = bom ? 2 : 0;
    std::optional<std::string> text = convert(bytes.substr(skip), bom ? out.encoding.c_str() : bomless, !bom, &bad);
    if (bom || text) {
      if (bomless) out.encoding = bomless;
      out.without_bom = bomless != nullptr;
      out.utf8 = std::move(text).value_or("");
      if (bad) out.first_bad_byte = *bad + skip;  // UTF-16 has no lines to count in bytes
      return out;
    }
  }
  if (looks_binary(bytes)) {
    out.binary = true;
    return out;
  }
  if (out.encoding == "UTF-8") {
    const std::string_view text = starts_with(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    const Utf8Census c = census(text);
    if (c.invalid == 0) {
      out.utf8 = std::string(text);
    } else {
      out.utf8 = utf8::sanitize(text);
      out.first_bad_byte = *c.first_invalid + (text.size() == bytes.size() ? 0 : 3);
      out.first_bad_line = line_of(bytes, *out.first_bad_byte);
    }
    return out;
  }
  const char* charset = out.encoding == "EUC-JP" ? kIcuEucJp : kIcuCp932;
  std::optional<std::size_t> bad;
  out.utf8 = convert(bytes, charset, false, &bad).value_or("");
  if (bad) {
    out.first_bad_byte = bad;
    out.first_bad_line = line_of(bytes, *bad);
  }
  return out;
}

}  // namespace

}  // namespace kaiji
