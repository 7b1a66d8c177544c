#include "result_output.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "evidence_output.h"
#include "safe_text.h"

namespace kaiji {
namespace {

using ojson = nlohmann::ordered_json;

ojson optional_json(const auto& value) { return value ? ojson(*value) : ojson(nullptr); }

// The fields every notice carries, in the documented order.
ojson notice_fields(const Notice& n) {
  ojson release = ojson::array();
  for (const Date& d : n.release_dates) release.push_back(d.iso());
  return {
      {"id", n.id},
      {"incident", n.incident},
      {"org", n.org},
      {"title", n.title},
      {"date", n.date ? ojson(n.date->iso()) : ojson(nullptr)},
      {"release_dates", release},
      {"causes", n.facets.causes},
      {"cause_families", n.facets.cause_families},
      {"sector", n.facets.sector},
      {"year", optional_json(n.facets.year)},
      {"affected", optional_json(n.facets.affected)},
      {"data", n.facets.data},
      {"outcome", n.facets.outcome},
      {"labels", n.labels},
      {"sources", n.sources},
      {"url", n.url},
  };
}

ojson hit_to_json(const SearchHit& hit, const SearchResponse& response) {
  ojson out = {{"rank", hit.rank}, {"score", std::round(hit.score * 1000.0) / 1000.0},
               {"match", hit.partial ? "partial" : "all"}};
  if (hit.partial && response.partial) out["matched_words"] = hit.matched_words;
  if (response.grouped) out["group_count"] = hit.group_size;
  const ojson fields = notice_fields(hit.notice);
  for (const auto& [key, value] : fields.items()) out[key] = value;
  ojson highlights = ojson::array();
  for (const auto& [begin, end] : hit.snippet.highlights) highlights.push_back({begin, end});
  out["snippet"] = hit.snippet.text;
  out["highlights"] = highlights;
  return out;
}

std::string dump(const ojson& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "  · ランサムウェア・委託先経由  · 金融・保険  · 対象 69,403  · 漏えい確認"
std::string describe_facets(const NoticeFacets& f, const Taxonomy& taxonomy) {
  std::string out;
  std::string causes;
  for (const std::string& c : f.causes) causes += (causes.empty() ? "" : "・") + taxonomy.display("cause", c);
  for (const std::string& part : {causes, f.sector.empty() ? std::string() : taxonomy.display("sector", f.sector),
                                  f.affected ? "対象 " + with_thousands(*f.affected) : std::string(),
                                  f.outcome.empty() ? std::string() : taxonomy.display("outcome", f.outcome)}) {
    if (!part.empty()) out += "  · " + part;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string format_score(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

// The notice's own text as a terminal may show it (safe_text.h).
Notice visible_notice(const Notice& notice) {
  Notice out = notice;
  for (std::string* text : {&out.id, &out.incident, &out.org, &out.title, &out.body, &out.url}) {
    *text = visible_controls(*text);
  }
  for (std::vector<std::string>* list : {&out.labels, &out.sources}) {
    for (std::string& text : *list) text = visible_controls(text);
  }
  return out;
}

}  // namespace

std::string with_thousands(unsigned long long n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

ojson response_to_json(const SearchResponse& response) {
  ojson results = ojson::array();
  for (const SearchHit& hit : response.hits) results.push_back(hit_to_json(hit, response));
  ojson out = {
      {"query", response.query},
      {"total", response.total},
      {"total_is_estimate", !response.total_is_exact},
      {"time_limited", response.time_limited},
      {"sort", response.sort},
      {"partial", response.partial},
      {"grouped", response.grouped},
      {"suggestion", response.suggestion.empty() ? ojson(nullptr) : ojson(response.suggestion)},
      {"results", results},
  };
  if (!response.relaxations.empty()) {
    ojson relaxations = ojson::array();
    for (const FilterRelaxation& r : response.relaxations) {
      relaxations.push_back({{"drop", r.drop}, {"total", r.total}, {"total_is_estimate", !r.total_is_exact}});
    }
    out["relaxations"] = relaxations;
  }
  const auto add_words = [&](const char* name, const std::vector<std::string>& words) {
    if (!words.empty()) out[name] = words;
  };
  add_words("words", response.searched_words);
  add_words("absent_words", response.absent_words);
  add_words("prefix_words", response.prefix_words);
  if (!response.facets.empty()) {
    out["facet_unit"] = response.facets_count_groups ? "incident" : "notice";
    ojson facets = ojson::object();
    for (const FacetCounts& f : response.facets) {
      ojson counts = ojson::object();
      for (const FacetCount& c : f.counts) counts[c.value] = c.count;
      facets[f.facet] = counts;
    }
    out["facets"] = facets;
  }
  return out;
}

void write_json(std::ostream& out, const SearchResponse& response) { out << dump(response_to_json(response), 2) << '\n'; }

void write_jsonl(std::ostream& out, const SearchResponse& response) {
  for (const SearchHit& hit : response.hits) out << dump(hit_to_json(hit, response), -1) << '\n';
}

void write_csv(std::ostream& out, const SearchResponse& response, bool bom) {
  write_csv_header(out, bom);
  write_csv_rows(out, response);
}

void write_csv_header(std::ostream& out, bool bom) {
  if (bom) out << "\xEF\xBB\xBF";
  out << "rank,score,match,group_count,id,incident,org,title,date,causes,sector,affected,data,outcome,labels,snippet\r\n";
}

void write_csv_rows(std::ostream& out, const SearchResponse& response) {
  for (const SearchHit& hit : response.hits) {
    const Notice& n = hit.notice;
    const NoticeFacets& f = n.facets;
    const std::vector<std::string> row = {
        std::to_string(hit.rank),
        format_score(hit.score),
        hit.partial ? "partial" : "all",
        response.grouped ? std::to_string(hit.group_size) : "",
        n.id,
        n.incident,
        n.org,
        n.title,
        n.date ? n.date->iso() : "",
        join(f.causes, ";"),
        f.sector,
        f.affected ? std::to_string(*f.affected) : "",
        join(f.data, ";"),
        f.outcome,
        join(n.labels, ";"),
        hit.snippet.text,
    };
    for (std::size_t k = 0; k < row.size(); ++k) out << (k ? "," : "") << csv_cell(row[k]);
    out << "\r\n";
  }
}

namespace {

std::string count_of(std::size_t total, bool exact, bool grouped) {
  return std::string(exact ? "" : "about ") + with_thousands(total) + (grouped ? " incident" : " notice") +
         (total == 1 ? "" : "s");
}

// " — without year:2023: 3 notices; without sector:finance: 1 notice", the drop that
// finds most first.
std::string relaxations_text(const SearchResponse& response) {
  std::vector<FilterRelaxation> drops = response.relaxations;
  std::stable_sort(drops.begin(), drops.end(),
                   [](const FilterRelaxation& a, const FilterRelaxation& b) { return a.total > b.total; });
  std::string out;
  for (const FilterRelaxation& drop : drops) {
    out += (out.empty() ? " — without " : "; without ") + visible_controls(drop.drop) + ": " +
           count_of(drop.total, drop.total_is_exact, response.grouped);
  }
  return out;
}

// "28 notices for 漏えい" when the page holds every result, else "11–20 of 28 notices for
// 漏えい"; "about" when the total is estimated. For a corrected query, its own.
void write_headline(std::ostream& out, const SearchResponse& response) {
  const std::string& query = response.suggestion.empty() ? response.query : response.suggestion;
  const std::size_t first = response.offset + 1, last = response.offset + response.hits.size();
  const bool whole = response.offset == 0 && response.hits.size() == response.total && response.total_is_exact;
  if (!response.hits.empty() && !whole) {
    out << with_thousands(first) << (first == last ? "" : "–" + with_thousands(last)) << " of ";
  }
  out << count_of(response.total, response.total_is_exact, response.grouped);
  if (!response.like_id.empty()) out << " like " << response.like_id;
  out << (query.empty() ? "" : (response.like_id.empty() ? " for " : " matching ") + visible_controls(query));
  if (response.sort != "relevance") out << ", sorted by " << response.sort;
  if (response.hits.empty() && response.offset > 0 && response.offset >= response.total) {
    out << "; none past result " << with_thousands(response.offset) << " (--offset " << response.offset << ")";
  }
  if (response.total == 0) out << relaxations_text(response);
  out << '\n';
}

// After a page that is not the last: the option that shows the next one.
void write_next_page_hint(std::ostream& out, const SearchResponse& response, const char* dim, const char* reset) {
  const std::size_t shown = response.offset + response.hits.size();
  if (response.hits.empty() || shown >= response.total) return;
  const std::size_t next_last = std::min(response.total, shown + response.hits.size());
  out << '\n' << dim << "Next page: --offset " << shown << " (results " << with_thousands(shown + 1) << "–"
      << with_thousands(next_last) << " of " << (response.total_is_exact ? "" : "about ")
      << with_thousands(response.total) << ")" << reset << '\n';
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

// How the query was read: as words of a question, with prefixes, without the words no
// notice holds.
void write_reading(std::ostream& out, const SearchResponse& response, const char* bold, const char* reset) {
  if (!response.searched_words.empty()) {
    out << "Read as the words: " << joined(response.searched_words, " · ") << '\n';
  }
  for (const std::string& word : response.prefix_words) {
    out << "No notice has the word " << word << "; it was matched as the start of longer words (" << word << "*)\n";
  }
  if (!response.absent_words.empty()) {
    out << bold << "No notice contains: " << joined(response.absent_words, ", ") << reset << '\n';
  }
  if (response.partial) {
    out << bold
        << (response.searched_words.empty() ? "No notice contains every word; these match some of them (most words first)."
                                            : "Ranked by these words: notices holding more of them, and the rarer ones, come first.")
        << reset << '\n';
  }
}

}  // namespace

void write_text(std::ostream& out, const SearchResponse& response, const Taxonomy& taxonomy, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  if (!response.suggestion.empty()) {
    out << bold << "もしかして: " << visible_controls(response.suggestion) << reset << "  " << dim << "(nothing matches "
        << visible_controls(response.query) << " as typed; these are the results for "
        << visible_controls(response.suggestion) << ")" << reset << '\n';
  }
  write_headline(out, response);
  if (response.time_limited) {
    out << bold << "The search ran past its time bound (--time-limit): counts may be estimates and stop short." << reset
        << '\n';
  }
  write_reading(out, response, bold, reset);
  if (!response.facets.empty()) {
    out << '\n';
    if (response.facets_count_groups) {
      out << "  " << dim << "facet counts are incidents (a notice without an incident number counts as one)" << reset
          << '\n';
    }
    for (const FacetCounts& f : response.facets) {
      if (f.counts.empty()) continue;
      out << "  " << dim << f.facet << reset << "  ";
      for (std::size_t k = 0; k < f.counts.size(); ++k) {
        out << (k ? " · " : "") << taxonomy.display(f.facet, f.counts[k].value) << ' ' << with_thousands(f.counts[k].count);
      }
      out << '\n';
    }
  }
  for (const SearchHit& hit : response.hits) {
    const Notice n = visible_notice(hit.notice);
    const Snippet snippet = visible_snippet(hit.snippet);
    out << '\n' << hit.rank << ". " << (n.date ? n.date->iso() : std::string("(no date)")) << "  " << bold
        << (n.org.empty() ? std::string("(organisation unknown)") : n.org) << reset;
    if (hit.partial && response.partial) {
      out << "  [partial: " << hit.matched_words << " of " << response.query_words << " words]";
    } else if (hit.partial) {
      out << "  [prefix match]";
    }
    if (response.grouped && !n.incident.empty()) {
      out << "  [" << hit.group_size << (hit.group_size == 1 ? " notice" : " notices") << " in #" << n.incident << "]";
    }
    out << '\n'
        << "   " << n.title << '\n'
        << "   " << dim << (n.incident.empty() ? "" : "#" + n.incident + "  ") << "id " << n.id
        << describe_facets(n.facets, taxonomy) << reset << '\n'
        << "   " << (color ? mark_snippet(snippet, "\033[1;33m", "\033[0m") : mark_snippet(snippet)) << '\n';
  }
  write_next_page_hint(out, response, dim, reset);
}

ojson notice_to_json(const Notice& notice) {
  ojson out = notice_fields(notice);
  out["body"] = notice.body;
  out["evidence"] = evidence_to_json(notice.facets.evidence);
  return out;
}

void write_notice_text(std::ostream& out, const Notice& notice, const Taxonomy& taxonomy) {
  const Notice n = visible_notice(notice);
  out << n.title << '\n'
      << "organisation: " << (n.org.empty() ? "(unknown)" : n.org) << '\n'
      << "date:         " << (n.date ? n.date->iso() : "(none)") << '\n';
  if (!n.release_dates.empty()) {
    std::vector<std::string> dates;
    for (const Date& d : n.release_dates) dates.push_back(d.iso());
    out << "released:     " << join(dates, ", ") << '\n';
  }
  if (!n.incident.empty()) out << "incident:     #" << n.incident << '\n';
  std::vector<std::string> causes;
  for (const std::string& c : n.facets.causes) causes.push_back(taxonomy.display("cause", c));
  std::vector<std::string> data;
  for (const std::string& d : n.facets.data) data.push_back(taxonomy.display("data", d));
  out << "causes:       " << join(causes, "・") << '\n'
      << "sector:       " << taxonomy.display("sector", n.facets.sector) << '\n'
      << "affected:     " << (n.facets.affected ? with_thousands(*n.facets.affected) : "(not stated)") << '\n'
      << "data:         " << join(data, "・") << '\n'
      << "outcome:      " << taxonomy.display("outcome", n.facets.outcome) << '\n'
      << "labels:       " << join(n.labels, ", ") << '\n'
      << "sources:      " << join(n.sources, ", ") << '\n'
      << "id:           " << n.id << "\n\n"
      << n.body << '\n';
}

}  // namespace kaiji
