#include "search_engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "index/body_lines.h"
#include "index/facet_slots.h"
#include "index/stored_notice.h"
#include "query_syntax.h"
#include "index/schema.h"
#include "facet_code_spy.h"

namespace kaiji {
namespace {

// Counting every match exactly is cheap up to here; beyond it Xapian estimates and the
// response says so.
constexpr Xapian::doccount kExactCountUpTo = 10000;

// BM25 with the textbook parameters; Xapian's default b = 0.5 let long notices that
// mention a word in passing outrank short notices about it.
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

// --like: how many of the notice's most telling words describe it.
constexpr Xapian::termcount kLikeTerms = 40;

// Counts per facet and value, as the response shows them.
class FacetTally {
 public:
  void add(std::size_t field, std::string_view value, std::size_t count) {
    auto known = counts_[field].find(value);
    if (known == counts_[field].end()) known = counts_[field].emplace(std::string(value), 0).first;
    known->second += count;
  }

  std::vector<FacetCounts> result() const {
    std::vector<FacetCounts> out;
    for (std::size_t field = 0; field < kFields; ++field) {
      FacetCounts facet{std::string(schema::kFacetFields[field].name), {}};
      for (const auto& [value, count] : counts_[field]) facet.counts.push_back({value, count});
      // Years read best in order, newest first; every other facet most frequent first.
      if (facet.facet == "year") {
        std::reverse(facet.counts.begin(), facet.counts.end());
      } else {
        std::stable_sort(facet.counts.begin(), facet.counts.end(),
                         [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
      }
      out.push_back(std::move(facet));
    }
    return out;
  }

 private:
  static constexpr std::size_t kFields = std::size(schema::kFacetFields);
  std::array<std::map<std::string, std::size_t, std::less<>>, kFields> counts_;
};

// Counts from the combinations counted in the string facet slots (facet_slots.h). Each
// counted combination adds its count to every value in it, which counts each notice
// once per value; cause_family is counted from the causes, each family once per notice.
using SlotCounts = std::map<Xapian::valueno, std::vector<std::pair<std::string, std::size_t>>>;
void tally_combinations(const SlotCounts& slots, const Taxonomy& taxonomy, FacetTally& tally) {
  const std::size_t cause_field = facet_index("cause");
  const std::size_t family_field = facet_index("cause_family");
  for (const auto& [slot, combinations] : slots) {
    for (const auto& [combination, count] : combinations) {
      std::set<std::string> families;
      for (const auto& [field, value] : decode_facet_slot(slot, combination)) {
        tally.add(field, value, count);
        if (field != cause_field) continue;
        if (const auto family = taxonomy.family(value)) families.insert(*family);
      }
      for (const std::string& family : families) tally.add(family_field, family, count);
    }
  }
}

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

namespace {

constexpr std::string_view kTcp = "tcp://";

bool is_remote(const std::string& location) { return location.starts_with(kTcp); }

Xapian::Database open_database(const std::string& location) {
  if (!is_remote(location)) return Xapian::Database(location);
  // tcp://host:port — an index served by xapian-tcpsrv.
  const std::string address = location.substr(kTcp.size());
  const std::size_t colon = address.rfind(':');
  unsigned port = 0;
  try {
    if (colon != std::string::npos) port = static_cast<unsigned>(std::stoul(address.substr(colon + 1)));
  } catch (const std::exception&) {
  }
  if (colon == std::string::npos || colon == 0 || port == 0 || port > 65535) {
    throw Xapian::DatabaseOpeningError("a remote index is written tcp://HOST:PORT, not " + location);
  }
  return Xapian::Remote::open(address.substr(0, colon), port);
}

}  // namespace

SearchEngine::SearchEngine(const std::vector<std::string>& db_paths, Analyzer& analyzer,
                           const Taxonomy& taxonomy)
    : analyzer_(analyzer), taxonomy_(taxonomy) {
  const std::string compounds = analyzer.near_compounds().fingerprint();
  for (const std::string& path : db_paths) {
    const Xapian::Database db = open_database(path);
    const std::string format = db.get_metadata(schema::kFormatMetadataKey);
    if (format != std::to_string(schema::kIndexFormat)) {
      throw std::runtime_error("index " + path + " was written by another version of kaiji (index format " +
                               (format.empty() ? std::string("unknown") : format) + ", this searcher reads " +
                               std::to_string(schema::kIndexFormat) + "); run kaiji-indexer on it again");
    }
    // XW terms answer for compounds only if written for the same compounds.
    use_near_terms_ = use_near_terms_ && db.get_metadata(schema::kNearCompoundsMetadataKey) == compounds;
    all_local_ = all_local_ && !is_remote(path);
    db_.add_database(db);
    side_db_.add_database(open_database(path));
  }
}

SearchResponse SearchEngine::search(const SearchRequest& request) const {
  // An indexer committing twice while a search runs invalidates what the search had
  // open; the search then starts again on the newest commit.
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kModifiedRetries) throw;
      db_.reopen();
      side_db_.reopen();
    }
  }
}

Xapian::docid SearchEngine::docid_of(const std::string& id) const {
  const std::string term = schema::term(schema::kIdPrefix, id);
  const Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) throw NoticeNotFound(id);
  return *it;
}

