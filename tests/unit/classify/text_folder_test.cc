// The classifier folds variant spellings as the search does: a rule is written once.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "classify/classifier.h"
#include "classify/text_folder.h"

using namespace kaiji;

TEST_CASE("text folder: variant spellings become their group's first spelling, the rest as normalised") {
  const TextFolder folder({{1, {"漏えい", "漏洩", "ろうえい"}}, {2, {"サーバ", "サーバー"}}, {3, {"改ざん", "改竄"}}});
  CHECK(folder.fold("個人情報が漏洩しました") == "個人情報が漏えいしました");
  CHECK(folder.fold("ＷＥＢサーバーが改竄された") == "webサーバが改ざんされた");
  CHECK(TextFolder().fold("ＡＢＣ") == "abc");
}

TEST_CASE("text folder: a rule written with one spelling matches the other in a notice") {
  const Classifier classifier(default_analysis_options().data_dir);
  Notice written_one_way, written_the_other;
  written_one_way.body = "当社サーバーがランサムウェアに感染し、お客様情報が漏えいしたことが判明いたしました。";
  written_the_other.body = "当社サーバがランサムウエアに感染し、お客様情報が漏洩したことが判明いたしました。";
  const NoticeFacets a = classifier.classify(written_one_way), b = classifier.classify(written_the_other);
  CHECK(a.causes == b.causes);
  CHECK(a.outcome == b.outcome);
  CHECK(b.outcome == "leaked");
}
