#include <doctest/doctest.h>

#include "reading/jsonl_reader.h"

using namespace kaiji;

TEST_CASE("jsonl: one notice per line, fields as documented, blank lines ignored") {
  const ReadResult r = read_jsonl(
      "{\"title\":\"誤送信\",\"org\":\"A市\",\"date\":\"2025-01-02\",\"body\":\"本文一\",\"url\":\"https://a\",\"id\":\"a-1\"}\n"
      "\n"
      "{\"org\":\"B社\",\"date\":\"令和6年3月4日\",\"body\":\"本文二です。続き\"}\n",
      "feed.jsonl");
  REQUIRE(r.notices.size() == 2);
  CHECK(r.problems.empty());
  CHECK(r.notices[0].id == "a-1");
  CHECK(r.notices[0].id_from_source);
  CHECK(r.notices[0].url == "https://a");
  CHECK(r.notices[0].sources == std::vector<std::string>{"feed.jsonl:1"});
  CHECK(r.notices[1].date->iso() == "2024-03-04");
  CHECK(r.notices[1].title == "本文二です");
  CHECK(r.notices[1].sources == std::vector<std::string>{"feed.jsonl:3"});
  CHECK(r.notices[1].id.starts_with("n-"));
}

TEST_CASE("jsonl: bad records are reported by line and skipped, the others read") {
  const ReadResult r = read_jsonl(
      "{\"body\":\"一\"}\n"
      "{\"body\": \n"
      "[1, 2]\n"
      "{\"title\":\"本文なし\"}\n"
      "{\"body\":\"五\",\"date\":\"いつか\"}\n"
      "{\"body\":\"六\",\"id\":\"has space\"}\n"
      "{\"body\":7}\n"
      "{\"body\":\"八\"}\n",
      "f.jsonl");
  CHECK(r.notices.size() == 2);
  REQUIRE(r.problems.size() == 6);
  CHECK(r.problems[0].line == 2);
  CHECK(r.problems[1].message.find("not a JSON object") != std::string::npos);
  CHECK(r.problems[2].message.find("no \"body\"") != std::string::npos);
  CHECK(r.problems[3].message.find("not a date") != std::string::npos);
  CHECK(r.problems[4].message.find("\"id\"") != std::string::npos);
  CHECK(r.problems[5].message.find("not a string") != std::string::npos);
}
