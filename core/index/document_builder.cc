#include "index/document_builder.h"

#include <algorithm>
#include <cstdint>

#include "analysis/char_ngrams.h"
#include "base/utf8.h"
#include "base/word_form.h"
#include "index/body_lines.h"
#include "index/bookkeeping.h"
#include "index/facet_codes.h"
#include "index/facet_slots.h"
#include "index/negated_inclusion.h"
#include "index/schema.h"
#include "index/spelling_words.h"
#include "index/stored_notice.h"
#include "index/value_codecs.h"

namespace kaiji {
namespace {

bool fits(const std::string& term) { return !term.empty() && term.size() <= schema::kMaxTermBytes; }

// Numbers are found whole (a query for 2024 matches the word 2024); their bigrams (20,
// 02, 24) would never be searched and would only cost postings.
bool is_number(const std::string& term) {
  return std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// Adds the analysed words of one field; returns the position after its last word.
// Positions of the words that are parts of dictionary compounds are collected in
// `leaves`, for the XW terms.
Xapian::termpos add_words(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termpos base,
                          Xapian::termcount wdf, std::string_view field_prefix, const NearCompounds& compounds,
                          WordPositions& leaves, std::size_t positioned_bytes = SIZE_MAX) {
  Xapian::termpos last = base;
  for (const Token& token : tokens) {
    const Xapian::termpos pos = base + token.position + 1;
    last = std::max(last, pos);
    if (!token.indexable || !fits(token.term)) continue;
    // Compounds are checked over every word (their XW/XE terms need no positions).
    if (compounds.is_leaf(token.term)) leaves[token.term].push_back(pos);
    if (token.begin >= positioned_bytes) {  // past the positioned part: the word alone
      doc.add_term(token.term, wdf);
      continue;
    }
    doc.add_posting(token.term, pos, wdf);
    if (!field_prefix.empty()) doc.add_posting(schema::term(field_prefix, token.term), pos);
  }
  return last;
}

Xapian::termpos add_grams(Xapian::Document& doc, std::string_view text, Xapian::termpos first,
                          std::string_view prefix = schema::kGramPrefix) {
  Xapian::termpos last = first;
  for (const CharGram& g : char_bigrams(text, first)) {
    doc.add_posting(schema::term(prefix, g.gram), g.position);
    last = std::max<Xapian::termpos>(last, g.position);
  }
  return last + 2;
}

// A facet's values as filter terms (normalised, as query values will be) and as codes
// (as written, so counts can be shown); collected for the string slots too.
void add_facet(Xapian::Document& doc, std::string_view name, std::vector<std::string> values,
               FacetDictionary& dictionary, FacetValues& slotted, std::vector<std::uint32_t>& codes) {
  std::erase_if(values, [](const std::string& v) { return v.empty(); });
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());  // a notice counts once per value
  const std::size_t field = facet_index(name);
  for (const std::string& value : values) {
    const std::string term = schema::term(schema::kFacetFields[field].prefix, normalise_word(value));
    if (fits(term)) doc.add_boolean_term(term);
    codes.push_back(dictionary.code(field, value));
  }
  slotted[field] = std::move(values);
}

void add_facets(Xapian::Document& doc, const Notice& notice, FacetDictionary& dictionary) {
  const NoticeFacets& f = notice.facets;
  FacetValues slotted;
  std::vector<std::uint32_t> codes;
  add_facet(doc, "cause", f.causes, dictionary, slotted, codes);
  add_facet(doc, "cause_family", f.cause_families, dictionary, slotted, codes);
  add_facet(doc, "sector", {f.sector}, dictionary, slotted, codes);
  add_facet(doc, "year", f.year ? std::vector<std::string>{codec::encode_year(*f.year)} : std::vector<std::string>{},
            dictionary, slotted, codes);
  add_facet(doc, "data", f.data, dictionary, slotted, codes);
  add_facet(doc, "outcome", {f.outcome}, dictionary, slotted, codes);
  add_facet(doc, "label", notice.labels, dictionary, slotted, codes);
  for (const auto& [slot, value] : encode_facet_slots(std::move(slotted))) doc.add_value(slot, value);
  doc.add_value(schema::kFacetCodesSlot, encode_facet_codes(codes));
  if (f.year) doc.add_value(schema::kYearSlot, codec::encode_year(*f.year));
}

// Values for filters, grouping and sorting.
void add_values(Xapian::Document& doc, const Notice& notice) {
  using codec::SortDirection;
  if (!notice.incident.empty()) {
    doc.add_boolean_term(schema::term(schema::kIncidentPrefix, notice.incident));
    doc.add_value(schema::kIncidentSlot, notice.incident);
  }
  const std::string date = notice.date ? codec::encode_date(*notice.date) : std::string();
  if (notice.date) doc.add_value(schema::kDateSlot, date);
  doc.add_value(schema::kDateAscSlot, codec::encode_sort_key(date, notice.id, SortDirection::Ascending));
  doc.add_value(schema::kDateDescSlot, codec::encode_sort_key(date, notice.id, SortDirection::Descending));
  const std::optional<std::int64_t>& affected = notice.facets.affected;
  const std::string count = codec::count_sort_key(affected);
  doc.add_value(schema::kAffectedAscSlot, codec::encode_sort_key(count, notice.id, SortDirection::Ascending));
  doc.add_value(schema::kAffectedDescSlot, codec::encode_sort_key(count, notice.id, SortDirection::Descending));
  if (affected) doc.add_value(schema::kAffectedSlot, codec::encode_affected(*affected));
}

// The analysed words of organisation, title and body with their positions, the XW/XE
// compound terms and the body's passages; the spelling words, when asked for.
void add_text(Xapian::Document& doc, const Notice& notice, Analyzer& analyzer, std::vector<std::string>* spelling,
              const NormalizedText* normalized_body) {
  // The organisation's name counts like the title: who published a notice is as telling
  // as what it is called.
  const NearCompounds& compounds = analyzer.near_compounds();
  WordPositions leaves;  // views into the token vectors below
  const std::vector<Token> org = analyzer.analyze(notice.org);
  const Xapian::termpos org_end = add_words(doc, org, 0, schema::kTitleWdf, schema::kOrgPrefix, compounds, leaves);
  const std::vector<Token> title = analyzer.analyze(notice.title);
  const Xapian::termpos title_end = add_words(doc, title, org_end + schema::kFieldPositionGap, schema::kTitleWdf,
                                              schema::kTitlePrefix, compounds, leaves);
  std::vector<Token> body = normalized_body ? analyzer.analyze(*normalized_body) : analyzer.analyze(notice.body);
  unindex_negated_inclusions(notice.body, body);
  const Xapian::termpos body_base = title_end + schema::kFieldPositionGap;
  add_words(doc, body, body_base, 1, {}, compounds, leaves, schema::kMaxPositionedBodyBytes);
  const NearCompounds::Present present = compounds.present(leaves, body_base, schema::kTitleWdf);
  for (const auto& [compound, count] : present.near) {
    if (const std::string term = schema::term(schema::kNearCompoundPrefix, compound->term); fits(term)) doc.add_term(term, count);
  }
  for (const auto& [compound, count] : present.in_order) {
    if (const std::string term = schema::term(schema::kPhraseCompoundPrefix, compound->term); fits(term)) doc.add_term(term, count);
  }
  std::vector<BodyLine> lines = body_lines(notice.body, body, body_base + 1);
  std::erase_if(lines, [](const BodyLine& line) { return line.offset >= schema::kMaxPositionedBodyBytes; });
  doc.add_value(schema::kBodyLinesSlot, encode_body_lines(lines));
  if (spelling) {
    collect_spelling_words(org, *spelling);
    collect_spelling_words(title, *spelling);
    collect_spelling_words(body, *spelling, schema::kMaxPositionedBodyBytes);
  }

  // Bigrams of the names and of the words MeCab did not know, so a substring of them
  // can be found (see char_ngrams.h).
  add_grams(doc, notice.org, 1, schema::kOrgGramPrefix);
  Xapian::termpos gram_pos = add_grams(doc, notice.title, 1);
  for (const Token& token : body) {
    if (token.unknown && token.indexable && utf8::length(token.term) >= 3 && !is_number(token.term)) {
      if (token.begin < schema::kMaxPositionedBodyBytes) {
        gram_pos = add_grams(doc, token.term, gram_pos);
      } else {
        for (const CharGram& g : char_bigrams(token.term, 1)) doc.add_term(schema::term(schema::kGramPrefix, g.gram));
      }
    }
  }
}

}  // namespace

Xapian::Document build_document(const Notice& notice, Analyzer& analyzer, FacetDictionary& facet_codes,
                                const DocumentSources& sources, std::vector<std::string>* spelling_words,
                                const NormalizedText* normalized_body) {
  Xapian::Document doc;
  store_notice(doc, notice);
  doc.add_boolean_term(schema::term(schema::kIdPrefix, notice.id));
  doc.add_value(schema::kIdSlot, notice.id);
  add_text(doc, notice, analyzer, spelling_words, normalized_body);
  add_values(doc, notice);
  add_facets(doc, notice, facet_codes);
  if (!sources.version.empty()) add_version(doc, sources.version);
  add_source_files(doc, sources.files);
  return doc;
}

}  // namespace kaiji
