#include "groonga_side.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "classify/classifier.h"
#include "input_files.h"
#include "reading/notice_reader.h"
#include "disk_usage.h"
#include "process.h"

namespace kaiji::bench {
namespace fs = std::filesystem;

namespace {

constexpr const char* kFacetColumns = "cause,cause_family,sector,year,data,outcome,label";

// Facets as reference columns (Groonga's way to model them): a table of values each.
constexpr const char* kSchema = R"(table_create Causes TABLE_HASH_KEY ShortText
table_create Families TABLE_HASH_KEY ShortText
table_create Sectors TABLE_HASH_KEY ShortText
table_create DataTypes TABLE_HASH_KEY ShortText
table_create Outcomes TABLE_HASH_KEY ShortText
table_create Labels TABLE_HASH_KEY ShortText
table_create Notices TABLE_HASH_KEY ShortText
column_create Notices title COLUMN_SCALAR ShortText
column_create Notices org COLUMN_SCALAR ShortText
column_create Notices body COLUMN_SCALAR LongText
column_create Notices date COLUMN_SCALAR ShortText
column_create Notices cause COLUMN_VECTOR Causes
column_create Notices cause_family COLUMN_VECTOR Families
column_create Notices sector COLUMN_SCALAR Sectors
column_create Notices year COLUMN_SCALAR Int32
column_create Notices data COLUMN_VECTOR DataTypes
column_create Notices outcome COLUMN_SCALAR Outcomes
column_create Notices label COLUMN_VECTOR Labels
column_create Notices affected COLUMN_SCALAR Int64
)";

// The full-text index is created after the load, so Groonga builds it statically (its
// fastest way), as kaiji's indexer also writes each notice once.
constexpr const char* kIndex = R"(table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenMecab --normalizer NormalizerNFKC130
column_create Terms notices_text COLUMN_INDEX|WITH_POSITION|WITH_SECTION Notices title,org,body
)";

// Writes the schema, one load of every notice and the index commands; returns notices.
std::size_t write_load_script(const fs::path& corpus, const std::string& data_dir, const fs::path& script) {
  const Classifier classifier(data_dir);
  std::ofstream out(script);
  out << kSchema << "load --table Notices\n[\n";
  std::size_t count = 0;
  for (const std::string& file : collect_input_files({corpus.string()}).files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (Notice& n : read_notice_file(bytes, file).read.notices) {
      classifier.annotate(n);
      const NoticeFacets& f = n.facets;
      nlohmann::json record = {{"_key", n.id},      {"title", n.title},         {"org", n.org},
                               {"body", n.body},    {"cause", f.causes},        {"cause_family", f.cause_families},
                               {"sector", f.sector}, {"data", f.data},          {"outcome", f.outcome},
                               {"label", n.labels}, {"date", n.date ? n.date->iso() : ""}};
      if (f.year) record["year"] = *f.year;
      if (f.affected) record["affected"] = *f.affected;
      out << (count++ == 0 ? "" : ",\n") << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  out << "\n]\n" << kIndex;
  if (!out.flush()) throw std::runtime_error("cannot write " + script.string());
  return count;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string select_command(const std::string& query, bool facets) {
  std::string cmd = "select Notices";
  for (const auto& [name, value] : select_parameters(query, facets)) cmd += " --" + name + " " + quoted(value);
  return cmd;
}

// The elapsed seconds in each response header: [[status, start, elapsed], ...].
std::vector<double> response_ms(const fs::path& output) {
  std::vector<double> ms;
  std::ifstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("[[")) continue;
    const nlohmann::json response = nlohmann::json::parse(line, nullptr, false);
    if (response.is_discarded()) continue;
    const nlohmann::json& header = response.at(0);
    if (header.at(0).get<int>() != 0) throw std::runtime_error("groonga: " + header.dump());
    ms.push_back(header.at(2).get<double>() * 1000.0);
  }
  return ms;
}

std::vector<double> run_queries(const fs::path& db, const fs::path& work, const std::vector<std::string>& queries,
                                int rounds, bool facets) {
  const fs::path commands = work / (facets ? "queries-facets.grn" : "queries.grn");
  const fs::path output = work / (facets ? "responses-facets.json" : "responses.json");
  {
    std::ofstream out(commands);
    for (int round = 0; round <= rounds; ++round) {
      for (const std::string& q : queries) out << select_command(q, facets) << '\n';
    }
  }
  const ProcessStats s = run_process({"groonga", db.string()}, commands.string(), output.string());
  if (s.exit_code != 0) throw std::runtime_error("groonga failed answering queries");
  std::vector<double> ms = response_ms(output);
  if (ms.size() != queries.size() * static_cast<std::size_t>(rounds + 1)) {
    throw std::runtime_error("groonga answered " + std::to_string(ms.size()) + " of the queries");
  }
  ms.erase(ms.begin(), ms.begin() + static_cast<long>(queries.size()));  // the warm-up round
  return ms;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> select_parameters(const std::string& query, bool facets) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"match_columns", "title * 3 || org * 3 || body"},
      {"query", groonga_query(query)},
      {"limit", "10"},
      {"sort_keys", "-_score"},
      {"cache", "no"},
      {"output_columns", "_key,title,org,_score,snippet_html(body)"}};
  if (facets) out.insert(out.end(), {{"drilldown", kFacetColumns}, {"drilldown_limit", "100"}});
  return out;
}

bool groonga_available() {
  return run_process({"groonga", "--version"}).exit_code == 0 &&
         fs::exists("/usr/lib/x86_64-linux-gnu/groonga/plugins/tokenizers/mecab.so");
}

std::string groonga_query(const std::string& kaiji_query) {
  std::istringstream words(kaiji_query);
  std::string out;
  for (std::string w; words >> w;) {
    if (w.starts_with("title:") || w.starts_with("org:")) {
      w.insert(w.find(':') + 1, "@");
    } else if (w.starts_with("affected:")) {
      // affected:>=1000 is already Groonga's comparison syntax
    } else if (const std::size_t colon = w.find(':'); colon != std::string::npos && w[0] != '"') {
      w.insert(colon + 1, "@");  // a facet value: the vector or reference column holds it
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

GroongaBench::GroongaBench(const fs::path& corpus, const fs::path& work, const std::string& data_dir) : work_(work) {
  fs::create_directories(work_);
  notices_ = write_load_script(corpus, data_dir, work_ / "load.grn");
}

GroongaIndexing GroongaBench::index() const {
  fs::remove_all(work_ / "db");
  fs::create_directories(work_ / "db");
  const ProcessStats load =
      run_process({"groonga", "-n", groonga_database(work_).string()}, (work_ / "load.grn").string(),
                  (work_ / "load.out").string());
  if (load.exit_code != 0) throw std::runtime_error("groonga failed loading the corpus");
  return {load.seconds, load.cpu_seconds, load.peak_rss_kb, allocated_bytes(work_ / "db")};
}

std::vector<double> GroongaBench::query_ms(const std::vector<std::string>& queries, int rounds, bool facets) const {
  return run_queries(groonga_database(work_), work_, queries, rounds, facets);
}

}  // namespace kaiji::bench
