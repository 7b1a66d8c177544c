// The string facet slots (schema.h explains why facets share few slots): how a notice's
// facet values are laid out in them, and how a counted slot value is read back into
// facet values. Encoder and decoder side by side; kFacetCodesSlot's codes are in
// facet_codes.h.
#pragma once

#include <array>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace kaiji {

inline constexpr std::size_t kFacetFieldCount = std::size(schema::kFacetFields);

// One notice's values per facet, in kFacetFields order.
using FacetValues = std::array<std::vector<std::string>, kFacetFieldCount>;

// The slot values of a notice: in a slot, its facets in kFacetFields order separated by
// kFieldSeparator, a multi-valued facet's values sorted and joined by kValueSeparator.
// Values are sorted and deduplicated first (a notice counts once per value); empty
// values are dropped. Derived facets (slot kNoSlot) are not stored.
std::map<Xapian::valueno, std::string> encode_facet_slots(FacetValues values);

// The (facet index, value) pairs one slot value holds.
std::vector<std::pair<std::size_t, std::string_view>> decode_facet_slot(Xapian::valueno slot,
                                                                        std::string_view value);

// The facet index of a name (cause, sector, …), or kFacetFieldCount when unknown.
std::size_t facet_index(std::string_view name);

}  // namespace kaiji
