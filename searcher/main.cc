// kaiji-searcher: searches the kaiji index in Japanese; text for people, JSON/JSONL/CSV
// for tools.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <iostream>

#include <xapian.h>

#include "cli/command_line.h"
#include "database_opening.h"
#include "index/layout.h"
#include "index/schema.h"
#include "facet_listing.h"
#include "query_syntax.h"
#include "evidence_output.h"
#include "result_export.h"
#include "result_output.h"
#include "search_engine.h"

namespace po = kaiji::cli::po;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kMaxLimit = 10000;
constexpr std::size_t kMaxQueryBytes = 10000;
constexpr double kDefaultTimeLimit = 5.0;  // seconds

enum class Format { Text, Json, Jsonl, Csv };

// What the command line asks for: the options as given, then (validate) the request and
// output format they make.
struct Invocation {
  kaiji::AnalysisOptions analysis = kaiji::default_analysis_options();
  std::vector<std::string> db_paths;
  std::vector<std::string> words;
  kaiji::SearchRequest request;
  bool json = false, jsonl = false, csv = false, bom = false, no_synonyms = false;
  std::string sort, group, show_id, limit, offset;
  bool show = false, like = false;  // --show, --like given (perhaps with an empty id)
  bool explain = false;             // --show ID --explain
  bool list_facets = false;
  bool limit_all = false;  // --limit all: stream every match (--jsonl, --csv)
  Format format = Format::Text;
};

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "date", "date:asc", "affected:desc", "relevance".
void parse_sort(const std::string& spec, kaiji::SearchRequest& request) {
  const std::size_t colon = spec.find(':');
  const std::string key = spec.substr(0, colon);
  const std::string order = colon == std::string::npos ? "desc" : spec.substr(colon + 1);
  if (order != "asc" && order != "desc") throw po::error("--sort order must be asc or desc, not '" + order + "'");
  request.ascending = order == "asc";
  if (key == "relevance") {
    if (request.ascending) throw po::error("--sort relevance always puts the best match first");
    request.sort = kaiji::SortKey::Relevance;
  } else if (key == "date") {
    request.sort = kaiji::SortKey::Date;
  } else if (key == "affected") {
    request.sort = kaiji::SortKey::Affected;
  } else {
    throw po::error("--sort takes relevance, date or affected (optionally :asc or :desc), not '" + key + "'");
  }
}

// The options, bound to the fields of `given` (which must outlive the description).
po::options_description define_options(Invocation& given) {
  po::options_description visible(
      "Usage: kaiji-searcher --db DIR [options] [QUERY...]\n"
      "Searches breach notices. Words are ANDed; field:value filters narrow (cause:ransomware,\n"
      "year:2022..2024, affected:>=10000 …); no words at all browses, newest first.\n"
      "Query language: word1 word2 (both), a OR b, -word / NOT word, \"exact phrase\",\n"
      "(parentheses), title:word, org:name; filters cause:, cause_family:, sector:, data:,\n"
      "outcome:, label:, incident:, year:2024 / year:2022..2024, date:2024-01-01..2024-06-30,\n"
      "affected:>=1000 / affected:100..5000. --list-facets shows every facet value.\n\n"
      "Options");
  kaiji::SearchRequest& request = given.request;
  visible.add_options()
      ("help,h", "show this help")
      ("version", "print the kaiji version and the index format it reads")
      ("db", po::value(&given.db_paths)->value_name("DIR|tcp://HOST:PORT"),
       "index directory, or an index served by xapian-tcpsrv; repeat to search several as one")
      ("limit", po::value(&given.limit)->value_name("N|all"),
       "results to show (default 10, at most 10000; all: every match, with --jsonl or --csv)")
      ("offset", po::value(&given.offset)->value_name("N"), "results to skip (default 0)")
      ("sort", po::value(&given.sort)->value_name("KEY[:asc|:desc]"), "relevance, date or affected (default: relevance; date when browsing)")
      ("group", po::value(&given.group)->value_name("incident"), "one result per incident number, with its count")
      ("facets", po::bool_switch(&request.facets), "count every facet over all matches")
      ("like", po::value(&request.like_id)->value_name("ID")->notifier([&given](const std::string&) { given.like = true; }),
       "notices similar to notice ID (the query, if any, narrows them)")
      ("show", po::value(&given.show_id)->value_name("ID")->notifier([&given](const std::string&) { given.show = true; }),
       "print the whole notice ID with its metadata")
      ("explain", po::bool_switch(&given.explain),
       "with --show: also why each field has its value (the dict/ rule line and the text it matched)")
      ("list-facets", po::bool_switch(&given.list_facets),
       "list every facet and value (slug, Japanese name, family) with its count in the index")
      ("json", po::bool_switch(&given.json), "one JSON object on stdout (docs/json-output.md)")
      ("jsonl", po::bool_switch(&given.jsonl), "one JSON result per line, for pipes")
      ("csv", po::bool_switch(&given.csv), "CSV with a header row, UTF-8")
      ("bom", po::bool_switch(&given.bom), "with --csv: start with a UTF-8 byte-order mark (for Excel)")
      ("time-limit", po::value(&given.request.time_limit)->value_name("SECONDS")->default_value(kDefaultTimeLimit),
       "stop counting every match after this long (0: never); the output then says so")
      ("no-synonyms", po::bool_switch(&given.no_synonyms), "do not expand query words with dict/synonyms.tsv and dict/loanwords.tsv");
  kaiji::cli::add_analysis_options(visible, given.analysis);
  return visible;
}

