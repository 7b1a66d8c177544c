#include "hit_snippet.h"

#include <algorithm>
#include <cstdint>

#include "index/body_lines.h"
#include "index/schema.h"

namespace kaiji {

Snippet hit_snippet(const Xapian::Database& db, const Xapian::Document& doc, Xapian::docid docid,
                    const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                    Analyzer& analyzer) {
  const std::vector<BodyLine> lines = decode_body_lines(doc.get_value(schema::kBodyLinesSlot));
  // Nothing to highlight, or no line starts stored: the plain way.
  if (lines.empty() || sequences.empty()) return make_snippet(body, sequences, analyzer);
  std::vector<std::string> terms;
  for (const auto& sequence : sequences) terms.insert(terms.end(), sequence.begin(), sequence.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<PositionedTerm> matches;
  for (std::uint32_t t = 0; t < terms.size(); ++t) {
    for (auto p = db.positionlist_begin(docid, terms[t]); p != db.positionlist_end(docid, terms[t]); ++p) {
      matches.push_back({*p, t});
    }
  }
  return make_snippet(body, sequences, analyzer, lines, matches);
}

}  // namespace kaiji
