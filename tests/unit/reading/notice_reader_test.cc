#include <doctest/doctest.h>

#include "reading/notice_reader.h"

using namespace kaiji;

TEST_CASE("notice reader: the format comes from the name, else from the content") {
  CHECK(detect_format("a.JSONL", "") == InputFormat::jsonl);
  CHECK(detect_format("a.htm", "") == InputFormat::html);
  CHECK(detect_format("-", "{\"body\":\"x\"}\n") == InputFormat::jsonl);
  CHECK(detect_format("-", "<!doctype html><p>x") == InputFormat::html);
  CHECK(detect_format("notes.txt", "{ 括弧で始まる文章 }") == InputFormat::blog);
  CHECK(detect_format("dir.v2/notice", "本文") == InputFormat::blog);
}

TEST_CASE("notice reader: a Shift_JIS HTML page becomes a notice with its title") {
  // <title>お詫び</title><p>紛失しました。</p> in Shift_JIS
  const NoticeFile f = read_notice_file(
      "<html><head><title>\x82\xa8\x98\x6c\x82\xd1</title></head><body><p>\x95\xb4\x8e\xb8\x82\xb5\x82\xdc\x82\xb5\x82\xbd\x81\x42</p></body></html>",
      "page.html");
  CHECK(f.encoding == "CP932");
  CHECK(f.format == InputFormat::html);
  REQUIRE(f.read.notices.size() == 1);
  CHECK(f.read.notices[0].title == "お詫び");
  CHECK(f.read.notices[0].body == "紛失しました。");
}

TEST_CASE("notice reader: empty, blank and binary inputs are skipped with a reason") {
  CHECK(read_notice_file("", "e.txt").read.problems.at(0).message == "empty file, skipped");
  CHECK(read_notice_file(" \n\n", "b.txt").read.problems.at(0).message == "only white space, skipped");
  const NoticeFile bin = read_notice_file(std::string("\0\1\2\3garbage", 11), "x.bin");
  CHECK(bin.skipped);
  CHECK(bin.read.problems.at(0).message == "binary data, not text; skipped");
}

TEST_CASE("notice reader: a JSON document (labels, queries, settings) is refused, JSONL in a .json file is read") {
  const std::string labels = "{\n \"about\": \"gold labels\",\n \"notices\": [\n  {\"id\": \"dev-01\", \"org\": \"x\"}\n ]\n}\n";
  for (const std::string name : {"labels.json", "labels.txt"}) {
    CAPTURE(name);
    const NoticeFile file = read_notice_file(labels, name);
    CHECK(file.skipped);
    CHECK(file.read.notices.empty());
    REQUIRE(file.read.problems.size() == 1);
    CHECK(file.read.problems[0].source == name);
    CHECK(file.read.problems[0].message.starts_with("JSON, not notices"));
  }
  CHECK(read_notice_file("[\n \"個人情報\",\n \"漏えい\"\n]\n", "queries.json").skipped);
  CHECK(read_notice_file("not json at all\n", "broken.json").skipped);
  const NoticeFile jsonl = read_notice_file("{\"body\":\"メールの誤送信がありました。\"}\n", "one.json");
  CHECK_FALSE(jsonl.skipped);
  CHECK(jsonl.read.notices.size() == 1);
  // A text that only starts with a bracket is still a notice.
  CHECK(read_notice_file("[お知らせ] 個人情報の漏えいについて\n本文です。\n", "notice.txt").read.notices.size() == 1);
}
