#include "more_like_this.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "bm25_parameters.h"
#include "index/schema.h"

namespace kaiji {
namespace {

// How many of the notice's most telling words describe it.
constexpr Xapian::termcount kLikeTerms = 40;

// Words worth describing a notice by: analysed words (no prefix), not numbers, not
// single characters.
class DescriptiveTerms {
 public:
  bool operator()(const std::string& term) const {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;  // prefixed: ids, facets, bigrams
    if (std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; })) {
      return false;
    }
    return term.size() > 3 || (term.size() >= 2 && static_cast<unsigned char>(term[0]) < 0x80);
  }
};

}  // namespace

Xapian::Query more_like_this(const Xapian::Database& db, Xapian::docid docid, const std::string& id) {
  // Relevance feedback: the notice's most distinctive words, each weighted by how often
  // the notice uses it (saturating, as BM25 does) times how rare it is in the whole
  // index. Computed here from the notice's term list and the index-wide frequencies
  // rather than by Xapian's ESet, whose weights depend on how the index is split into
  // shards; this way a sharded or remote index suggests exactly the same notices.
  const double documents = static_cast<double>(db.get_doccount());
  const DescriptiveTerms descriptive;
  std::vector<std::pair<double, std::string>> weighted;
  for (auto it = db.termlist_begin(docid); it != db.termlist_end(docid); ++it) {
    const std::string term = *it;
    if (!descriptive(term)) continue;
    const double frequency = static_cast<double>(it.get_termfreq());
    if (frequency < 2) continue;  // found nowhere else: cannot lead to a similar notice
    const double wdf = static_cast<double>(it.get_wdf());
    weighted.emplace_back(wdf / (wdf + kBm25K1) * std::log(documents / frequency), term);
  }
  const std::size_t keep = std::min<std::size_t>(kLikeTerms, weighted.size());
  std::partial_sort(weighted.begin(), weighted.begin() + static_cast<long>(keep), weighted.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<Xapian::Query> terms;
  for (std::size_t k = 0; k < keep; ++k) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(weighted[k].second), weighted[k].first);
  }
  const Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(schema::term(schema::kIdPrefix, id)));
}

}  // namespace kaiji
