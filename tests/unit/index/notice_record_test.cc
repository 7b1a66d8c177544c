#include <doctest/doctest.h>

#include "index/notice_record.h"
#include "index/text_compression.h"

using namespace kaiji;

namespace {
Notice full_notice() {
  Notice n;
  n.id = "2024-217-4c8ad790";
  n.incident = "2024-217";
  n.org = "静清信用金庫";
  n.title = "個人情報漏洩に関するお詫びとお知らせ";
  n.date = Date::parse_iso("2024-11-18");
  n.release_dates = {*Date::parse_iso("2024-07-04"), *Date::parse_iso("2024-11-15")};
  n.labels = {"ランサムウェア", "委託先"};
  n.sources = {"corpus/2024.txt:1200", "corpus/2024-2.txt:7"};
  n.url = "https://example.jp/news/1";
  n.body = std::string("ランサムウェアに感染し、\n一部お客さま情報が漏えいしました。") + '\0' + "末尾";
  n.facets.causes = {"ransomware", "contractor"};
  n.facets.cause_families = {"cyber"};
  n.facets.sector = "finance";
  n.facets.year = 2024;
  n.facets.affected = 2702;
  n.facets.data = {"name", "address"};
  n.facets.outcome = "leaked";
  return n;
}

void check_same(const Notice& a, const Notice& b) {
  CHECK(a.id == b.id);
  CHECK(a.incident == b.incident);
  CHECK(a.org == b.org);
  CHECK(a.title == b.title);
  CHECK(a.date.has_value() == b.date.has_value());
  if (a.date && b.date) CHECK(a.date->iso() == b.date->iso());
  REQUIRE(a.release_dates.size() == b.release_dates.size());
  for (std::size_t i = 0; i < a.release_dates.size(); ++i) CHECK(a.release_dates[i].iso() == b.release_dates[i].iso());
  CHECK(a.labels == b.labels);
  CHECK(a.sources == b.sources);
  CHECK(a.url == b.url);
  CHECK(a.body == b.body);
  CHECK(a.facets.causes == b.facets.causes);
  CHECK(a.facets.cause_families == b.facets.cause_families);
  CHECK(a.facets.sector == b.facets.sector);
  CHECK(a.facets.year == b.facets.year);
  CHECK(a.facets.affected == b.facets.affected);
  CHECK(a.facets.data == b.facets.data);
  CHECK(a.facets.outcome == b.facets.outcome);
}
}  // namespace

TEST_CASE("notice record: a stored notice comes back field for field") {
  const Notice n = full_notice();
  check_same(decode_notice(encode_notice(n)), n);

  // Missing values stay missing; negative and huge counts survive.
  Notice sparse;
  sparse.id = "n-0123456789ab";
  check_same(decode_notice(encode_notice(sparse)), sparse);
  sparse.facets.affected = -1;
  check_same(decode_notice(encode_notice(sparse)), sparse);
  sparse.facets.affected = 9'000'000'000'000LL;
  check_same(decode_notice(encode_notice(sparse)), sparse);
}

TEST_CASE("notice record: cut, overlong or foreign bytes are refused") {
  const std::string record = encode_notice(full_notice());
  // Every truncation is refused.
  for (std::size_t size = 0; size < record.size(); ++size) {
    CHECK_THROWS_AS(decode_notice(std::string_view(record).substr(0, size)), DamagedRecord);
  }
  CHECK_THROWS_AS(decode_notice(record + "x"), DamagedRecord);
  CHECK_THROWS_AS(decode_notice(R"({"id":"2024-217-4c8ad790","title":"JSON of an older index"})"), DamagedRecord);
  // A length that claims more than is there.
  const std::string lying = record.substr(0, 1) + "\xff\xff\x03" + record.substr(2);
  CHECK_THROWS_AS(decode_notice(lying), DamagedRecord);
}

TEST_CASE("stored bodies: compressed text comes back byte for byte, and damage is refused") {
  const std::string body = full_notice().body + std::string(5000, 'x') + "漏えい";
  const std::string packed = compress_text(body);
  CHECK(packed.size() < body.size());
  CHECK(decompress_text(packed) == body);
  CHECK(decompress_text(compress_text("")).empty());
  CHECK_THROWS_AS(decompress_text(packed.substr(0, packed.size() / 2)), DamagedRecord);
  CHECK_THROWS_AS(decompress_text("not compressed at all"), DamagedRecord);
  CHECK_THROWS_AS(decompress_text(""), DamagedRecord);
}

TEST_CASE("notice record: a record without its body keeps everything else") {
  const Notice n = full_notice();
  const Notice back = decode_notice(encode_notice(n, /*with_body=*/false));
  CHECK(back.body.empty());
  CHECK(back.title == n.title);
  CHECK(back.facets.affected == n.facets.affected);
}

TEST_CASE("stored bodies: a long run of one character, compressed far below its size, still comes back") {
  const std::string run(3'000'000, '-');
  const std::string packed = compress_text(run);
  CHECK(packed.size() < 1000);
  CHECK(decompress_text(packed) == run);
}

TEST_CASE("evidence: each field's evidence comes back; none stored reads as none; damage is refused") {
  const std::vector<Evidence> evidence = {
      {"sector", "finance", "sector_words.tsv:21", "静清信用金庫", "org", 2},
      {"org", "静清信用金庫", "organisation_words.tsv (sign-off)", "静清信用金庫　総務部", "body", 1234},
      {"outcome", "leaked", "outcome_words.tsv:18", "漏えいしました", "text", 0}};
  CHECK(decode_evidence(encode_evidence(evidence)) == evidence);
  CHECK(decode_evidence("").empty());
  const std::string bytes = encode_evidence(evidence);
  CHECK_THROWS_AS(decode_evidence(bytes.substr(0, bytes.size() - 3)), DamagedRecord);
  CHECK_THROWS_AS(decode_evidence("\x07garbage"), DamagedRecord);
}