// A count option's value: digits only (a negative number would wrap around).
std::size_t parse_count(const std::string& option, const std::string& value, std::size_t if_absent) {
  if (value.empty()) return if_absent;
  if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 9) {
    throw po::error("--" + option + " takes a whole number from 0, not '" + value + "'");
  }
  return std::stoul(value);
}

// The same index named twice would be searched twice, every notice counted double.
void check_distinct_databases(const std::vector<std::string>& db_paths) {
  std::vector<std::string> seen;
  for (const std::string& path : db_paths) {
    std::error_code ignored;
    const std::string key = kaiji::is_remote(path) ? path : std::filesystem::weakly_canonical(path, ignored).string();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      throw po::error("--db " + path + " names an index given already; each index is searched once");
    }
    seen.push_back(key);
  }
}

// --show prints one whole notice and --list-facets the taxonomy: the options that shape
// a result list do not apply.
void check_alone(const Invocation& given, const std::string& option) {
  const std::vector<std::pair<bool, const char*>> others = {
      {!given.words.empty(), "a query"}, {given.like, "--like"},          {given.request.facets, "--facets"},
      {!given.group.empty(), "--group"}, {!given.sort.empty(), "--sort"},   {!given.limit.empty(), "--limit"},
      {!given.offset.empty(), "--offset"}, {given.csv, "--csv"},           {given.bom, "--bom"},
      {given.show && given.list_facets, option == "--show" ? "--list-facets" : "--show"},
      {given.list_facets && given.jsonl, "--jsonl"}};
  for (const auto& [present, name] : others) {
    if (present) {
      throw po::error(option + (option == "--show" ? " prints one whole notice" : " lists the taxonomy") +
                      "; it does not take " + name);
    }
  }
}

// Checks the parsed options against each other and completes the request and the format
// from them. Throws po::error.
void validate(Invocation& given) {
  if (given.db_paths.empty()) throw po::error("--db DIR is required");
  check_distinct_databases(given.db_paths);
  if (given.json + given.jsonl + given.csv > 1) throw po::error("choose one of --json, --jsonl and --csv");
  if (given.bom && !given.csv) throw po::error("--bom goes with --csv");
  given.format = given.json ? Format::Json : given.jsonl ? Format::Jsonl : given.csv ? Format::Csv : Format::Text;
  if (given.explain && !given.show) throw po::error("--explain goes with --show ID");
  if (given.list_facets) return check_alone(given, "--list-facets");
  if (given.show) {
    if (given.show_id.empty()) throw po::error("--show needs a notice id");
    return check_alone(given, "--show");
  }
  kaiji::SearchRequest& request = given.request;
  if (given.like && request.like_id.empty()) throw po::error("--like needs a notice id");
  if (request.facets && (given.csv || given.jsonl)) {
    throw po::error(std::string("--facets counts go to the text or --json output; ") + (given.csv ? "--csv" : "--jsonl") +
                    " has one row per notice (run again with --json --limit 0 for the counts)");
  }
  given.limit_all = given.limit == "all";
  if (given.limit_all && !given.csv && !given.jsonl) {
    throw po::error("--limit all goes with --jsonl or --csv, which write every match as it is found; text and "
                    "--json show at most " + std::to_string(kMaxLimit) + " (page with --offset)");
  }
  request.limit = given.limit_all ? kMaxLimit : parse_count("limit", given.limit, 10);
  request.offset = parse_count("offset", given.offset, 0);
  if (request.limit > kMaxLimit) {
    throw po::error("--limit must be at most " + std::to_string(kMaxLimit) + " (use --offset to page)");
  }
  if (!given.sort.empty()) parse_sort(given.sort, request);
  if (!given.group.empty() && given.group != "incident") throw po::error("--group takes 'incident'");
  request.group_by_incident = !given.group.empty();
  const auto remote = std::find_if(given.db_paths.begin(), given.db_paths.end(), kaiji::is_remote);
  if (request.group_by_incident && request.facets && remote != given.db_paths.end()) {
    throw po::error("--group incident with --facets counts facets by incident on local indexes only, not over " +
                    *remote + " (drop --facets or --group, or search the index directory)");
  }
  request.query = join_words(given.words);
  if (request.query.size() > kMaxQueryBytes) {
    throw po::error("the query is " + std::to_string(request.query.size()) + " bytes; at most " +
                    std::to_string(kMaxQueryBytes) + " are accepted");
  }
  request.synonyms = !given.no_synonyms;
  if (!(request.time_limit >= 0)) throw po::error("--time-limit takes seconds from 0 (0: no bound)");
}

