#include "document_builder.h"

#include <algorithm>

#include "char_ngrams.h"
#include "notice_json.h"
#include "schema.h"
#include "utf8.h"

namespace kaiji {
namespace {

bool fits(const std::string& term) { return !term.empty() && term.size() <= schema::kMaxTermBytes; }

// Adds the analysed words of one field; returns the position after its last word.
Xapian::termpos add_words(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termpos base,
                          Xapian::termcount wdf, std::string_view field_prefix) {
  Xapian::termpos last = base;
  for (const Token& token : tokens) {
    const Xapian::termpos pos = base + token.position + 1;
    last = std::max(last, pos);
    if (!token.indexable || !fits(token.term)) continue;
    doc.add_posting(token.term, pos, wdf);
    if (!field_prefix.empty()) doc.add_posting(schema::term(field_prefix, token.term), pos);
  }
  return last;
}

Xapian::termpos add_grams(Xapian::Document& doc, std::string_view text, Xapian::termpos first) {
  Xapian::termpos last = first;
  for (const CharGram& g : char_bigrams(text, first)) {
    doc.add_posting(schema::term(schema::kGramPrefix, g.gram), g.position);
    last = std::max<Xapian::termpos>(last, g.position);
  }
  return last + 2;
}

}  // namespace

Xapian::Document build_document(const Notice& notice, const Analyzer& analyzer) {
  Xapian::Document doc;
  doc.set_data(to_json(notice).dump());
  doc.add_boolean_term(schema::term(schema::kIdPrefix, notice.id));

  // The organisation's name counts like the title: who published a notice is as telling
  // as what it is called.
  const Xapian::termpos org_end = add_words(doc, analyzer.analyze(notice.org), 0, schema::kTitleWdf, {});
  const std::vector<Token> title = analyzer.analyze(notice.title);
  const Xapian::termpos title_end =
      add_words(doc, title, org_end + schema::kFieldPositionGap, schema::kTitleWdf, schema::kTitlePrefix);
  const std::vector<Token> body = analyzer.analyze(notice.body);
  add_words(doc, body, title_end + schema::kFieldPositionGap, 1, {});

  // Bigrams of the names and of the words MeCab did not know, so a substring of them
  // can be found (see char_ngrams.h).
  Xapian::termpos gram_pos = add_grams(doc, notice.org, 1);
  gram_pos = add_grams(doc, notice.title, gram_pos);
  for (const Token& token : body) {
    if (token.unknown && token.indexable && utf8::length(token.term) >= 3) {
      gram_pos = add_grams(doc, token.term, gram_pos);
    }
  }

  if (!notice.incident.empty()) {
    doc.add_boolean_term(schema::term(schema::kIncidentPrefix, notice.incident));
    doc.add_value(schema::kIncidentSlot, notice.incident);
  }
  for (const std::string& label : notice.labels) {
    const std::string folded = Analyzer::normalise_word(label);
    if (fits(folded)) doc.add_boolean_term(schema::term(schema::kLabelPrefix, folded));
  }
  if (notice.date) {
    doc.add_boolean_term(schema::term(schema::kYearPrefix, std::to_string(notice.date->year)));
    doc.add_value(schema::kDateSlot, notice.date->sortable());
  }
  return doc;
}

Notice stored_notice(const Xapian::Document& document) {
  return notice_from_json(nlohmann::json::parse(document.get_data()));
}

}  // namespace kaiji
