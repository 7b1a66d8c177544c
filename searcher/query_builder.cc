#include "query_builder.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/char_ngrams.h"
#include "base/word_form.h"
#include "filter_query.h"
#include "match_count.h"
#include "prefix_words.h"
#include "index/schema.h"
#include "base/utf8.h"
#include "analysis/word_paths.h"

namespace kaiji {
namespace {

constexpr double kPhraseBoost = 4.0;     // an exact phrase outranks the same words apart
constexpr double kSynonymWeight = 0.5;   // a synonym counts half of the analyst's own word

Xapian::Query sequence_query(const std::vector<std::string>& words, std::string_view prefix, Xapian::Query::op op,
                             Xapian::termcount window) {
  std::vector<Xapian::Query> terms;
  for (const std::string& w : words) terms.emplace_back(schema::term(prefix, w));
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(op, terms.begin(), terms.end(), window);
}

// Adds q to parts unless it is empty or the same query as one already there: a word
// repeated (漏えい 漏えい …) is matched once.
void add_unique(std::vector<Xapian::Query>& parts, Xapian::Query q) {
  if (q.empty()) return;
  const std::string description = q.get_description();
  const auto same = [&](const Xapian::Query& p) { return p.get_description() == description; };
  if (std::none_of(parts.begin(), parts.end(), same)) parts.push_back(std::move(q));
}

Xapian::Query combine(Xapian::Query::op op, std::vector<Xapian::Query>& parts) {
  std::erase_if(parts, [](const Xapian::Query& q) { return q.empty(); });
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

double QueryBuilder::idf(const std::vector<std::string>& terms, std::string_view prefix) const {
  if (options_.stats == nullptr || terms.empty()) return 0;
  const double n = std::max<double>(1, options_.stats->get_doccount());
  double best = 0;
  for (const std::string& t : terms) {
    const double df = std::max<double>(1, options_.stats->get_termfreq(schema::term(prefix, t)));
    // Xapian's BM25 term weight (bm25weight.cc), including its softening of terms that
    // occur in more than half of the documents.
    double ratio = (n - df + 0.5) / (df + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    best = std::max(best, std::log(ratio));
  }
  return best;
}

BuiltQuery QueryBuilder::build(const QueryNode& root) {
  BuiltQuery out;
  Xapian::Query q = node_query(root, out);
  out.nothing_to_search = q.empty() && !(root.kind == QueryNode::Kind::And && root.children.empty());
  out.query = q.empty() ? Xapian::Query::MatchAll : q;
  build_partial(root, out);
  return out;
}

void QueryBuilder::build_partial(const QueryNode& root, BuiltQuery& out) {
  if (root.kind != QueryNode::Kind::And) return;
  std::vector<Xapian::Query> required;  // filters stay required
  std::vector<Xapian::Query> negative;
  std::vector<Xapian::Query> words;
  std::vector<std::string> texts;
  for (const QueryNode& child : root.children) {
    BuiltQuery ignored;  // highlights were collected by the full query already
    if (child.kind == QueryNode::Kind::Not) {
      negative.push_back(excluded_query(child));
    } else if (child.kind == QueryNode::Kind::Field && is_filter_field(child.field)) {
      required.push_back(node_query(child, ignored));
    } else {
      const std::size_t before = words.size();
      const Xapian::Query q = node_query(child, ignored);
      add_unique(words, loosened(child, q));
      if (words.size() == before) continue;
      texts.push_back(child.kind == QueryNode::Kind::Field ? child.field + ":" + child.text : child.text);
      out.partial_strict.push_back(q);
    }
  }
  out.word_count = words.size();
  if (words.size() < 2) return;
  out.partial_words = words;
  out.partial_texts = texts;
  required.push_back(combine(Xapian::Query::OP_OR, words));
  Xapian::Query partial = combine(Xapian::Query::OP_AND, required);
  if (!negative.empty()) partial = Xapian::Query(Xapian::Query::OP_AND_NOT, partial, combine(Xapian::Query::OP_OR, negative));
  out.partial_query = partial;
}

Xapian::Query QueryBuilder::loosened(const QueryNode& node, Xapian::Query q) {
  if (node.kind != QueryNode::Kind::Word || explicit_prefix(node.text)) return q;
  const std::vector<std::string> terms = split_paths(analyzer_.analyze(node.text)).main;
  if (terms.size() < 2) return q;
  // A word typed as one (名簿売却, なりすまし電話) that a notice writes apart (名簿を
  // 売却, なりすましの電話) still counts among partial matches, for less.
  std::vector<Xapian::Query> parts;
  for (const std::string& t : terms) parts.emplace_back(t);
  const Xapian::Query apart(Xapian::Query::OP_AND, parts.begin(), parts.end());
  return Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, apart, kSynonymWeight));
}

Xapian::Query QueryBuilder::excluded_query(const QueryNode& not_node) {
  BuiltQuery ignored;  // excluded words are not highlighted
  return node_query(not_node.children.front(), ignored);
}

Xapian::Query QueryBuilder::node_query(const QueryNode& node, BuiltQuery& out) {
  switch (node.kind) {
    case QueryNode::Kind::Word:
      return text_query(node.text, "", false, true, out);
    case QueryNode::Kind::Phrase:
      return text_query(node.text, "", true, false, out);
    case QueryNode::Kind::Field:
      if (is_filter_field(node.field)) return filter_query(node, taxonomy_);
      if (node.field == "title") return text_query(node.text, schema::kTitlePrefix, node.quoted, false, out);
      // org: the organisation's name words, or any part of the name through its bigrams.
      return text_query(node.text, schema::kOrgPrefix, node.quoted, true, out);
    case QueryNode::Kind::Not: {
      // On its own (the whole query, or one side of an OR): every notice except (nothing
      // when it excludes only particles).
      const Xapian::Query excluded = excluded_query(node);
      return excluded.empty() ? excluded : Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, excluded);
    }
    case QueryNode::Kind::Or: {
      std::vector<Xapian::Query> parts;
      for (const QueryNode& child : node.children) add_unique(parts, node_query(child, out));
      return combine(Xapian::Query::OP_OR, parts);
    }
    case QueryNode::Kind::And: {
      std::vector<Xapian::Query> positive;
      std::vector<Xapian::Query> negative;
      for (const QueryNode& child : node.children) {
        if (child.kind == QueryNode::Kind::Not) {
          add_unique(negative, excluded_query(child));
        } else {
          add_unique(positive, node_query(child, out));
        }
      }
      Xapian::Query pos = combine(Xapian::Query::OP_AND, positive);
      Xapian::Query neg = combine(Xapian::Query::OP_OR, negative);
      if (neg.empty()) return pos;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, pos.empty() ? Xapian::Query::MatchAll : pos, neg);
    }
  }
  return Xapian::Query();
}

