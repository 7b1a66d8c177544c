#include "classify/classifier.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "classify/affected_count.h"
#include "base/term_table.h"
#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kNegationWindowChars = 30;
// The evidence of a value no rule gave, the taxonomy's fallback: its rule says so and why.
Evidence default_evidence(const char* field, const std::string& value, const char* why) {
  return {field, value, std::string("default (") + why + ")", "", "text", 0};
}
// How far a gapped rule's tail may stand after its head (決済画面に…不正なプログラム).
constexpr std::size_t kGapChars = 30;

constexpr std::size_t kEvidenceContextChars = 12;

LetterheadReader load_letterhead(const std::string& data_dir) {
  const std::string path = (std::filesystem::path(data_dir) / "organisation_words.tsv").string();
  return LetterheadReader(OrganisationWords(read_table_file(path), path));
}

// The matched text with a few characters either side, on its line: what a reader needs
// to see why a rule held.
std::string context_of(std::string_view text, std::size_t offset, std::size_t length) {
  std::size_t begin = offset;
  for (std::size_t chars = 0; begin > 0 && chars < kEvidenceContextChars && text[begin - 1] != '\n'; ++chars) {
    do --begin; while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80);
  }
  std::string_view after = utf8::prefix(text.substr(offset + length), kEvidenceContextChars);
  after = after.substr(0, std::min(after.find('\n'), after.size()));
  return std::string(text.substr(begin, offset + length - begin)) + std::string(after);
}

// Evidence positions are recorded as byte offsets into the folded field they name; this
// turns them into code points with one walk over each field, not one per value.
void to_code_points(std::vector<Evidence>& evidence, std::string_view field_name, std::string_view field) {
  std::vector<Evidence*> in_field;
  for (Evidence& e : evidence) {
    if (e.where == field_name) in_field.push_back(&e);
  }
  std::sort(in_field.begin(), in_field.end(), [](const Evidence* a, const Evidence* b) { return a->position < b->position; });
  // A folded field is NFKC output, valid UTF-8 (a bad byte became U+FFFD), so the count
  // needs no decoding, which cost 5% of the classifier.
  std::size_t bytes = 0, code_points = 0;
  for (Evidence* e : in_field) {
    const std::size_t target = std::min(e->position, field.size());
    code_points += utf8::length_of_valid(field.substr(bytes, target - bytes));
    bytes = target;
    e->position = code_points;
  }
}

// The hits of "title\nbody" from those of its two parts: no phrase spans the line break.
PhraseHits title_and_body(std::size_t title_bytes, const PhraseHits& title, const PhraseHits& body) {
  PhraseHits hits = title;
  for (const auto& [offset, phrase] : body) hits.push_back({title_bytes + 1 + offset, phrase});
  return hits;
}

}  // namespace

void Classifier::add_cause_families(NoticeFacets& facets) const {
  for (const std::string& cause : facets.causes) {
    if (const auto family = taxonomy_.family(cause);
        family && std::find(facets.cause_families.begin(), facets.cause_families.end(), *family) ==
                      facets.cause_families.end()) {
      facets.cause_families.push_back(*family);
    }
  }
}

Classifier::Classifier(const std::string& data_dir)
    : folder_(read_table_file((std::filesystem::path(data_dir) / "variants.tsv").string())),
      letterhead_(load_letterhead(data_dir)) {
  namespace fs = std::filesystem;
  taxonomy_ = Taxonomy::load((fs::path(data_dir) / "taxonomy.tsv").string());
  const std::string path = (fs::path(data_dir) / "classification_rules.tsv").string();
  rules_file_ = "dict/" + fs::path(path).filename().string();
  std::vector<std::string> sectors;
  for (const FacetValue& v : taxonomy_.values("sector")) sectors.push_back(v.slug);
  const std::string sector_path = (fs::path(data_dir) / "sector_words.tsv").string();
  sectors_ = SectorReader(read_table_file(sector_path), sector_path, sectors, folder_);
  const std::string outcome_path = (fs::path(data_dir) / "outcome_words.tsv").string();
  outcomes_ = OutcomeReader(read_table_file(outcome_path), outcome_path, folder_);
  DataCues data_cues;
  for (const TableLine& line : read_table_file(path)) {
    const std::string where = path + ":" + std::to_string(line.line_number) + ": ";
    if (line.words.size() != 5) throw std::runtime_error(where + "expected facet, value, action, scope, pattern");
    const auto& w = line.words;
    if (read_cue_line(w, where, data_cues)) continue;
    add_rules(w, line.line_number, where);
  }
  std::vector<std::string> patterns;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const auto known = std::find(patterns.begin(), patterns.end(), rules_[r].pattern);
    if (known == patterns.end()) {
      patterns.push_back(rules_[r].pattern);
      rules_of_pattern_.push_back({r});
    } else {
      rules_of_pattern_[static_cast<std::size_t>(known - patterns.begin())].push_back(r);
    }
  }
  std::vector<DataPattern> data_patterns;
  for (const Rule& rule : rules_) {
    if (rule.facet == "data" && !rule.veto) data_patterns.push_back({rule.pattern, rule.value, rule.line});
  }
  data_cues.negations.insert(data_cues.negations.end(), negation_cues_.begin(), negation_cues_.end());
  data_ = DataReader(std::move(data_patterns), std::move(data_cues));
  for (const std::string& p : patterns) longest_pattern_ = std::max(longest_pattern_, p.size());
  const auto append = [&](const std::vector<std::string>& more) { patterns.insert(patterns.end(), more.begin(), more.end()); };
  negations_from_ = patterns.size();
  append(negation_cues_);
  outcome_from_ = patterns.size();
  append(outcomes_.phrases());
  data_from_ = patterns.size();
  append(data_.phrases());
  phrases_ = PhraseMatcher(std::move(patterns));
}

