// Compression for the one large thing a document stores: the notice's body.
//
// Bodies are kept in a value slot (schema::kBodySlot), compressed here with zstd at
// level 1, not in the document data, which Xapian deflates at zlib's level 6 on every
// add: that cost ~5% of indexing CPU. On 4 KB bodies zstd level 1 compresses ~5× faster
// than zlib level 6 (162 vs 33 MB/s here) and keeps 50% of the bytes instead of 46%.
#pragma once

#include <string>
#include <string_view>

namespace kaiji {

std::string compress_text(std::string_view text);
// Throws DamagedRecord (notice_record.h) when `compressed` is not what compress_text made.
std::string decompress_text(std::string_view compressed);

}  // namespace kaiji
