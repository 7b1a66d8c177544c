#include "reading/notice_id.h"

#include <cstdio>

#include <unicode/uchar.h>
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

}  // namespace

std::uint64_t content_fingerprint(std::string_view text) {
  const std::string folded = fold_case(normalize(text));
  std::string kept;
  kept.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(folded, i);
    if (u_isalnum(static_cast<UChar32>(c))) kept.append(folded, start, i - start);
  }
  return XXH3_64bits(kept.data(), kept.size());
}

std::string make_notice_id(const Notice& notice) {
  if (!notice.incident.empty()) {
    return notice.incident + "-" + hex(content_fingerprint(notice.org + "\n" + notice.title), 8);
  }
  return "n-" + hex(content_fingerprint(notice.title + "\n" + notice.body), 12);
}

}  // namespace kaiji
