// A document of one index made anew for another (a --rebuild keeps the notices of files
// it could not read by copying them from the current generation): every term with its
// positions, every value and the data, with its facet codes re-encoded for the new
// index's facet dictionary (facet_codes.h).
#pragma once

#include <optional>

#include <xapian.h>

#include "index/facet_codes.h"

namespace kaiji {

// A document owning its contents, independent of the database `source` came from (so it
// can be written by another thread, or after that database is closed). nullopt when its
// facet codes are damaged.
std::optional<Xapian::Document> copy_document(const Xapian::Document& source, const FacetDictionary& source_codes,
                                              FacetDictionary& target_codes);

}  // namespace kaiji
