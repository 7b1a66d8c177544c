// Any bytes: detection and conversion never crash, and what comes out is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reading/text_decoding.h"
#include "base/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const kaiji::DecodedText text = kaiji::decode_to_utf8(bytes);
  if (kaiji::utf8::sanitize(text.utf8) != text.utf8) std::abort();
  if (text.binary && !text.utf8.empty()) std::abort();
  if (text.first_bad_byte && *text.first_bad_byte > size) std::abort();
  return 0;
}