Classifier::FieldHits Classifier::find_hits(std::string_view text) const {
  FieldHits hits;
  phrases_.for_each_match(text, [&](std::size_t phrase, std::size_t offset) {
    if (phrase >= data_from_) hits.data.push_back({offset, phrase - data_from_});
    else if (phrase >= outcome_from_) hits.outcome.push_back({offset, phrase - outcome_from_});
    else if (phrase >= negations_from_) hits.negations.push_back({offset, phrase - negations_from_});
    else hits.rules.push_back({offset, phrase});
  });
  return hits;
}

Classifier::CueSpans Classifier::negation_spans(const PhraseHits& negations) const {
  CueSpans spans;
  for (const auto& [at, cue] : negations) spans.emplace_back(at, at + negation_cues_[cue].size());
  return spans;
}

// Whether the sentence after an occurrence denies it (「…は漏えいしていません」): a
// negation cue lies wholly within the next kNegationWindowChars of its sentence.
bool Classifier::denied(std::string_view text, std::size_t after, const CueSpans& negations) const {
  const std::string_view next = text.substr(after);
  if (std::any_of(exclusion_cues_.begin(), exclusion_cues_.end(),
                  [&](const std::string& cue) { return !next.empty() && next.front() == cue.front() && next.starts_with(cue); })) {
    return true;  // 「委託先以外の複数のIPアドレス」 sets it apart
  }
  std::string_view rest = utf8::prefix(next, kNegationWindowChars);
  rest = utf8::before_any(rest, {"。", "\n"});
  const std::size_t window_end = after + rest.size();
  auto cue = std::lower_bound(negations.begin(), negations.end(), std::make_pair(after, std::size_t{0}));
  for (; cue != negations.end() && cue->first < window_end; ++cue) {
    if (cue->second <= window_end) return true;
  }
  return false;
}

// Where a gapped rule's first tail after its head ends, in the sentence and within
// kGapChars; `after` itself for a rule without a gap; nothing when no tail follows.
std::optional<std::size_t> Classifier::tail_end(std::string_view text, std::size_t after, const std::vector<std::string>& tails) const {
  if (tails.empty()) return after;
  const std::string_view window = utf8::before_any(utf8::prefix(text.substr(after), kGapChars), {"。", "\n"});
  std::optional<std::size_t> end;
  for (const std::string& t : tails) {
    const std::size_t at = window.find(t);
    if (at != std::string_view::npos && (!end || after + at + t.size() < *end)) end = after + at + t.size();
  }
  return end;
}

// Whether occurrence i of a field's rule hits lies inside a longer occurrence of a pattern
// with a match rule of `facet`: in 「アカウントへの不正アクセス」 (account takeover) the
// 不正アクセス is not read again as unauthorized access.
bool Classifier::inside_longer(const PhraseHits& hits, std::size_t i, const std::string& facet) const {
  const auto size_of = [&](std::size_t pattern) { return rules_[rules_of_pattern_[pattern].front()].pattern.size(); };
  const std::size_t begin = hits[i].offset, end = begin + size_of(hits[i].phrase);
  const auto covers = [&](const PhraseHit& other) {
    const std::size_t other_end = other.offset + size_of(other.phrase);
    if (other.offset > begin || other_end < end || other_end - other.offset <= end - begin) return false;
    const auto& rules = rules_of_pattern_[other.phrase];
    return std::any_of(rules.begin(), rules.end(), [&](std::size_t r) { return !rules_[r].veto && rules_[r].facet == facet; });
  };
  for (std::size_t j = i; j-- > 0 && hits[j].offset + longest_pattern_ >= begin;) {
    if (covers(hits[j])) return true;
  }
  for (std::size_t j = i + 1; j < hits.size() && hits[j].offset == begin; ++j) {
    if (covers(hits[j])) return true;
  }
  return false;
}

