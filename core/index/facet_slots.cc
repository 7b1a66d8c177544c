#include "index/facet_slots.h"

#include <algorithm>

namespace kaiji {

std::size_t facet_index(std::string_view name) {
  for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
    if (schema::kFacetFields[f].name == name) return f;
  }
  return kFacetFieldCount;
}

std::map<Xapian::valueno, std::string> encode_facet_slots(FacetValues values) {
  std::map<Xapian::valueno, std::string> slots;
  for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
    const schema::FacetField& field = schema::kFacetFields[f];
    if (field.slot == schema::kNoSlot) continue;
    std::vector<std::string>& v = values[f];
    std::erase_if(v, [](const std::string& s) { return s.empty(); });
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    // Facets sharing a slot: each after the first gets a field separator, even when empty.
    const auto [it, first_in_slot] = slots.try_emplace(field.slot);
    if (!first_in_slot) it->second += schema::kFieldSeparator;
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (k > 0) it->second += schema::kValueSeparator;
      it->second += v[k];
    }
  }
  return slots;
}

std::vector<std::pair<std::size_t, std::string_view>> decode_facet_slot(Xapian::valueno slot,
                                                                        std::string_view value) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  std::string_view rest = value;
  for (std::size_t f = 0; f < kFacetFieldCount; ++f) {
    const schema::FacetField& field = schema::kFacetFields[f];
    if (field.slot != slot) continue;
    const std::size_t field_end = std::min(rest.find(schema::kFieldSeparator), rest.size());
    std::string_view values = rest.substr(0, field_end);
    rest.remove_prefix(std::min(field_end + 1, rest.size()));
    while (!values.empty()) {
      const std::size_t value_end =
          field.multi_valued ? std::min(values.find(schema::kValueSeparator), values.size()) : values.size();
      out.emplace_back(f, values.substr(0, value_end));
      values.remove_prefix(std::min(value_end + 1, values.size()));
    }
  }
  return out;
}

}  // namespace kaiji
