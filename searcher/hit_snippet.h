// A hit's snippet, found from where the index holds the query's terms in the notice and
// the notice's stored line starts, so that only the passage shown is analysed.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "snippet.h"

namespace kaiji {

// doc is the hit's document (docid in db), body its notice's body; sequences are the
// query's words as analysed terms (BuiltQuery::highlight_sequences).
Snippet hit_snippet(const Xapian::Database& db, const Xapian::Document& doc, Xapian::docid docid,
                    const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                    Analyzer& analyzer);

}  // namespace kaiji
