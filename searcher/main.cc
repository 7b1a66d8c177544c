// kaiji-searcher: searches the kaiji index in Japanese; text for people, JSON for tools.
#include <unistd.h>

#include <iostream>

#include <xapian.h>

#include "command_line.h"
#include "query_syntax.h"
#include "result_output.h"
#include "search_engine.h"

namespace po = kaiji::cli::po;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kMaxLimit = 10000;

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  kaiji::AnalysisOptions analysis = kaiji::default_analysis_options();
  std::vector<std::string> db_paths;
  std::vector<std::string> words;
  kaiji::SearchRequest request;
  bool json = false;
  bool no_synonyms = false;
  bool facets = false;

  po::options_description visible(
      "Usage: kaiji-searcher --db DIR [options] QUERY...\n"
      "Searches breach notices. Words are ANDed; field:value filters narrow (cause:ransomware,\n"
      "year:2022..2024, affected:>=10000 …); no words at all browses, newest first.\n"
      "See README.md for the query language.\n\n"
      "Options");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db_paths)->value_name("DIR"), "index directory (repeat to search several)")
      ("limit", po::value(&request.limit)->value_name("N")->default_value(10), "results to show")
      ("offset", po::value(&request.offset)->value_name("N")->default_value(0), "results to skip")
      ("json", po::bool_switch(&json), "one JSON object on stdout (see docs/json-output.md)")
      ("facets", po::bool_switch(&facets), "count every facet over all matches (an empty query counts all)")
      ("no-synonyms", po::bool_switch(&no_synonyms), "do not expand query words with dict/synonyms.tsv");
  kaiji::cli::add_analysis_options(visible, analysis);

  try {
    if (!kaiji::cli::parse(argc, argv, visible, words)) return kExitOk;
    if (db_paths.empty()) throw po::error("--db DIR is required");
    if (request.limit > kMaxLimit) {
      throw po::error("--limit must be at most " + std::to_string(kMaxLimit) + " (use --offset to page)");
    }
    request.query = join_words(words);
    request.synonyms = !no_synonyms;
    request.facets = facets;
  } catch (const po::error& e) {
    std::cerr << "kaiji-searcher: " << e.what() << "\nTry 'kaiji-searcher --help'.\n";
    return kExitUsage;
  }

  try {
    const kaiji::Analyzer analyzer(analysis);
    const kaiji::Taxonomy taxonomy = kaiji::Taxonomy::load(analysis.data_dir + "/taxonomy.tsv");
    const kaiji::SearchEngine engine(db_paths, analyzer, taxonomy);
    const kaiji::SearchResponse response = engine.search(request);
    if (json) {
      kaiji::write_json(std::cout, response);
    } else {
      kaiji::write_text(std::cout, response, taxonomy, isatty(STDOUT_FILENO) != 0);
    }
    return kExitOk;
  } catch (const kaiji::QuerySyntaxError& e) {
    std::cerr << "kaiji-searcher: query error at column " << e.column() << ": " << e.what() << '\n';
    return kExitUsage;
  } catch (const Xapian::DatabaseOpeningError& e) {
    std::cerr << "kaiji-searcher: cannot open index " << join_words(db_paths)
              << " (run kaiji-indexer first?): " << e.get_msg() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "kaiji-searcher: index error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kaiji-searcher: " << e.what() << '\n';
  }
  return kExitFailure;
}
