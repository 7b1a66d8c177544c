// Notice → Xapian document: every term and slot a document gets, following schema.h —
// analysed words with positions (organisation and title weighted above the body),
// compound and bigram terms, filter terms, value slots, facet codes, the stored notice
// (stored_notice.h) and the bookkeeping of incremental indexing (bookkeeping.h).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "base/notice.h"
#include "base/text_normalizer.h"
#include "index/facet_codes.h"

namespace kaiji {

// Where a notice came from, for incremental indexing: its version and its files.
struct DocumentSources {
  std::string version;             // version_string() of its copies; empty for none
  std::vector<std::string> files;  // absolute paths (none for standard input)
};

// facet_codes: the index's dictionary; codes for new facet values are added to it, and
// it must be stored with the document (schema::kFacetCodesMetadataKey). spelling_words,
// when given, receives the notice's words for the spelling table (spelling_words.h),
// which the writer adds beside the document. normalized_body, when given, is
// normalize_with_offsets(notice.body) (Classifier::annotate leaves it), so the body is not
// normalised twice.
Xapian::Document build_document(const Notice& notice, Analyzer& analyzer, FacetDictionary& facet_codes,
                                const DocumentSources& sources = {},
                                std::vector<std::string>* spelling_words = nullptr,
                                const NormalizedText* normalized_body = nullptr);

}  // namespace kaiji
