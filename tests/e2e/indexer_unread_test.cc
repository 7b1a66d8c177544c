// Files a run cannot read whole keep their notices (issue 21): a --rebuild copies them from
// the current generation, and a notice such a file shared with a file that was read is
// never indexed twice.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include <xapian.h>

#include "cli.h"

using namespace kaiji::e2e;
namespace fs = std::filesystem;

namespace {

nlohmann::json all_notices(const std::string& db) {
  const CommandResult r = run("kaiji-searcher", {"--db", db, "--json", "--facets", "--limit", "1000"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::set<std::string> ids(const nlohmann::json& response) {
  std::set<std::string> out;
  for (const auto& hit : response.at("results")) out.insert(hit.at("id").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("unread files: a --rebuild keeps the notices of an emptied file and of one with a NUL byte") {
  const std::string dir = indexed_corpus_copy("rebuild-keeps");
  const nlohmann::json before = all_notices(dir + "/db");
  write_file(dir + "/corpus/001_d7048f176aaf01b0.txt", "");
  std::string binary = read_file(dir + "/corpus/004_61c9923e7d8c2772.txt");
  binary[100] = '\0';
  write_file(dir + "/corpus/004_61c9923e7d8c2772.txt", binary);
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", "--rebuild", dir + "/corpus"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("001_d7048f176aaf01b0.txt: its 1 notice(s) from earlier runs stay in the index") != std::string::npos);
  CHECK(r.err.find("004_61c9923e7d8c2772.txt: its 20 notice(s) from earlier runs stay") != std::string::npos);
  CHECK(r.out.find("  of which kept:    21 (of files not read, copied from the current generation)\n") !=
        std::string::npos);
  const nlohmann::json after = all_notices(dir + "/db");
  CHECK(after.at("total") == 28);
  CHECK(ids(after) == ids(before));
  CHECK(after.at("facets") == before.at("facets"));  // the copies' facet codes mean what they meant
  // Kept across a second rebuild too, and found by their words.
  CHECK(run("kaiji-indexer", {"--db", dir + "/db", "--rebuild", dir + "/corpus"}).exit_code == 1);
  CHECK(ids(all_notices(dir + "/db")) == ids(before));
}

TEST_CASE("unread files: a notice an unread file shared with a read file stays one notice") {
  // 002's post with a header has a copy without one in another file: merged, one notice.
  for (const bool rebuild : {false, true}) {
    CAPTURE(rebuild);
    const std::string dir = indexed_corpus_copy(rebuild ? "shared-rebuild" : "shared-update");
    const nlohmann::json before = all_notices(dir + "/db");
    write_file(dir + "/corpus/002_aabc662affda7255.txt", "");
    std::vector<std::string> args = {"--db", dir + "/db", dir + "/corpus"};
    if (rebuild) args.push_back("--rebuild");
    const auto r = run("kaiji-indexer", args);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const nlohmann::json after = all_notices(dir + "/db");
    CHECK(after.at("total") == 28);
    CHECK(ids(after) == ids(before));
  }
}

TEST_CASE("unread files: a --rebuild of an index in another format says which notices it could not keep") {
  const std::string dir = indexed_corpus_copy("rebuild-old-format");
  {
    Xapian::WritableDatabase shard(dir + "/db/gen-000001/shard-0", Xapian::DB_OPEN);
    shard.set_metadata("kaiji.format", "1");  // as an older kaiji wrote it
    shard.commit();
  }
  write_file(dir + "/corpus/002_aabc662affda7255.txt", "");
  const auto r = run("kaiji-indexer", {"--db", dir + "/db", "--rebuild", dir + "/corpus"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("002_aabc662affda7255.txt: its 7 notice(s) from earlier runs are not in the new index: the old "
                   "one was written in another index format") != std::string::npos);
  // What the other files hold is all there, the copy 002 shared with another file included.
  CHECK(all_notices(dir + "/db").at("total") == 23);
}