Notice SearchEngine::show(const std::string& id) const { return stored_notice(db_.get_document(docid_of(id))); }

Xapian::Query SearchEngine::like_query(const std::string& id) const {
  // Relevance feedback: the notice's most distinctive words, each weighted by how often
  // the notice uses it (saturating, as BM25 does) times how rare it is in the whole
  // index. Computed here from the notice's term list and the index-wide frequencies
  // rather than by Xapian's ESet, whose weights depend on how the index is split into
  // shards; this way a sharded or remote index suggests exactly the same notices.
  const Xapian::docid docid = docid_of(id);
  const double documents = static_cast<double>(db_.get_doccount());
  const DescriptiveTerms descriptive;
  std::vector<std::pair<double, std::string>> weighted;
  for (auto it = db_.termlist_begin(docid); it != db_.termlist_end(docid); ++it) {
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

SearchEngine::MatchCount SearchEngine::count_matches(const Xapian::Database& db, const Xapian::Query& query,
                                                   Xapian::doccount up_to) const {
  // A pass of its own, without weights, so that the ranked pass stops at the top results
  // and an empty page (past the end, or --limit 0) can be told from no match at all.
  // Together the two passes cost what one ranked pass examining up_to matches did (the
  // same instructions in callgrind over the bench queries at 100k).
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  const Xapian::MSet counted = enquire.get_mset(0, 0, up_to);
  return {counted.get_matches_estimated(), counted.get_matches_lower_bound() == counted.get_matches_upper_bound()};
}

SearchEngine::FacetPass SearchEngine::count_facets(const Xapian::Database& db, const Xapian::Query& query) const {
  // Facets are counted in a pass of their own: it examines every match, but without
  // weighting (BoolWeight), while the ranked pass stops as soon as it has the top
  // results. (Counting inside a ranked pass over several remote databases also
  // miscounts in Xapian 1.4 when the page is smaller than the matches.)
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  if (all_local_ && db.size() == 1) {
    try {
      if (std::optional<FacetPass> pass = count_facet_codes(db, enquire)) return std::move(*pass);
    } catch (const Xapian::UnimplementedError&) {
      // A stub file named a remote database: xapian-tcpsrv cannot run our spy.
    }
  }
  return count_facet_strings(db, enquire);
}

std::optional<SearchEngine::FacetPass> SearchEngine::count_facet_codes(const Xapian::Database& db,
                                                                      Xapian::Enquire& enquire) const {
  // The dictionary of the revision being searched (it only grows, so it is read again
  // only when it changed).
  const std::string stored = db.get_metadata(schema::kFacetCodesMetadataKey);
  if (!facet_codes_ || stored != facet_codes_stored_) {
    try {
      facet_codes_ = std::make_unique<FacetDictionary>(stored);
    } catch (const std::runtime_error&) {
      return std::nullopt;  // a damaged dictionary: the strings still count right
    }
    facet_codes_stored_ = stored;
  }
  FacetCodeSpy spy(db, schema::kFacetCodesSlot, facet_codes_->size());
  enquire.add_matchspy(&spy);
  const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
  enquire.clear_matchspies();
  if (spy.damaged()) return std::nullopt;  // count the slower way, from the strings
  FacetTally tally;
  for (std::uint32_t code = 0; code < spy.counts().size(); ++code) {
    if (spy.counts()[code] == 0) continue;
    const CodedFacetValue& value = facet_codes_->value(code);
    tally.add(value.field, value.value, spy.counts()[code]);
  }
  return FacetPass{tally.result(), all.get_matches_estimated()};
}

SearchEngine::FacetPass SearchEngine::count_facet_strings(const Xapian::Database& db, Xapian::Enquire& enquire) const {
  std::map<Xapian::valueno, Xapian::ValueCountMatchSpy> spies;
  for (const schema::FacetField& field : schema::kFacetFields) {
    if (field.slot != schema::kNoSlot && !spies.contains(field.slot)) {
      enquire.add_matchspy(&spies.try_emplace(field.slot, field.slot).first->second);
    }
  }
  const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
  enquire.clear_matchspies();
  SlotCounts slots;
  for (const auto& [slot, spy] : spies) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) slots[slot].emplace_back(*it, it.get_termfreq());
  }
  FacetTally tally;
  tally_combinations(slots, taxonomy_, tally);
  return FacetPass{tally.result(), all.get_matches_estimated()};
}

