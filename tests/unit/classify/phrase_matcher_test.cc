#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "classify/phrase_matcher.h"

using kaiji::PhraseMatcher;

namespace {

using Hits = std::vector<std::pair<std::size_t, std::size_t>>;  // (phrase, offset)

Hits hits(const PhraseMatcher& m, std::string_view text) {
  Hits out;
  m.for_each_match(text, [&](std::size_t phrase, std::size_t offset) { out.emplace_back(phrase, offset); });
  return out;
}

// What the matcher must agree with: every phrase searched for on its own.
Hits naive(const std::vector<std::string>& phrases, std::string_view text) {
  Hits out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    for (std::size_t i = 0; i < phrases.size(); ++i) {
      if (!phrases[i].empty() && text.substr(at).starts_with(phrases[i])) out.emplace_back(i, at);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("phrase matcher: every occurrence of every phrase, in text order") {
  const std::vector<std::string> phrases = {"ランサムウェア", "ウェア", "不正アクセス", "アクセス", "pc", "漏えい"};
  const PhraseMatcher m(phrases);
  const std::string text = "ランサムウェアによる不正アクセスで、pcから情報が漏えい。pcとアクセス。";
  CHECK(hits(m, text) == naive(phrases, text));
  CHECK(hits(m, text).size() == 8);  // アクセス and pc twice each
}

TEST_CASE("phrase matcher: overlapping and repeated occurrences") {
  const std::vector<std::string> phrases = {"ああ", "あああ", "aa"};
  const PhraseMatcher m(phrases);
  for (const std::string text : {"あああああ", "aaaa", "aあaaあああa"}) {
    CHECK(hits(m, text) == naive(phrases, text));
  }
}

TEST_CASE("phrase matcher: phrases at the very end, short phrases, empty input") {
  const std::vector<std::string> phrases = {"末尾", "x", "", "ab"};
  const PhraseMatcher m(phrases);
  CHECK(hits(m, "本文の末尾") == Hits{{0, 9}});
  CHECK(hits(m, "xab") == Hits{{1, 0}, {3, 1}});
  CHECK(hits(m, "").empty());
  CHECK(hits(m, "末").empty());  // shorter than the phrase: no read past the end
  CHECK(hits(PhraseMatcher{}, "末尾").empty());
}

TEST_CASE("phrase matcher: agrees with a naive search over many phrases sharing first bytes") {
  std::vector<std::string> phrases;
  // Hundreds of phrases, many starting with the same kana, as the classification rules do.
  const std::vector<std::string> parts = {"あ", "い", "ア", "イ", "漏", "洩", "情", "報", "a", "1"};
  for (const auto& a : parts) {
    for (const auto& b : parts) phrases.push_back(a + b + (a == b ? a : ""));
  }
  const PhraseMatcher m(phrases);
  std::string text;
  for (int i = 0; i < 400; ++i) text += parts[(i * 7 + i / 3) % parts.size()];
  CHECK(hits(m, text) == naive(phrases, text));
}

TEST_CASE("phrase matcher: find_all holds the occurrences for_each_match reports, in its order") {
  const std::vector<std::string> phrases = {"漏えい", "え", "個人情報", "情報"};
  const PhraseMatcher m(phrases);
  const std::string text = "個人情報の漏えい。情報が漏えい";
  Hits all;
  for (const auto& [offset, phrase] : m.find_all(text)) all.emplace_back(phrase, offset);
  CHECK(all == hits(m, text));
  CHECK(m.phrase(2) == "個人情報");
}
