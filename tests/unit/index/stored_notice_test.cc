// A document's stored notice, its bookkeeping terms and the index layout's names.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index/bookkeeping.h"
#include "index/layout.h"
#include "index/schema.h"
#include "index/stored_notice.h"

using namespace kaiji;

TEST_CASE("stored notice: the fields and the body come back from a document") {
  Notice n;
  n.id = "2024-217-4c8ad790";
  n.org = "静清信用金庫";
  n.title = "個人情報漏洩に関するお詫びとお知らせ";
  n.body = "ランサムウェアに感染し、\n一部お客さま情報が漏えいしました。";
  n.facets.sector = "finance";
  n.facets.affected = 2702;
  Xapian::Document doc;
  store_notice(doc, n);
  const Notice back = stored_notice(doc);
  CHECK(back.id == n.id);
  CHECK(back.org == n.org);
  CHECK(back.title == n.title);
  CHECK(back.body == n.body);
  CHECK(back.facets.sector == "finance");
  CHECK(back.facets.affected == 2702);

  Notice empty_body = n;
  empty_body.body.clear();
  Xapian::Document doc2;
  store_notice(doc2, empty_body);
  CHECK(doc2.get_value(schema::kBodySlot).empty());
  CHECK(stored_notice(doc2).body.empty());
}

TEST_CASE("bookkeeping: version and source files come back; an overlong path still gets a term") {
  Xapian::Document doc;
  const std::string version = version_string(0x0123456789abcdefULL);
  CHECK(version == "0123456789abcdef");
  add_version(doc, version);
  const std::string long_path = "/" + std::string(300, 'x') + ".txt";
  add_source_files(doc, {"/data/a.txt", long_path});
  CHECK(version_of(doc) == version);
  CHECK(source_files_of(doc) == std::vector<std::string>{"/data/a.txt", long_path});
  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  CHECK(std::find(terms.begin(), terms.end(), version_term(version)) != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), source_term("/data/a.txt")) != terms.end());
  CHECK(source_term(long_path).size() <= schema::kMaxTermBytes);
  CHECK(std::find(terms.begin(), terms.end(), source_term(long_path)) != terms.end());
}

TEST_CASE("layout: generation names and numbers round-trip; other names are not generations") {
  CHECK(layout::generation_name(3) == "gen-000003");
  CHECK(layout::generation_number(layout::generation_name(42)) == 42);
  CHECK_FALSE(layout::generation_number("gen-"));
  CHECK_FALSE(layout::generation_number("gen-12x"));
  CHECK_FALSE(layout::generation_number("shard-0"));
  CHECK(layout::shard_name("gen-000003", 1) == "gen-000003/shard-1");
  CHECK(layout::stub_path("/idx") == "/idx/XAPIANDB");
  CHECK(layout::lock_path("/idx") == "/idx/kaiji.lock");
}