// The field's rule hits mark the rules that one of their occurrences there satisfies.
// The title and the body are each read once and serve both their own scope and `text`: no
// pattern spans a line break, so that equals reading "title\nbody".
void Classifier::match_field(std::string_view text, const FieldHits& hits, Scope field, Matched& matched) const {
  const CueSpans negations = negation_spans(hits.negations);
  for (std::size_t i = 0; i < hits.rules.size(); ++i) {
    const auto& [offset, pattern] = hits.rules[i];
    for (const std::size_t r : rules_of_pattern_[pattern]) {
      const Rule& rule = rules_[r];
      const bool in_scope = rule.scope == field || (rule.scope == Scope::Text && field != Scope::Org);
      if (!in_scope || matched[r].found || (!rule.veto && inside_longer(hits.rules, i, rule.facet))) continue;
      const std::size_t after = offset + rule.pattern.size();
      // A gapped rule is denied after its head or after its tail (「VPN装置…を経由した侵入の形跡は
      // 見つかっておりません」).
      const auto end = tail_end(text, after, rule.tails);
      if (!end || denied(text, after, negations) || denied(text, *end, negations)) continue;
      if (!rule.veto && occurrence_context_.excludes(text, offset, after, rule.value)) continue;
      matched[r] = {true, field, offset};
    }
  }
}

Classifier::Matched Classifier::match_rules(const FoldedNotice& folded) const {
  Matched matched(rules_.size());
  match_field(folded.org, folded.org_hits, Scope::Org, matched);
  match_field(folded.title, folded.title_hits, Scope::Title, matched);
  match_field(folded.body, folded.body_hits, Scope::Body, matched);
  return matched;
}

std::vector<std::pair<std::string, std::size_t>> Classifier::multi_valued(const std::string& facet,
                                                                         const Matched& matched) const {
  // A value holds when one of its match rules holds and none of its veto rules does, or
  // when a name rule holds (a malware family's name, whatever else the notice says).
  const auto& values = taxonomy_.values(facet);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> found(values.size(), kNone);  // the first rule that gave it
  std::vector<bool> vetoed(values.size(), false);
  std::vector<bool> settled(values.size(), false);
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (!matched[r].found || rules_[r].facet != facet) continue;
    const std::size_t v = rules_[r].value_index;
    if (rules_[r].veto) vetoed[v] = true;
    else if (found[v] == kNone) found[v] = r;
    if (rules_[r].settles) settled[v] = true;
  }
  std::vector<std::pair<std::string, std::size_t>> out;
  for (std::size_t v = 0; v < values.size(); ++v) {
    if (found[v] != kNone && (!vetoed[v] || settled[v])) out.emplace_back(values[v].slug, found[v]);
  }
  return out;
}

std::optional<std::pair<std::string, std::size_t>> Classifier::single_valued(const std::string& facet,
                                                                            const Matched& matched) const {
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (rules_[r].facet == facet && !rules_[r].veto && matched[r].found) return std::make_pair(rules_[r].value, r);
  }
  return std::nullopt;
}

Evidence Classifier::rule_evidence(const std::string& field, std::size_t r, const Matched& matched,
                                   const FoldedNotice& folded) const {
  const Hit& hit = matched[r];
  const std::string& text = hit.field == Scope::Org ? folded.org : hit.field == Scope::Title ? folded.title : folded.body;
  const char* where = hit.field == Scope::Org ? "org" : hit.field == Scope::Title ? "title" : "body";
  return {field, rules_[r].value, rules_file_ + ":" + std::to_string(rules_[r].line),
          context_of(text, hit.offset, rules_[r].pattern.size()), where,
          hit.offset};  // bytes here; code points once all evidence is in (to_code_points)
}

void Classifier::annotate(Notice& notice, NormalizedText* normalized_body) const {
  std::vector<Evidence> evidence;
  letterhead_.complete(notice, evidence);
  if (normalized_body) *normalized_body = normalize_with_offsets(notice.body);
  notice.facets = classify(notice, normalized_body);
  notice.facets.evidence.insert(notice.facets.evidence.begin(), evidence.begin(), evidence.end());
}

