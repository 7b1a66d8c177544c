// The spelling data of a notice: nouns as written (NFKC, case-folded), runs of adjacent
// nouns joined, bounded.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <unistd.h>

#include <xapian.h>

#include "index/spelling_words.h"
#include "test_analyzer.h"

namespace kaiji {
namespace {

std::vector<std::string> spelling_of(const std::string& text) {
  std::vector<std::string> words;
  collect_spelling_words(testing::analyzer().analyze(text), words);
  std::sort(words.begin(), words.end());
  return words;
}

// How many notices the spelling table says hold word (0: not in it).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace

TEST_CASE("spelling words: nouns as the reader types them, and runs of adjacent nouns joined") {
  const auto words = spelling_of("職員がサポート詐欺の被害に遭い、電子カルテを不正閲覧した。");
  CHECK(has(words, "サポート詐欺"));  // MeCab splits it; the run joins it again
  CHECK(has(words, "サポート"));
  CHECK(has(words, "詐欺"));
  CHECK(has(words, "不正閲覧"));
  CHECK(has(words, "電子カルテ"));
  CHECK_FALSE(has(words, "遭い"));  // a verb
  CHECK_FALSE(has(words, "詐欺の被害"));  // a particle breaks the run
}

TEST_CASE("spelling words: the surface, NFKC and case-folded, not the folded index term") {
  const auto words = spelling_of("ＵＳＢメモリーを紛失。サーバー内の情報が漏洩した。");
  CHECK(has(words, "usbメモリー"));  // the index term drops the ー; a reader types it
  CHECK(has(words, "サーバー"));
  CHECK(has(words, "漏洩"));  // not folded to 漏えい
}

TEST_CASE("spelling words: bounded: no one-character word, no number, no run across a number or too long") {
  const auto words = spelling_of("2024年3月予定の件で、1,200名分の氏名が流出。");
  CHECK_FALSE(has(words, "2024"));
  CHECK_FALSE(has(words, "1,200"));
  CHECK_FALSE(has(words, "年"));
  CHECK_FALSE(has(words, "2024年"));
  CHECK_FALSE(has(words, "月予定"));  // a run does not start at a suffix
  for (const std::string& word : words) {
    CHECK(word.size() >= 2);
    CHECK(std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; }) <=
          static_cast<long>(kMaxSpellingChars));
  }
  // Four nouns in a row: runs of at most kMaxSpellingRun.
  const auto long_run = spelling_of("顧客情報管理体制");
  CHECK(has(long_run, "顧客情報管理"));
  CHECK(has(long_run, "情報管理体制"));
  CHECK_FALSE(has(long_run, "顧客情報管理体制"));
}

TEST_CASE("spelling words: only the part of a text before the limit counts") {
  const std::string text = "サポート詐欺。ランサムウェア攻撃。";
  std::vector<std::string> words;
  collect_spelling_words(testing::analyzer().analyze(text), words, text.find("ランサム"));
  std::sort(words.begin(), words.end());
  CHECK(has(words, "サポート詐欺"));
  CHECK_FALSE(has(words, "ランサムウェア"));
}

TEST_CASE("spelling batch: a word counts once per notice that holds it, and reaches the table at flush") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kaiji-spelling-batch-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    SpellingBatch batch;
    batch.add({"漏洩", "サーバー", "漏洩", "漏洩"});  // one notice, 漏洩 three times
    batch.add({"漏洩"});
    CHECK(batch.size() == 2);
    CHECK(spelling_frequency(db, "漏洩") == 0);  // not before the flush
    batch.flush(db);
    db.commit();
    CHECK(batch.size() == 0);
    CHECK(spelling_frequency(db, "漏洩") == 2);
    CHECK(spelling_frequency(db, "サーバー") == 1);
    batch.add({"漏洩"});
    batch.flush(db);
    db.commit();
    CHECK(spelling_frequency(db, "漏洩") == 3);  // flushes add up
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("spelling batch: merging the batches of disjoint notices adds up their counts") {
  SpellingBatch first;
  first.add({"漏洩", "サーバー"});
  first.add({"漏洩"});
  SpellingBatch second;
  second.add({"漏洩", "委託先"});
  SpellingBatch merged;
  merged.merge(std::move(first));  // into an empty batch
  merged.merge(std::move(second));
  CHECK(first.size() == 0);
  CHECK(second.size() == 0);
  CHECK(merged.size() == 3);
  // A notice added after the merge still counts each of its words once, whichever
  // batch the word came from.
  merged.add({"委託先", "サーバー", "委託先", "漏洩"});

  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kaiji-spelling-merge-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    merged.flush(db);
    db.commit();
    CHECK(spelling_frequency(db, "漏洩") == 4);
    CHECK(spelling_frequency(db, "サーバー") == 2);
    CHECK(spelling_frequency(db, "委託先") == 2);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace kaiji
