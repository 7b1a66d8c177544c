// The notice model: what one disclosure notice is, before and after analysis.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace kaiji {

// Why a field has its value: the rule or place that set it and the text it matched, so an
// analyst sees why a notice is "finance" and a maintainer sees which rule line to fix.
struct Evidence {
  std::string field;           // org, date, sector, cause, outcome, data, affected
  std::string value;           // the value it gave (a slug for facets)
  std::string rule;            // "classification_rules.tsv:144", "organisation_words.tsv (letterhead)"
  std::string text;            // the text it matched
  std::string where;           // title | body | org | header
  std::size_t position = 0;    // code points from the start of `where`

  bool operator==(const Evidence&) const = default;
};

// What the classifier read out of a notice: the facets analysts browse by.
struct NoticeFacets {
  std::vector<std::string> causes;          // cause slugs (multi-valued)
  std::vector<std::string> cause_families;  // their families (cyber, error, …)
  std::string sector;                       // one sector slug
  std::vector<std::string> data;            // leaked data types
  std::string outcome;                      // leaked | possible | not_leaked
  std::optional<std::int64_t> affected;     // headline number of people/records
  std::optional<int> year;                  // publication year (or the incident number's)
  std::vector<Evidence> evidence;           // one or more per field that has a value
};

struct Notice {
  std::string id;                    // stable across runs (see notice_id.h)
  std::string incident;              // the blog's incident number, e.g. 2024-217; may be empty
  std::string org;                   // publishing organisation; may be empty
  std::string title;
  std::optional<Date> date;          // publication date
  std::vector<Date> release_dates;   // original release date(s) of the organisation's notice
  std::vector<std::string> labels;   // blog labels of the pages it appeared on
  std::string body;                  // cleaned text
  std::vector<std::string> sources;  // "file:line" of every place it was read from
  std::string url;                   // where the organisation published it, when known
  bool id_from_source = false;       // the input named its id (JSONL "id"); keep it as given
  NoticeFacets facets;               // filled by the classifier at index time
};

}  // namespace kaiji
