// When a rule's occurrence is someone else's: its object is data, or an outside actor
// did it.
#include <doctest/doctest.h>

#include "classify/occurrence_context.h"

using namespace kaiji;

namespace {

const OccurrenceContext& context() {
  static const OccurrenceContext instance = [] {
    OccurrenceContext c;
    c.add(OccurrenceContext::Kind::NotOf, "theft", "情報");
    c.add(OccurrenceContext::Kind::NotOf, "theft", "id");
    c.add(OccurrenceContext::Kind::NotBy, "insider", "攻撃者");
    return c;
  }();
  return instance;
}

// Whether the first occurrence of phrase in text, read as a rule for value, is excluded.
bool excluded(std::string_view text, std::string_view phrase, std::string_view value) {
  const std::size_t at = text.find(phrase);
  REQUIRE(at != std::string_view::npos);
  return context().excludes(text, at, at + phrase.size(), value);
}

}  // namespace

TEST_CASE("occurrence context: data as the object, before or after, is not the thing the rule means") {
  CHECK(excluded("感染したパソコンから盗まれた情報をもとに", "盗まれ", "theft"));
  CHECK(excluded("盗まれたidとパスワードを用いて", "盗まれ", "theft"));
  CHECK(excluded("顧客の情報が盗まれました", "盗まれ", "theft"));
  // A device or papers stolen stay theft, even with data named further off.
  CHECK_FALSE(excluded("個人情報を記録したパソコンが盗まれました", "盗まれ", "theft"));
  CHECK_FALSE(excluded("書類の入った鞄が盗まれ、情報が", "盗まれ", "theft"));
  // Cues are the given value's only.
  CHECK_FALSE(excluded("盗まれた情報", "盗まれ", "insider"));
}

TEST_CASE("occurrence context: an outside actor earlier in the sentence makes it not the insider's") {
  CHECK(excluded("攻撃者は暗号化する前にデータを外部に持ち出していた", "持ち出していた", "insider"));
  CHECK_FALSE(excluded("元従業員がデータを持ち出していた", "持ち出していた", "insider"));
  // Only the occurrence's own sentence counts.
  CHECK_FALSE(excluded("攻撃者は特定されていません。元従業員が顧客名簿を持ち出していた", "持ち出していた", "insider"));
}
