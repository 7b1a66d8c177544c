// Did you mean: katakana forms, edit distances, corrected queries, and the corrections a
// suggester accepts over a small spelling table.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <unistd.h>

#include "spelling_suggestion.h"

namespace kaiji {
namespace {

// A spelling table of these words, in a fresh database (the in-memory backend has no
// spelling table).
Xapian::WritableDatabase spelling_table(const std::vector<std::pair<std::string, int>>& words) {
  static int made = 0;
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("kaiji-spelling-test-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
  std::filesystem::remove_all(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (const auto& [word, count] : words) db.add_spelling(word, count);
  db.commit();
  return db;
}

}  // namespace

TEST_CASE("spelling suggestion: katakana form of hiragana runs, particles kept") {
  CHECK(katakana_form("さぽーと詐欺") == "サポート詐欺");
  CHECK(katakana_form("らんさむうぇあ") == "ランサムウェア");
  CHECK(katakana_form("詐欺の被害") == "詐欺の被害");  // a lone hiragana stays
  CHECK(katakana_form("漏えい") == "漏エイ");             // a run of two converts (checked against the index after)
  CHECK(katakana_form("abc") == "abc");
}

TEST_CASE("spelling suggestion: the edit distance grows with the word") {
  CHECK(suggestion_distance(2) == 1);
  CHECK(suggestion_distance(kShortWordChars) == 1);
  CHECK(suggestion_distance(kShortWordChars + 1) == 2);
}

TEST_CASE("spelling suggestion: the corrected query replaces words at their columns") {
  CHECK(corrected_query("書類 粉失", {{4, "粉失", "紛失"}}) == "書類 紛失");
  CHECK(corrected_query("粉失 粉失 x", {{1, "粉失", "紛失"}, {4, "粉失", "紛失"}}) == "紛失 紛失 x");
  CHECK(corrected_query("a b", {{9, "粉失", "紛失"}}) == "a b");  // not where it was parsed: left alone
  const QueryNode tree = parse_query("書類 粉失 sector:finance \"a b\" -c");
  std::vector<std::string> words;
  for (const QueryNode* word : top_level_words(tree)) words.push_back(word->text);
  CHECK(words == std::vector<std::string>{"書類", "粉失"});
}

TEST_CASE("spelling suggestion: corrections that find notices, and none that only look alike") {
  const Xapian::WritableDatabase db = spelling_table(
      {{"サポート詐欺", 4}, {"紛失", 3}, {"フィッシング", 2}, {"取引", 5}, {"サーバー", 2}, {"漏えい", 9}});
  std::set<std::string> in_index = {"サポート詐欺", "紛失", "フィッシング", "取引", "サーバー", "書類", "漏えい"};
  const SpellingSuggester suggester(db, [&](const std::string& w) { return in_index.contains(w); });
  CHECK(suggester.correct_word("サポート詐偽") == "サポート詐欺");
  CHECK(suggester.correct_word("さぽーと詐欺") == "サポート詐欺");
  CHECK(suggester.correct_word("粉失") == "紛失");
  CHECK(suggester.correct_word("フィッシンング") == "フィッシング");
  CHECK(suggester.correct_word("取引所") == "");  // a part of the word is not its correction
  CHECK(suggester.correct_word("サーバ") == "");  // only a long vowel apart: the same word
  CHECK(suggester.correct_word("暗号資産") == "");
  CHECK(suggester.correct_word("x") == "");
  // A suggestion that finds nothing is no correction.
  in_index.erase("紛失");
  CHECK(suggester.correct_word("粉失") == "");

  const std::vector<WordCorrection> fixes = suggester.corrections(parse_query("書類 サポート詐偽 暗号資産"));
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].word == "サポート詐偽");
  CHECK(fixes[0].corrected == "サポート詐欺");
}

TEST_CASE("spelling suggestion: an index without spelling data suggests nothing") {
  const Xapian::WritableDatabase db = spelling_table({});
  const SpellingSuggester suggester(db, [](const std::string&) { return true; });
  CHECK(suggester.correct_word("サポート詐偽") == "");
}

}  // namespace kaiji
