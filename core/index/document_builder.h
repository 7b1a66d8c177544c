// Notice → Xapian document, following schema.h: analysed words with positions (title
// weighted above body), character bigrams, filter terms, value slots, and the notice
// itself as document data for the searcher to show.
#pragma once

#include <xapian.h>

#include "analysis/analyzer.h"
#include "index/facet_codes.h"
#include "base/notice.h"

namespace kaiji {

// facet_codes: the index's dictionary; codes for new facet values are added to it, and
// it must be stored with the document (schema::kFacetCodesMetadataKey).
Xapian::Document build_document(const Notice& notice, const Analyzer& analyzer, FacetDictionary& facet_codes);

// The notice stored in a document built by build_document; throws DamagedRecord.
Notice stored_notice(const Xapian::Document& document);

}  // namespace kaiji
