// The taxonomy from the command line: --list-facets (text and JSON), --version.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "cli.h"
#include "index/schema.h"
#include "json_schema.h"

using namespace kaiji::e2e;

namespace {

nlohmann::json listed_facets() {
  const CommandResult r = run("kaiji-searcher", {"--db", corpus_index(), "--list-facets", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

const nlohmann::json& value_of(const nlohmann::json& listed, const std::string& facet, const std::string& slug) {
  for (const auto& f : listed.at("facets")) {
    if (f.at("facet") != facet) continue;
    for (const auto& v : f.at("values")) {
      if (v.at("slug") == slug) return v;
    }
  }
  FAIL("no " << facet << ":" << slug << " listed");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("--list-facets --json: every taxonomy value with its Japanese name, family and count in the index") {
  const nlohmann::json listed = listed_facets();
  CHECK(listed.at("notices") == 28);
  const auto& ransomware = value_of(listed, "cause", "ransomware");
  CHECK(ransomware.at("name") == "ランサムウェア");
  CHECK(ransomware.at("family") == "cyber");
  CHECK(ransomware.at("count") == 6);
  CHECK(value_of(listed, "cause", "contractor").at("family").is_null());  // cross-cutting
  CHECK(value_of(listed, "cause", "malware").at("count") == 0);         // listed though no notice has it
  CHECK(value_of(listed, "sector", "finance").at("name") == "金融・保険");
  CHECK(value_of(listed, "sector", "finance").at("count") == 4);
  CHECK(value_of(listed, "outcome", "leaked").at("count") == 15);
  CHECK(value_of(listed, "year", "2024").at("count") > 0);

  // The counts are the ones a browse with --facets gives.
  const auto browse = search_json({"--facets", "--limit", "0"});
  for (const auto& f : listed.at("facets")) {
    for (const auto& v : f.at("values")) {
      const auto& counts = browse.at("facets").at(f.at("facet").get<std::string>());
      const std::string slug = v.at("slug");
      INFO(f.at("facet") << ":" << slug);
      CHECK(v.at("count") == (counts.contains(slug) ? counts.at(slug).get<int>() : 0));
    }
  }

  std::ifstream in(std::string(KAIJI_SOURCE_DIR) + "/docs/facet-list.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in);
  const auto violations = schema_violations(schema, listed);
  INFO((violations.empty() ? "" : violations.front()));
  CHECK(violations.empty());
  nlohmann::json broken = listed;
  broken["facets"][0]["values"][0].erase("name");
  CHECK_FALSE(schema_violations(schema, broken).empty());
}

TEST_CASE("--list-facets in text: slug, Japanese name, family and count on one line; alone only") {
  const CommandResult r = run("kaiji-searcher", {"--db", corpus_index(), "--list-facets"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.starts_with("28 notices in the index"));
  CHECK(r.out.find("\n  ransomware             ランサムウェア      cyber         6\n") != std::string::npos);
  CHECK(r.out.find("\n  finance                金融・保険          4\n") != std::string::npos);
  for (const std::string other : {"--csv", "--jsonl", "--facets", "漏えい"}) {
    const CommandResult refused = run("kaiji-searcher", {"--db", corpus_index(), "--list-facets", other});
    INFO(other);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--list-facets lists the taxonomy; it does not take") != std::string::npos);
  }
}

TEST_CASE("--version on both binaries: the kaiji version and the index format") {
  for (const std::string program : {"kaiji-searcher", "kaiji-indexer"}) {
    const CommandResult r = run(program, {"--version"});
    INFO(program << ": " << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == program + " " + KAIJI_VERSION + " (kaiji index format " + std::to_string(kaiji::schema::kIndexFormat) + ")\n");
  }
}