Xapian::Query QueryBuilder::text_query(const std::string& text, std::string_view prefix, bool exact_phrase,
                                       bool with_grams, BuiltQuery& out) {
  if (const std::optional<std::string> stem = exact_phrase ? std::nullopt : explicit_prefix(text)) {
    out.has_positive = true;
    return prefix_query(*stem, prefix, out);
  }
  const std::vector<Token> tokens = analyzer_.analyze(text);
  const WordPaths paths = split_paths(tokens);
  std::vector<Xapian::Query> alternatives;
  alternatives.push_back(word_query(tokens, prefix, exact_phrase, out));
  if (options_.synonyms && !exact_phrase) alternatives.push_back(synonym_query(text, paths.main, prefix, out));

  // Character bigrams. Organisation names always: IPAdic knows many names whole
  // (杏林大学), so 大学 must be found inside them. Titles and unknown words only where
  // MeCab's reading is doubtful: a word it does not know (ダンダダン) or cut into pieces
  // (倉業 → 倉 / 業); a known word (漏洩) is matched by its analysed form alone, so all
  // its spellings find the same notices.
  const bool doubtful =
      paths.main.size() > 1 || std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.unknown; });
  if (with_grams) alternatives.push_back(gram_query(text, prefix == schema::kOrgPrefix || !doubtful));
  Xapian::Query q = combine(Xapian::Query::OP_OR, alternatives);
  if (q.empty()) return q;
  out.has_positive = true;
  // A one-term word the index holds needs no check: it matches as typed.
  const bool held = paths.main.size() == 1 && options_.stats != nullptr &&
                    options_.stats->get_termfreq(schema::term(prefix, paths.main.front())) > 0;
  return exact_phrase || held ? q : or_as_prefix(std::move(q), text, prefix, out);
}

Xapian::Query QueryBuilder::or_as_prefix(Xapian::Query q, const std::string& text, std::string_view prefix,
                                         BuiltQuery& out) const {
  if (options_.stats == nullptr || !may_be_cut_short(normalise_word(text))) return q;
  if (count_matches(*options_.stats, q, 1).total > 0) return q;
  BuiltQuery expansion;
  Xapian::Query expanded = prefix_query(text, prefix, expansion);
  if (expansion.highlight_sequences.empty()) return q;
  out.prefix_words.push_back(text);
  out.highlight_sequences.insert(out.highlight_sequences.end(), expansion.highlight_sequences.begin(),
                                 expansion.highlight_sequences.end());
  return expanded;
}

Xapian::Query QueryBuilder::prefix_query(const std::string& stem, std::string_view prefix, BuiltQuery& out) const {
  // Not Xapian's MatchNothing, which is the empty query: that would read as a word with
  // nothing to search for, where this is a word no notice has.
  const Xapian::Query no_notice(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);
  if (options_.stats == nullptr) return no_notice;
  const std::vector<std::string> terms = expand_stem(*options_.stats, prefix, stem);
  if (terms.empty()) return no_notice;
  std::vector<Xapian::Query> queries;
  for (const std::string& t : terms) {
    queries.emplace_back(schema::term(prefix, t));
    out.highlight_sequences.push_back({t});
  }
  // OP_SYNONYM: the expansion ranks as one word, however many terms it holds.
  return Xapian::Query(Xapian::Query::OP_SYNONYM, queries.begin(), queries.end());
}