Classifier::FoldedNotice Classifier::fold_notice(const Notice& notice, const NormalizedText* normalized_body) const {
  FoldedNotice folded{folder_.fold(notice.org), folder_.fold(notice.title),
                      normalized_body ? folder_.fold_normalized(normalized_body->text()) : folder_.fold(notice.body),
                      {}, {}, {}};
  folded.org_hits = find_hits(folded.org);
  folded.title_hits = find_hits(folded.title);
  folded.body_hits = find_hits(folded.body);
  return folded;
}

// The data types, each with its evidence, in taxonomy order as every other multi-valued facet.
void Classifier::add_data(const FoldedNotice& folded, NoticeFacets& facets) const {
  for (const DataFinding& found : data_.read(folded.body, folded.body_hits.data)) {
    facets.data.push_back(found.value);
    facets.evidence.push_back({"data", found.value,
                               found.line == 0 ? "a list item of a data section, not in " + rules_file_
                                               : rules_file_ + ":" + std::to_string(found.line),
                               context_of(folded.body, found.offset, found.length), "body",
                               found.offset});
  }
  const auto& data_values = taxonomy_.values("data");
  std::sort(facets.data.begin(), facets.data.end(), [&](const std::string& a, const std::string& b) {
    const auto rank = [&](const std::string& v) {
      return std::find_if(data_values.begin(), data_values.end(), [&](const FacetValue& f) { return f.slug == v; }) -
             data_values.begin();
    };
    return rank(a) < rank(b);
  });
}

NoticeFacets Classifier::classify(const Notice& notice, const NormalizedText* normalized_body) const {
  const FoldedNotice folded = fold_notice(notice, normalized_body);
  const Matched matched = match_rules(folded);
  NoticeFacets facets;
  const auto record = [&](const char* field, std::size_t rule) {
    facets.evidence.push_back(rule_evidence(field, rule, matched, folded));
  };
  for (const auto& [cause, rule] : multi_valued("cause", matched)) {
    facets.causes.push_back(cause);
    record("cause", rule);
  }
  // `contractor` says where, not what: alone it still needs a leaf for what happened.
  if (facets.causes.empty() || (facets.causes.size() == 1 && facets.causes.front() == "contractor")) {
    facets.causes.push_back("other");
    facets.evidence.push_back(default_evidence("cause", "other", "no cause rule matched"));
  }
  add_cause_families(facets);
  facets.sector = taxonomy_.values("sector").front().slug;
  if (const auto sector = sectors_.read(folded.title, folded.org, folded.body)) {
    facets.sector = sector->sector;
    const std::string& field = sector->where == std::string_view("title") ? folded.title
                               : sector->where == std::string_view("org") ? folded.org : folded.body;
    facets.evidence.push_back({"sector", sector->sector, "dict/sector_words.tsv:" + std::to_string(sector->line),
                               context_of(field, sector->offset, sector->word.size()), sector->where,
                               sector->offset});
  } else {
    facets.evidence.push_back(default_evidence("sector", facets.sector, "no sector word found"));
  }
  add_data(folded, facets);
  facets.outcome = taxonomy_.values("outcome").front().slug;
  const std::string text = folded.title + "\n" + folded.body;
  if (const auto outcome = outcomes_.read(text, title_and_body(folded.title.size(), folded.title_hits.outcome,
                                                             folded.body_hits.outcome))) {
    facets.outcome = outcome->outcome;
    facets.evidence.push_back({"outcome", outcome->outcome, "dict/outcome_words.tsv:" + std::to_string(outcome->line),
                               text.substr(outcome->offset, outcome->length), "text",
                               outcome->offset});
  } else if (const auto outcome = single_valued("outcome", matched)) {
    facets.outcome = outcome->first;
    record("outcome", outcome->second);
  } else {
    facets.evidence.push_back(default_evidence("outcome", facets.outcome, "no statement of the outcome found"));
  }
  if (const auto count = headline_count_in_normalised(text)) {
    facets.affected = count->value;
    facets.evidence.push_back({"affected", std::to_string(count->value), "headline count (core/classify/affected_count.cc)",
                               context_of(text, count->offset, 0), "text",
                               count->offset});
  }
  to_code_points(facets.evidence, "org", folded.org);
  to_code_points(facets.evidence, "title", folded.title);
  to_code_points(facets.evidence, "body", folded.body);
  to_code_points(facets.evidence, "text", text);
  // The year to browse by: the notice's date, else its incident number's, else the year
  // of the first date it mentions (the incident's, close enough for a year filter).
  if (notice.date) {
    facets.year = notice.date->year;
  } else if (notice.incident.size() >= 4) {
    facets.year = std::stoi(notice.incident.substr(0, 4));
  } else if (const std::vector<Date> mentioned = find_dates(notice.body); !mentioned.empty()) {
    facets.year = mentioned.front().year;
  }
  return facets;
}

}  // namespace kaiji
