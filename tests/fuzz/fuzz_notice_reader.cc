// Any bytes as an input file: the reader (encoding detection, HTML, JSONL, blog dumps)
// must return notices and problems, never crash, and give valid UTF-8 notices with ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reading/notice_id.h"
#include "index/notice_record.h"
#include "reading/notice_reader.h"
#include "base/utf8.h"

namespace {
void require(bool condition) {
  if (!condition) std::abort();
}
bool valid_utf8(std::string_view s) { return kaiji::utf8::sanitize(s) == s; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const kaiji::NoticeFile file = kaiji::read_notice_file(bytes, "fuzz.txt");
  for (const kaiji::Notice& n : file.read.notices) {
    require(!n.id.empty());
    require(valid_utf8(n.title) && valid_utf8(n.body) && valid_utf8(n.org));
    // Storable: the index gives back what it was given.
    const kaiji::Notice stored = kaiji::decode_notice(kaiji::encode_notice(n));
    require(stored.id == n.id && stored.title == n.title && stored.body == n.body && stored.sources == n.sources);
  }
  return 0;
}
