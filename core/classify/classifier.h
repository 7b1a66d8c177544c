// Classification at index time, driven by rules kept as data (dict/classification_rules.tsv)
// and the taxonomy (dict/taxonomy.tsv): causes and their families, sector, leaked data
// types and outcome by phrase rules; affected count and year by their own readers.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/notice.h"
#include "base/taxonomy.h"
#include "base/text_normalizer.h"
#include "classify/data_reader.h"
#include "classify/letterhead.h"
#include "classify/occurrence_context.h"
#include "classify/outcome_reader.h"
#include "classify/phrase_matcher.h"
#include "classify/sector_reader.h"
#include "classify/text_folder.h"

namespace kaiji {

class Classifier {
 public:
  // Raised when the extraction code changes what it reads out of the same text, so that
  // indexes re-classify their notices (the indexer hashes it with data_files()).
  static constexpr int kExtractionVersion = 19;
  // The tables of data_dir the classifier reads.
  static constexpr std::array<const char*, 6> kDataFiles = {"taxonomy.tsv", "classification_rules.tsv",
                                                           "organisation_words.tsv", "sector_words.tsv",
                                                           "outcome_words.tsv", "variants.tsv"};

  // Loads taxonomy.tsv, classification_rules.tsv, variants.tsv and the organisation,
  // sector and outcome word tables from
  // data_dir. Every rule's facet and value must exist in the taxonomy; otherwise
  // std::runtime_error names the line.
  explicit Classifier(const std::string& data_dir);

  // Everything index time reads out of a notice: its org and date where the reader left
  // them empty (see letterhead.h), then its facets, each value with its evidence.
  // normalized_body, when given, receives normalize_with_offsets() of the body as it stands
  // after that (the letterhead may move a line into it): the classifier reads it, and the
  // analyser can take it instead of normalising the body again.
  void annotate(Notice& notice, NormalizedText* normalized_body = nullptr) const;
  // The facets of a notice as it stands, with their evidence. normalized_body, when
  // given, is the body's normalize_with_offsets().
  NoticeFacets classify(const Notice& notice, const NormalizedText* normalized_body = nullptr) const;
  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  enum class Scope { Org, Title, Body, Text };
  struct Rule {
    std::string facet;
    std::string value;
    bool veto = false;
    bool settles = false;  // action name: no veto takes the value away (Emotet beside ランサムウェア)
    Scope scope = Scope::Text;
    std::string pattern;  // normalised
    // A gapped rule's tails: one must follow the pattern in its sentence (normalised).
    std::vector<std::string> tails;
    std::size_t line = 0;
    std::size_t value_index = 0;  // of value in taxonomy_.values(facet)
  };
  // The first occurrence of a rule's pattern that is not denied.
  struct Hit {
    bool found = false;
    Scope field = Scope::Text;
    std::size_t offset = 0;  // bytes into the folded field
  };
  // Which rules hold for one notice: rule index → its hit.
  using Matched = std::vector<Hit>;
  // Where every reader's phrases occur in one field, found in one pass over it: the rules'
  // patterns, the negation cues, the outcome reader's and the data reader's words, each
  // numbered as in its own list.
  struct FieldHits {
    PhraseHits rules, negations, outcome, data;
  };
  // The notice's fields as the rules see them (normalised, lower case), with their hits.
  struct FoldedNotice {
    std::string org, title, body;
    FieldHits org_hits, title_hits, body_hits;
  };
  void add_rules(const std::vector<std::string>& w, std::size_t line_number, const std::string& where);
  void add_data(const FoldedNotice& folded, NoticeFacets& facets) const;
  std::optional<std::size_t> tail_end(std::string_view text, std::size_t after, const std::vector<std::string>& tails) const;
  bool read_cue_line(const std::vector<std::string>& w, const std::string& where, DataCues& data_cues);
  FieldHits find_hits(std::string_view text) const;
  FoldedNotice fold_notice(const Notice& notice, const NormalizedText* normalized_body) const;
  void add_cause_families(NoticeFacets& facets) const;

  Matched match_rules(const FoldedNotice& folded) const;
  void match_field(std::string_view text, const FieldHits& hits, Scope field, Matched& matched) const;
  bool inside_longer(const PhraseHits& hits, std::size_t i, const std::string& facet) const;
  // Where the negation cues occur in one field, as (begin, end) by begin: found in one
  // pass, since denied() is asked about every occurrence of every rule.
  using CueSpans = std::vector<std::pair<std::size_t, std::size_t>>;
  CueSpans negation_spans(const PhraseHits& negations) const;
  bool denied(std::string_view text, std::size_t after, const CueSpans& negations) const;
  // Values with the rule index that set each.
  std::vector<std::pair<std::string, std::size_t>> multi_valued(const std::string& facet, const Matched& matched) const;
  std::optional<std::pair<std::string, std::size_t>> single_valued(const std::string& facet, const Matched& matched) const;
  Evidence rule_evidence(const std::string& field, std::size_t rule, const Matched& matched,
                         const FoldedNotice& folded) const;

  TextFolder folder_;  // first: the rules and the readers' words are folded with it
  Taxonomy taxonomy_;
  LetterheadReader letterhead_;
  SectorReader sectors_;
  OutcomeReader outcomes_;
  DataReader data_;
  std::string rules_file_;  // its name, for evidence
  std::vector<Rule> rules_;
  std::vector<std::string> negation_cues_;
  // Cues that deny a rule's occurrence only right after it (委託先以外): negation lines
  // with action `follows`. Not applied to data types, whose lists say 「氏名以外の…」.
  std::vector<std::string> exclusion_cues_;
  // Cues around an occurrence that make it someone else's (actions not_of, not_by).
  OccurrenceContext occurrence_context_;
  // Every distinct rule pattern once (rules_of_pattern_[p] lists the rules using pattern
  // p), then the negation cues, the outcome reader's and the data reader's phrases, from
  // these offsets on: one pass per field finds them all (find_hits).
  PhraseMatcher phrases_;
  std::size_t negations_from_ = 0, outcome_from_ = 0, data_from_ = 0;
  std::size_t longest_pattern_ = 0;  // bytes of the longest rule pattern
  std::vector<std::vector<std::size_t>> rules_of_pattern_;
};

}  // namespace kaiji
