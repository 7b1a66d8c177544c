// Notice ⇄ record: the stored form of a notice's fields, kept in schema::kRecordSlot
// (stored_notice.h writes and reads it; the body goes in a slot of its own).
//
// A binary record of length-prefixed fields, not JSON: a searcher decodes one for every
// result it prints, and parsing JSON cost more than the rest of showing a result (about
// 280k instructions a notice, its body being most of the bytes). The layout changes
// only together with schema::kIndexFormat.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "base/notice.h"

namespace kaiji {

// Raised by decode_notice for bytes that are not a whole record of this layout.
class DamagedRecord : public std::runtime_error {
 public:
  explicit DamagedRecord(const std::string& what) : std::runtime_error(what) {}
};

// Without the body when `with_body` is false: the index keeps bodies apart
// (schema::kBodySlot), compressed with zstd, which is faster than Xapian's zlib.
std::string encode_notice(const Notice& notice, bool with_body = true);
// Everything encode_notice stored: id_from_source (an input detail) is not kept, nor the
// evidence, which has a slot and a codec of its own (below).
Notice decode_notice(std::string_view record);

// The facets' evidence (NoticeFacets::evidence), in the same length-prefixed form.
std::string encode_evidence(const std::vector<Evidence>& evidence);
// Throws DamagedRecord; empty input (no evidence stored) gives an empty list.
std::vector<Evidence> decode_evidence(std::string_view record);

}  // namespace kaiji
