#include "index/document_copy.h"

#include "index/schema.h"

namespace kaiji {

std::optional<Xapian::Document> copy_document(const Xapian::Document& source, const FacetDictionary& source_codes,
                                              FacetDictionary& target_codes) {
  Xapian::Document copy;
  for (auto term = source.termlist_begin(); term != source.termlist_end(); ++term) {
    copy.add_term(*term, term.get_wdf());
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) copy.add_posting(*term, *pos, 0);
  }
  for (auto value = source.values_begin(); value != source.values_end(); ++value) {
    copy.add_value(value.get_valueno(), *value);
  }
  copy.set_data(source.get_data());
  const std::string codes = source.get_value(schema::kFacetCodesSlot);
  if (!codes.empty()) {
    const std::optional<std::string> recoded = recode_facet_codes(codes, source_codes, target_codes);
    if (!recoded) return std::nullopt;
    copy.add_value(schema::kFacetCodesSlot, *recoded);
  }
  return copy;
}

}  // namespace kaiji
