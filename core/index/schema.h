// The index schema: every term prefix, value slot and field weight kaiji uses. The
// indexer writes documents and the searcher builds queries through these names only;
// how each slot's value is encoded is in value_codecs.h, facet_slots.h, facet_codes.h,
// body_lines.h, stored_notice.h and bookkeeping.h, each encoder beside its decoder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

namespace kaiji::schema {

// Changes whenever documents are built differently, so an incremental run rewrites them.
inline constexpr int kIndexFormat = 11;
// The index's format, as Xapian metadata: a searcher refuses an index of another format
// rather than answer wrongly from it.
inline constexpr const char* kFormatMetadataKey = "kaiji.format";
// NearCompounds::fingerprint() of the compounds its XW terms were written for.
inline constexpr const char* kNearCompoundsMetadataKey = "kaiji.near_compounds";
// The FacetDictionary (facet_codes.h) the kFacetCodesSlot codes refer to.
inline constexpr const char* kFacetCodesMetadataKey = "kaiji.facet_codes";
// A shard's size in bytes and its notice count when it was last compacted ("<bytes>
// <notices>", decimal), so an incremental run knows when updates in place have grown it
// well past what it would take compacted (index_store.h).
inline constexpr const char* kCompactedBytesMetadataKey = "kaiji.compacted_bytes";

// Word positions are stored for the first this many bytes of a body; its later words are
// indexed without them (found as words; phrases, NEAR and snippets use the first part).
// A real notice is far shorter; a 50 MB body given positions made one phrase query take
// 10 s and 877 MB to show its snippet.
inline constexpr std::size_t kMaxPositionedBodyBytes = 1u << 20;

// ---- term prefixes (Xapian conventions: Q = unique id, S = subject/title) ----
inline constexpr std::string_view kIdPrefix = "Q";         // Q<notice id>
inline constexpr std::string_view kTitlePrefix = "S";      // title words, for title: searches
inline constexpr std::string_view kOrgPrefix = "A";        // organisation-name words, for org: searches
inline constexpr std::string_view kGramPrefix = "XG";      // character bigrams of titles and unknown words
inline constexpr std::string_view kOrgGramPrefix = "XN";   // character bigrams of organisation names
// XW<compound>: the parts of a dictionary compound (不正 … アクセス), or the words of a
// synonym phrase (joined by spaces), stand within a NEAR window of each other in the
// notice; its wdf counts where (near_compounds.h). Checked once at index time, so such
// a query needs no position lists, nor the posting lists of the parts.
inline constexpr std::string_view kNearCompoundPrefix = "XW";
// XE<compound>: its parts stand in order as a phrase (the compound, or inside a longer
// one); its wdf counts where.
inline constexpr std::string_view kPhraseCompoundPrefix = "XE";
inline constexpr std::string_view kIncidentPrefix = "XI";  // XI2024-217
inline constexpr std::string_view kLabelPrefix = "XL";     // XL最終報告 (normalised)
inline constexpr std::string_view kYearPrefix = "Y";       // Y2024
inline constexpr std::string_view kCausePrefix = "XC";     // XCransomware
inline constexpr std::string_view kFamilyPrefix = "XF";    // XFcyber
inline constexpr std::string_view kSectorPrefix = "XS";    // XSfinance
inline constexpr std::string_view kDataPrefix = "XD";      // XDcard_number
inline constexpr std::string_view kOutcomePrefix = "XO";   // XOleaked
// Bookkeeping for incremental indexing (not searched):
inline constexpr std::string_view kVersionPrefix = "XH";   // XH<hash of the notice's copies + analysis>
inline constexpr std::string_view kSourcePrefix = "XP";    // XP<absolute path of a file it was read from>

// ---- value slots ----
inline constexpr Xapian::valueno kDateSlot = 0;      // YYYYMMDD publication date, sorts as a string
inline constexpr Xapian::valueno kIncidentSlot = 1;  // incident number, for grouping
inline constexpr Xapian::valueno kAffectedSlot = 2;  // Xapian::sortable_serialise(affected count)
// The notice id: breaks ties in ranking and sorting the same way however the index is
// split into shards (Xapian would otherwise break them by document number).
inline constexpr Xapian::valueno kIdSlot = 12;
// Sort keys: the value, then the id (so ties break the same way in every shard layout),
// with notices that lack the value last in either direction. Plain value sorts, because
// Xapian's remote backend (xapian-tcpsrv) does not run KeyMakers.
inline constexpr Xapian::valueno kDateAscSlot = 13;       // YYYYMMDD + id; "\xff" + id without a date
inline constexpr Xapian::valueno kDateDescSlot = 14;      // YYYYMMDD + id; "\0" + id without a date
inline constexpr Xapian::valueno kAffectedAscSlot = 15;   // 20-digit count + id; "\xff" + id without one
inline constexpr Xapian::valueno kAffectedDescSlot = 16;  // 20-digit count + id; "\0" + id without one
inline constexpr Xapian::valueno kVersionSlot = 10;      // the XH hash, as 16 hex digits
inline constexpr Xapian::valueno kSourceFilesSlot = 11;  // absolute paths of its files, joined by kValueSeparator
// Where the body's lines start, in bytes and index positions (body_lines.h): snippets
// analyse only the lines a query matched.
inline constexpr Xapian::valueno kBodyLinesSlot = 17;
// The notice's body, compressed by compress_text (text_compression.h); absent when empty.
inline constexpr Xapian::valueno kBodySlot = 18;
// The rest of the notice (notice_record.h). Not the document data: Xapian deflates that
// for every document, and resetting zlib for a few hundred bytes cost more than the
// bytes saved.
inline constexpr Xapian::valueno kRecordSlot = 8;
// Why each extracted field has its value (encode_evidence, notice_record.h); absent in
// indexes written before it existed, which then show no evidence.
inline constexpr Xapian::valueno kEvidenceSlot = 19;

// ---- facets: a boolean term per value (filters), counted from value slots ----
// A searcher on one local shard counts every facet from kFacetCodesSlot: the notice's
// facet values as codes of the index's FacetDictionary (facet_codes.h), one value read
// and a few array increments per match. Remote shards (xapian-tcpsrv runs only Xapian's
// own match spies) and several shards count with Xapian's ValueCountMatchSpy from the
// slots below, as strings. That spy reads its slot for every match, so these share few
// slots: the single-valued facets one slot together (few combinations: sector × year ×
// outcome), each multi-valued one a slot of its own, and cause_family none (it follows
// from the causes through the taxonomy). In a slot, facets are separated by
// kFieldSeparator in kFacetFields order and a multi-valued facet's values are sorted and
// joined with kValueSeparator; the searcher splits the counted combinations back into
// values. (At 20k notices seven slots cost 1.9 ms a query, one slot of all facets 0.7 ms
// but 20 ms for all notices, whose combinations are nearly all distinct.)
inline constexpr Xapian::valueno kNoSlot = Xapian::BAD_VALUENO;
struct FacetField {
  std::string_view name;    // as in filters and JSON: cause, sector, …
  std::string_view prefix;  // its boolean filter terms
  bool multi_valued;
  Xapian::valueno slot;     // its counting slot, or kNoSlot when derived (cause_family)
};
inline constexpr Xapian::valueno kSingleFacetsSlot = 3;  // sector, year, outcome
inline constexpr Xapian::valueno kCausesSlot = 5;
inline constexpr Xapian::valueno kDataSlot = 7;
inline constexpr Xapian::valueno kLabelsSlot = 9;
inline constexpr FacetField kFacetFields[] = {
    {"cause", kCausePrefix, true, kCausesSlot},          {"cause_family", kFamilyPrefix, true, kNoSlot},
    {"sector", kSectorPrefix, false, kSingleFacetsSlot}, {"year", kYearPrefix, false, kSingleFacetsSlot},
    {"data", kDataPrefix, true, kDataSlot},              {"outcome", kOutcomePrefix, false, kSingleFacetsSlot},
    {"label", kLabelPrefix, true, kLabelsSlot},
};
inline constexpr Xapian::valueno kYearSlot = 4;  // the year alone, for year:2022..2024
// Every facet value of the notice (cause_family too), as FacetDictionary codes.
inline constexpr Xapian::valueno kFacetCodesSlot = 6;
inline constexpr char kValueSeparator = '\x1f';
inline constexpr char kFieldSeparator = '\x1e';

inline const FacetField* facet_field(std::string_view name) {
  for (const FacetField& f : kFacetFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// ---- field weights and positions ----
// Unprefixed terms hold organisation, title and body words, in that order.
// BM25 sees an organisation or title word as this many occurrences: they count more
// than the body.
inline constexpr Xapian::termcount kTitleWdf = 3;
// Each field's positions start this far after the previous one's, so no phrase spans two.
inline constexpr Xapian::termpos kFieldPositionGap = 100;
// Xapian refuses terms longer than this (in bytes); longer words are not indexed.
inline constexpr std::size_t kMaxTermBytes = 200;

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

}  // namespace kaiji::schema
