#include "index/document_builder.h"

#include <algorithm>
#include <map>

#include "index/body_lines.h"
#include "analysis/char_ngrams.h"
#include "index/facet_codes.h"
#include "index/notice_record.h"
#include "index/text_compression.h"
#include "index/schema.h"
#include "base/utf8.h"

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
                          WordPositions& leaves) {
  Xapian::termpos last = base;
  for (const Token& token : tokens) {
    const Xapian::termpos pos = base + token.position + 1;
    last = std::max(last, pos);
    if (!token.indexable || !fits(token.term)) continue;
    doc.add_posting(token.term, pos, wdf);
    if (compounds.is_leaf(token.term)) leaves[token.term].push_back(pos);
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

// What a notice's facets are counted from: the string slots and the codes.
struct FacetSlots {
  std::map<Xapian::valueno, std::string> strings;
  std::vector<std::uint32_t> codes;
};

// A facet's values as filter terms (normalised, as query values will be), and in its
// counting slot and as codes (as written, so counts can be shown).
void add_facet(Xapian::Document& doc, std::string_view name, std::vector<std::string> values,
               FacetDictionary& dictionary, FacetSlots& counted) {
  std::erase_if(values, [](const std::string& v) { return v.empty(); });
  const schema::FacetField* field = schema::facet_field(name);
  const auto field_index = static_cast<std::size_t>(field - std::begin(schema::kFacetFields));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());  // a notice counts once per value
  std::string* slot = field->slot == schema::kNoSlot ? nullptr : &counted.strings[field->slot];
  // Facets sharing a slot are added in kFacetFields order; each after the first gets a separator.
  const bool first_in_slot = std::none_of(&schema::kFacetFields[0], field, [&](const schema::FacetField& f) {
    return f.slot == field->slot;
  });
  if (slot != nullptr && !first_in_slot) *slot += schema::kFieldSeparator;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const std::string term = schema::term(field->prefix, normalise_word(values[k]));
    if (fits(term)) doc.add_boolean_term(term);
    counted.codes.push_back(dictionary.code(field_index, values[k]));
    if (slot == nullptr) continue;
    if (k > 0) *slot += schema::kValueSeparator;
    *slot += values[k];
  }
}

void add_sort_keys(Xapian::Document& doc, const std::string& key, Xapian::valueno asc, Xapian::valueno desc,
                   const std::string& id) {
  doc.add_value(asc, (key.empty() ? std::string(1, '\xff') : key) + id);
  doc.add_value(desc, (key.empty() ? std::string(1, '\0') : key) + id);
}

}  // namespace

Xapian::Document build_document(const Notice& notice, const Analyzer& analyzer, FacetDictionary& facet_codes) {
  Xapian::Document doc;
  doc.add_value(schema::kRecordSlot, encode_notice(notice, /*with_body=*/false));
  if (!notice.body.empty()) doc.add_value(schema::kBodySlot, compress_text(notice.body));
  doc.add_boolean_term(schema::term(schema::kIdPrefix, notice.id));
  doc.add_value(schema::kIdSlot, notice.id);

  // The organisation's name counts like the title: who published a notice is as telling
  // as what it is called.
  const NearCompounds& compounds = analyzer.near_compounds();
  WordPositions leaves;  // views into the token vectors below
  const std::vector<Token> org = analyzer.analyze(notice.org);
  const Xapian::termpos org_end = add_words(doc, org, 0, schema::kTitleWdf, schema::kOrgPrefix, compounds, leaves);
  const std::vector<Token> title = analyzer.analyze(notice.title);
  const Xapian::termpos title_end = add_words(doc, title, org_end + schema::kFieldPositionGap, schema::kTitleWdf,
                                              schema::kTitlePrefix, compounds, leaves);
  const std::vector<Token> body = analyzer.analyze(notice.body);
  const Xapian::termpos body_base = title_end + schema::kFieldPositionGap;
  add_words(doc, body, body_base, 1, {}, compounds, leaves);
  const NearCompounds::Present present = compounds.present(leaves, body_base, schema::kTitleWdf);
  for (const auto& [compound, count] : present.near) {
    if (const std::string term = schema::term(schema::kNearCompoundPrefix, compound->term); fits(term)) doc.add_term(term, count);
  }
  for (const auto& [compound, count] : present.in_order) {
    if (const std::string term = schema::term(schema::kPhraseCompoundPrefix, compound->term); fits(term)) doc.add_term(term, count);
  }
  doc.add_value(schema::kBodyLinesSlot, encode_body_lines(body_lines(notice.body, body, body_base + 1)));

  // Bigrams of the names and of the words MeCab did not know, so a substring of them
  // can be found (see char_ngrams.h).
  add_grams(doc, notice.org, 1, schema::kOrgGramPrefix);
  Xapian::termpos gram_pos = add_grams(doc, notice.title, 1);
  for (const Token& token : body) {
    if (token.unknown && token.indexable && utf8::length(token.term) >= 3 && !is_number(token.term)) {
      gram_pos = add_grams(doc, token.term, gram_pos);
    }
  }

  if (!notice.incident.empty()) {
    doc.add_boolean_term(schema::term(schema::kIncidentPrefix, notice.incident));
    doc.add_value(schema::kIncidentSlot, notice.incident);
  }
  if (notice.date) doc.add_value(schema::kDateSlot, notice.date->sortable());
  add_sort_keys(doc, notice.date ? notice.date->sortable() : "", schema::kDateAscSlot, schema::kDateDescSlot, notice.id);
  std::string affected;
  if (notice.facets.affected && *notice.facets.affected >= 0) {
    affected = std::to_string(*notice.facets.affected);
    affected.insert(0, 20 - std::min<std::size_t>(20, affected.size()), '0');
  }
  add_sort_keys(doc, affected, schema::kAffectedAscSlot, schema::kAffectedDescSlot, notice.id);
  if (notice.facets.affected) {
    doc.add_value(schema::kAffectedSlot, Xapian::sortable_serialise(static_cast<double>(*notice.facets.affected)));
  }
  const NoticeFacets& f = notice.facets;
  // In kFacetFields order.
  FacetSlots counted;
  add_facet(doc, "cause", f.causes, facet_codes, counted);
  add_facet(doc, "cause_family", f.cause_families, facet_codes, counted);
  add_facet(doc, "sector", {f.sector}, facet_codes, counted);
  add_facet(doc, "year", f.year ? std::vector<std::string>{std::to_string(*f.year)} : std::vector<std::string>{},
            facet_codes, counted);
  add_facet(doc, "data", f.data, facet_codes, counted);
  add_facet(doc, "outcome", {f.outcome}, facet_codes, counted);
  add_facet(doc, "label", notice.labels, facet_codes, counted);
  for (const auto& [slot, value] : counted.strings) doc.add_value(slot, value);
  doc.add_value(schema::kFacetCodesSlot, encode_facet_codes(counted.codes));
  if (f.year) doc.add_value(schema::kYearSlot, std::to_string(*f.year));
  return doc;
}

Notice stored_notice(const Xapian::Document& document) {
  Notice notice = decode_notice(document.get_value(schema::kRecordSlot));
  const std::string body = document.get_value(schema::kBodySlot);
  if (!body.empty()) notice.body = decompress_text(body);
  return notice;
}

}  // namespace kaiji
