#include "reading/notice_id.h"

#include <cstdio>
#include <vector>

#include <unicode/uchar.h>
#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack
#include <xxhash.h>

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

std::string hex(std::uint64_t value, int digits) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return std::string(buffer + 16 - digits);
}

// u_isalnum, for the Basic Multilingual Plane from a table filled once: the fingerprint
// asks it of every character of every notice, and one ICU call each cost more than the
// NFKC normalisation before it.
bool is_alnum(char32_t c) {
  static const std::vector<bool> bmp = [] {
    std::vector<bool> table(0x10000);
    for (char32_t k = 0; k < table.size(); ++k) table[k] = u_isalnum(static_cast<UChar32>(k));
    return table;
  }();
  return c < bmp.size() ? bmp[c] : u_isalnum(static_cast<UChar32>(c));
}

}  // namespace

std::uint64_t content_fingerprint(std::string_view text) {
  const std::string folded = fold_case(normalize(text));
  // The hash of the kept characters joined, fed run by run (XXH3's streaming and one-shot
  // forms give the same hash), so the kept text is never copied.
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  std::size_t run = 0;  // folded[run, i) is kept and not yet hashed
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    if (!is_alnum(utf8::decode(folded, i))) {
      XXH3_64bits_update(&state, folded.data() + run, start - run);
      run = i;
    }
  }
  XXH3_64bits_update(&state, folded.data() + run, folded.size() - run);
  return XXH3_64bits_digest(&state);
}

std::string make_notice_id(const Notice& notice) {
  if (!notice.incident.empty()) {
    return notice.incident + "-" + hex(content_fingerprint(notice.org + "\n" + notice.title), 8);
  }
  return "n-" + hex(content_fingerprint(notice.title + "\n" + notice.body), 12);
}

}  // namespace kaiji
