// Bytes of one input file → UTF-8. Japanese organisations publish in UTF-8 (with or
// without a BOM), Shift_JIS/CP932 and EUC-JP, and some tools write UTF-16 (with a BOM,
// or without one: then told by where its NUL bytes fall); the encoding is detected per
// file and converted with ICU, never with hand-written tables. Lines ending in a lone CR
// (old Mac text) come out ending in LF.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kaiji {

struct DecodedText {
  std::string utf8;      // the text, valid UTF-8 (undecodable bytes become U+FFFD)
  std::string encoding;  // what was detected: UTF-8, UTF-16LE, UTF-16BE, EUC-JP, CP932
  bool binary = false;   // not text at all (NUL bytes, control characters); utf8 is empty
  bool without_bom = false;  // UTF-16 told by its NUL bytes, having no BOM
  // Where the first undecodable byte was, as a byte offset into the input and a 1-based
  // line, when the text was decodable except for some bytes.
  std::optional<std::size_t> first_bad_byte;
  std::size_t first_bad_line = 0;
};

// The encoding bytes are most likely in, by the rules above (BOM, then valid UTF-8,
// then strict EUC-JP, then strict CP932, then ICU's statistical detector).
std::string detect_encoding(std::string_view bytes);

DecodedText decode_to_utf8(std::string_view bytes);

}  // namespace kaiji
