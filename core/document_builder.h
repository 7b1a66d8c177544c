// Notice → Xapian document, following schema.h: analysed words with positions (title
// weighted above body), character bigrams, filter terms, value slots, and the notice
// itself as document data for the searcher to show.
#pragma once

#include <xapian.h>

#include "analyzer.h"
#include "notice.h"

namespace kaiji {

Xapian::Document build_document(const Notice& notice, const Analyzer& analyzer);

// The notice stored in a document built by build_document.
Notice stored_notice(const Xapian::Document& document);

}  // namespace kaiji