void write_notice(const kaiji::Notice& notice, Format format, bool explain, const kaiji::Taxonomy& taxonomy) {
  if (format == Format::Text) {
    kaiji::write_notice_text(std::cout, notice, taxonomy);
    if (explain) kaiji::write_evidence_text(std::cout, notice, taxonomy);
  } else {
    std::cout << kaiji::notice_to_json(notice).dump(format == Format::Json ? 2 : -1) << '\n';
  }
}

void write_facet_list(kaiji::SearchEngine& engine, Format format, const kaiji::Taxonomy& taxonomy) {
  kaiji::SearchRequest every_notice;
  every_notice.facets = true;
  every_notice.limit = 0;
  const kaiji::SearchResponse counted = engine.search(every_notice);
  const std::vector<kaiji::ListedFacet> facets = kaiji::list_facets(counted.facets, taxonomy);
  if (format == Format::Json) {
    std::cout << kaiji::facet_list_json(facets, counted.total).dump(2) << '\n';
  } else {
    kaiji::write_facet_list_text(std::cout, facets, counted.total);
  }
}

void write_response(const kaiji::SearchResponse& response, Format format, bool bom, const kaiji::Taxonomy& taxonomy) {
  switch (format) {
    case Format::Json: kaiji::write_json(std::cout, response); break;
    case Format::Jsonl: kaiji::write_jsonl(std::cout, response); break;
    case Format::Csv: kaiji::write_csv(std::cout, response, bom); break;
    case Format::Text: kaiji::write_text(std::cout, response, taxonomy, isatty(STDOUT_FILENO) != 0); break;
  }
}

// Opens the index, answers the --show or the search on stdout. Throws what opening and
// searching throw.
void answer(const Invocation& given) {
  kaiji::Analyzer analyzer(given.analysis);
  const kaiji::Taxonomy taxonomy = kaiji::Taxonomy::load(given.analysis.data_dir + "/taxonomy.tsv");
  kaiji::SearchEngine engine(given.db_paths, analyzer, taxonomy);
  if (given.list_facets) {
    write_facet_list(engine, given.format, taxonomy);
  } else if (given.show) {
    write_notice(engine.show(given.show_id), given.format, given.explain, taxonomy);
  } else if (given.limit_all) {
    kaiji::export_all(engine, given.request, given.csv ? kaiji::ExportFormat::Csv : kaiji::ExportFormat::Jsonl,
                      given.bom, std::cout);
  } else {
    write_response(engine.search(given.request), given.format, given.bom, taxonomy);
  }
}

// Answers, saying on stderr why it could not; returns the exit status.
int answer_or_explain(const Invocation& given) {
  try {
    answer(given);
    return kExitOk;
  } catch (const kaiji::QuerySyntaxError& e) {
    std::cerr << "kaiji-searcher: query error at column " << e.column() << ": " << e.what() << '\n';
    return kExitUsage;
  } catch (const kaiji::NothingToSearch& e) {
    std::cerr << "kaiji-searcher: " << e.what() << '\n';
    return kExitUsage;
  } catch (const kaiji::NoticeNotFound& e) {
    std::cerr << "kaiji-searcher: " << e.what() << '\n';
  } catch (const Xapian::DatabaseOpeningError& e) {
    // A kaiji index directory without its stub: the first indexer run has not finished
    // (it publishes the whole index at once at the end).
    const auto unfinished = std::find_if(given.db_paths.begin(), given.db_paths.end(), kaiji::layout::is_unfinished_index);
    if (unfinished != given.db_paths.end()) {
      std::cerr << "kaiji-searcher: index " << *unfinished
                << " has no complete version yet: its first kaiji-indexer run has not finished\n";
    } else {
      std::cerr << "kaiji-searcher: cannot open index " << join_words(given.db_paths)
                << " (run kaiji-indexer first?): " << e.get_msg() << '\n';
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-searcher: index error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-searcher: " << e.what() << '\n';
  }
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  Invocation given;
  const po::options_description visible = define_options(given);
  try {
    const std::string version = kaiji::cli::version_line("kaiji-searcher", kaiji::schema::kIndexFormat);
    if (!kaiji::cli::parse(argc, argv, visible, given.words, version)) return kExitOk;
    validate(given);
  } catch (const po::error& e) {
    std::cerr << "kaiji-searcher: " << e.what() << "\nTry 'kaiji-searcher --help'.\n";
    return kExitUsage;
  }
  return answer_or_explain(given);
}