Snippet SearchEngine::snippet_of(const Xapian::Document& doc, Xapian::docid docid, const std::string& body,
                                 const std::vector<std::vector<std::string>>& sequences) const {
  const std::vector<BodyLine> lines = decode_body_lines(doc.get_value(schema::kBodyLinesSlot));
  // Nothing to highlight, or no line starts stored: the plain way.
  if (lines.empty() || sequences.empty()) return make_snippet(body, sequences, analyzer_);
  std::vector<std::string> terms;
  for (const auto& sequence : sequences) terms.insert(terms.end(), sequence.begin(), sequence.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<PositionedTerm> matches;
  for (std::uint32_t t = 0; t < terms.size(); ++t) {
    for (auto p = db_.positionlist_begin(docid, terms[t]); p != db_.positionlist_end(docid, terms[t]); ++p) {
      matches.push_back({*p, t});
    }
  }
  return make_snippet(body, sequences, analyzer_, lines, matches);
}

SearchResponse SearchEngine::search_once(const SearchRequest& request) const {
  SearchResponse response;
  response.query = request.query;
  const QueryNode tree = parse_query(request.query);
  const BuiltQuery built = QueryBuilder(analyzer_, taxonomy_, {request.synonyms, &db_, use_near_terms_}).build(tree);
  response.query_words = built.word_count;

  Xapian::Query query = built.query;
  bool ranked = built.has_positive;
  response.like_id = request.like_id;
  if (!request.like_id.empty()) {
    // Similar notices; the query, if any, narrows them.
    query = request.query.empty() ? like_query(request.like_id)
                                  : Xapian::Query(Xapian::Query::OP_FILTER, like_query(request.like_id), built.query);
    ranked = true;
  }

  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));

  // Sorting: relevance when there is something to rank by, else newest first. Notices
  // without the sort value come last in either direction.
  const SortKey sort = request.sort.value_or(ranked ? SortKey::Relevance : SortKey::Date);
  if (sort != SortKey::Relevance) {
    const bool date = sort == SortKey::Date;
    const Xapian::valueno slot = request.ascending ? (date ? schema::kDateAscSlot : schema::kAffectedAscSlot)
                                                   : (date ? schema::kDateDescSlot : schema::kAffectedDescSlot);
    enquire.set_sort_by_value_then_relevance(slot, !request.ascending);
  } else {
    enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false);  // equal scores: by id
  }
  response.sort = sort == SortKey::Relevance ? "relevance" : sort == SortKey::Date ? "date" : "affected";
  if (sort != SortKey::Relevance && request.ascending) response.sort += "-asc";

  if (request.group_by_incident) {
    enquire.set_collapse_key(schema::kIncidentSlot);
    response.grouped = true;
  }

  // The ranked pass stops as soon as it has the top results, so its total is only an
  // estimate. Grouping counts notices per incident, so it examines every match.
  const Xapian::doccount check_at_least = request.group_by_incident ? db_.get_doccount() : 0;

  auto run = [&](const Xapian::Query& q) {
    enquire.set_query(q);
    return enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit),
                            check_at_least);
  };
  // The counting pass (every facet, or the total) does not depend on the ranked one, so
  // it runs beside it, on the second core, while this thread ranks and makes snippets. A
  // sorted pass sees every match and needs no count; grouping counts its groups itself.
  const bool count_beside = !request.facets && !request.group_by_incident && sort == SortKey::Relevance;
  std::future<SidePass> side;
  if (request.facets || count_beside) side = start_side_pass(query, request.facets);

  Xapian::MSet mset = run(query);
  Xapian::Query matched = query;
  // Whether nothing matches: an empty page may also be a page past the end, or the
  // ranked pass may not have looked (--limit 0).
  const auto nothing_matches = [&] {
    return mset.get_matches_upper_bound() == 0 || (mset.empty() && count_matches(db_, query, 1).total == 0);
  };
  if (request.like_id.empty() && !built.partial_query.empty() && nothing_matches()) {
    // No notice has every word: the best partial matches, most words matched first.
    matched = built.partial_query;
    if (side.valid()) {
      side.wait();  // one pass at a time on side_db_
      side = start_side_pass(matched, request.facets);
    }
    mset = run(matched);
    response.partial = true;
  }

  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.rank = it.get_rank() + 1;  // get_rank() already counts the offset
    hit.score = it.get_weight();
    if (response.partial) {
      hit.partial = true;
      hit.matched_words = static_cast<std::size_t>(std::floor(hit.score / kPartialWordBonus));
      hit.score -= static_cast<double>(hit.matched_words) * kPartialWordBonus;
    }
    const Xapian::Document doc = it.get_document();
    hit.notice = stored_notice(doc);
    hit.snippet = snippet_of(doc, *it, hit.notice.body, built.highlight_sequences);
    if (request.group_by_incident) {
      hit.group_size = 1;
      if (!hit.notice.incident.empty()) {
        // Notices of this incident among the matches.
        Xapian::Enquire count(db_);
        count.set_query(Xapian::Query(Xapian::Query::OP_FILTER, response.partial ? built.partial_query : query,
                                      Xapian::Query(schema::term(schema::kIncidentPrefix, hit.notice.incident))));
        hit.group_size = count.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
      }
    }
    response.hits.push_back(std::move(hit));
  }

  if (request.group_by_incident) {  // the number of groups
    response.total = mset.get_matches_estimated();
    response.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  }
  if (request.facets) {
    SidePass counted = side.get();
    response.facets = std::move(counted.facets.facets);
    if (!request.group_by_incident) {
      response.total = counted.facets.total;
      response.total_is_exact = true;
    }
  } else if (!request.group_by_incident) {
    // A sorted pass has seen every match anyway; a ranked one has usually stopped early.
    MatchCount counted{mset.get_matches_estimated(), mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
    if (!counted.exact) counted = count_beside ? side.get().count : count_matches(db_, matched, kExactCountUpTo);
    response.total = counted.total;
    response.total_is_exact = counted.exact;
  }
  return response;
}

std::future<SearchEngine::SidePass> SearchEngine::start_side_pass(const Xapian::Query& query, bool facets) const {
  // Xapian::Query counts its references without atomics, so the thread builds a copy of
  // its own from the serialised form. Should no thread start, the pass runs on get().
  std::string wire = query.serialise();
  return std::async(std::launch::async | std::launch::deferred, [this, wire = std::move(wire), facets] {
    const Xapian::Query copy = Xapian::Query::unserialise(wire);
    SidePass pass;
    if (facets) {
      pass.facets = count_facets(side_db_, copy);
    } else {
      pass.count = count_matches(side_db_, copy, kExactCountUpTo);
    }
    return pass;
  });
}

}  // namespace kaiji