Xapian::Query QueryBuilder::synonym_query(const std::string& text, const std::vector<std::string>& words,
                                          std::string_view prefix, BuiltQuery& out) {
  // Looked up by the whole query word, or by its one analysed word.
  const std::vector<std::string>* synonyms = &analyzer_.synonyms().lookup(analyzer_.fold_word(text));
  if (synonyms->empty() && words.size() == 1) synonyms = &analyzer_.synonyms().lookup(words.front());
  if (synonyms->empty()) return Xapian::Query();

  // OP_MAX: however many synonyms a notice contains, together they count as one
  // synonym. Its weight is scaled so that, occurrence for occurrence, a synonym counts
  // at most half of the analyst's own word even when that word is common (BM25 would
  // otherwise favour a rare synonym over a frequent original).
  std::vector<Xapian::Query> synonym_queries;
  double synonym_idf = 0;
  for (const std::string& synonym : *synonyms) {
    const std::vector<Token> synonym_tokens = analyzer_.analyze(synonym);
    synonym_queries.push_back(word_query(synonym_tokens, prefix, false, out));
    synonym_idf = std::max(synonym_idf, idf(split_paths(synonym_tokens).main, prefix));
  }
  const Xapian::Query any_synonym = combine(Xapian::Query::OP_MAX, synonym_queries);
  if (any_synonym.empty()) return any_synonym;
  const double original_idf = idf(words, prefix);
  double factor = kSynonymWeight;
  if (original_idf > 0 && synonym_idf > original_idf) factor *= original_idf / synonym_idf;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_synonym, factor);
}

Xapian::Query QueryBuilder::gram_query(const std::string& text, bool org_only) const {
  const std::vector<CharGram> grams = char_bigrams(normalise_word(text));
  if (grams.empty() || utf8::length(utf8::trim(text)) < 2) return Xapian::Query();
  std::vector<std::string> words;
  for (const CharGram& g : grams) words.push_back(g.gram);
  const auto window = static_cast<Xapian::termcount>(grams.back().position - grams.front().position + 1);
  std::vector<Xapian::Query> fields = {sequence_query(words, schema::kOrgGramPrefix, Xapian::Query::OP_PHRASE, window)};
  if (!org_only) fields.push_back(sequence_query(words, schema::kGramPrefix, Xapian::Query::OP_PHRASE, window));
  // Weighted like an exact phrase: the string stands as typed in a name or title.
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_OR, fields), kPhraseBoost);
}

const NearCompound* QueryBuilder::near_compound(const WordPaths& paths, std::string_view prefix) const {
  if (!options_.near_terms || !prefix.empty()) return nullptr;
  return analyzer_.near_compounds().find(paths.main, paths.leaves);
}

Xapian::Query QueryBuilder::word_query(const std::vector<Token>& tokens, std::string_view prefix, bool exact_phrase,
                                       BuiltQuery& out) const {
  const WordPaths paths = split_paths(tokens);
  if (paths.main.empty()) return Xapian::Query();
  out.highlight_sequences.push_back(paths.main);
  if (paths.leaves != paths.main) out.highlight_sequences.push_back(paths.leaves);
  if (paths.main.size() == 1 && paths.leaves.size() <= 1) return Xapian::Query(schema::term(prefix, paths.main.front()));

  if (const NearCompound* compound = exact_phrase ? nullptr : near_compound(paths, prefix)) {
    // The parts stand near each other: the XW term says so, checked at index time, and
    // its wdf says how often. Standing in order (the compound itself, or its parts as a
    // phrase) raises the rank, as the exact phrase does below: the XE term. Both rank
    // by the compound's own statistics, as one word would, and neither needs the
    // posting lists of its parts (不正, 先: in most notices).
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                         Xapian::Query(schema::term(schema::kNearCompoundPrefix, compound->term)),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(schema::term(schema::kPhraseCompoundPrefix, compound->term)),
                                       kPhraseBoost));
  }

  std::vector<Xapian::Query> exact;
  exact.push_back(sequence_query(paths.main, prefix, Xapian::Query::OP_PHRASE, paths.span));
  if (paths.leaves != paths.main) {
    exact.push_back(sequence_query(paths.leaves, prefix, Xapian::Query::OP_PHRASE, paths.span));
  }
  Xapian::Query phrase = combine(Xapian::Query::OP_OR, exact);
  if (exact_phrase) return phrase;
  // A word MeCab splits matches where its pieces stand close together (NEAR); standing
  // in order (the exact phrase, a subset of those) raises its rank. AND_MAYBE checks
  // the phrase only in notices NEAR already matched, and only while it can still change
  // which notices make the top.
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                       sequence_query(paths.leaves, prefix, Xapian::Query::OP_NEAR, paths.span + kNearSlack),
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, kPhraseBoost));
}

}  // namespace kaiji
