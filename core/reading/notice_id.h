// Stable notice ids and content fingerprints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/notice.h"

namespace kaiji {

// Fingerprint of what a notice says, blind to layout: only the letters and digits of
// its NFKC, case-folded text count, so line breaks, spacing and bullet characters
// (•, -, ・) do not make two copies of a notice look different.
std::uint64_t content_fingerprint(std::string_view text);

// An id that stays the same across runs and machines: the incident number plus a hash of
// organisation and title ("2024-217-1f3a9c0d") for posts with a header; for a notice with
// no header, "n-" and a hash of its content.
std::string make_notice_id(const Notice& notice);

}  // namespace kaiji
