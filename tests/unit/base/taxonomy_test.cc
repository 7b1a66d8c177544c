#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/analyzer.h"
#include "base/taxonomy.h"

using namespace kaiji;

namespace {
const Taxonomy& taxonomy() {
  static const Taxonomy instance = Taxonomy::load(default_analysis_options().data_dir + "/taxonomy.tsv");
  return instance;
}
}  // namespace

TEST_CASE("taxonomy: slugs and Japanese display names resolve to slugs") {
  CHECK(taxonomy().resolve("cause", "ransomware") == "ransomware");
  CHECK(taxonomy().resolve("cause", "ランサムウェア") == "ransomware");
  CHECK(taxonomy().resolve("sector", "金融・保険") == "finance");
  CHECK(taxonomy().resolve("sector", "FINANCE") == "finance");
  CHECK_FALSE(taxonomy().resolve("cause", "ransomwear").has_value());
  CHECK(taxonomy().family("web_skimming") == "cyber");
  CHECK_FALSE(taxonomy().family("contractor").has_value());
  CHECK(taxonomy().display("outcome", "leaked") == "漏えい確認");
}

TEST_CASE("taxonomy: dict/taxonomy.tsv and docs/TAXONOMY.md name the same slugs") {
  std::ifstream in(std::filesystem::path(KAIJI_SOURCE_DIR) / "docs" / "TAXONOMY.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  // Cause and sector tables: rows "| slug | 表示名 | …"; data types: "slug 表示名 ·".
  std::set<std::string> documented;
  const std::regex row(R"(\n\| ([a-z_]+) \| )");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), row); it != std::sregex_iterator(); ++it) {
    documented.insert((*it)[1]);
  }
  for (const char* facet : {"cause", "sector", "outcome", "data"}) {
    for (const FacetValue& v : taxonomy().values(facet)) {
      INFO(facet << ":" << v.slug);
      if (std::string(facet) == "data") {
        CHECK(text.find(v.slug + " " + v.display) != std::string::npos);
      } else {
        CHECK(documented.count(v.slug) == 1);
        CHECK(text.find("| " + v.slug + " | " + v.display + " |") != std::string::npos);
      }
    }
  }
}
