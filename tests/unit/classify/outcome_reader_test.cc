// Outcome read clause by clause: what happened, what may have, what did not.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "base/text_normalizer.h"
#include "classify/outcome_reader.h"

using namespace kaiji;

namespace {

std::string outcome(const std::string& text) {
  static const OutcomeReader reader = [] {
    const std::string path = default_analysis_options().data_dir + "/outcome_words.tsv";
    return OutcomeReader(read_table_file(path), path);
  }();
  const auto found = reader.read(fold_case(normalize(text)));
  return found ? found->outcome : "none";
}

}  // namespace

TEST_CASE("outcome: a leak stated as a fact, or data delivered to the wrong person, is leaked") {
  CHECK(outcome("お客様の個人情報が外部へ漏えいしたことが判明いたしました。") == "leaked");
  CHECK(outcome("別のお客様の通知書を誤って送付しておりました。") == "leaked");
  CHECK(outcome("漏えいした情報の不正利用は確認されておりません。") == "leaked");  // the denial is the misuse's
}

TEST_CASE("outcome: a possibility, or what is not yet confirmed, is possible") {
  CHECK(outcome("個人情報が流出したおそれがあります。") == "possible");
  CHECK(outcome("情報が流出した可能性を完全には否定できない状況です。") == "possible");
  CHECK(outcome("流出したおそれは否定できません。") == "possible");
  CHECK(outcome("現時点で情報の漏洩は確認されておりません。") == "possible");
}

TEST_CASE("outcome: a concluded denial of the leak itself outweighs what came before") {
  CHECK(outcome("流出したおそれがあるとお知らせしました。調査の結果、外部への流出はなかったものと判断いたしました。") ==
        "not_leaked");
  CHECK(outcome("本件による個人情報の漏えいは発生していないものと判断いたしました。") == "not_leaked");
  CHECK(outcome("情報が漏えいするおそれはございません。") == "not_leaked");
}

TEST_CASE("outcome: a leak only presupposed by a modifier is weaker than a stated possibility") {
  CHECK(outcome("流出した可能性のある情報は以下のとおりです。流出した情報の不正利用は確認されておりません。") == "possible");
  CHECK(outcome("書類の持ち出しを段階的に廃止いたします。") == "none");  // carrying papers is business, not a leak
}

TEST_CASE("outcome: a measure or a title's noun is not an event") {
  CHECK(outcome("情報漏えい防止のため、研修を実施します。") == "none");
  CHECK(outcome("個人情報漏えいに関するお詫び") == "none");
}

TEST_CASE("outcome: a denial of what leaked files held is not a denial of the leak") {
  CHECK(outcome("元従業員に持ち出されたファイルには、個人のお客様の情報は含まれておりません。") == "leaked");
  // A denial of the leaked data itself still denies.
  CHECK(outcome("漏えいした個人情報はございません。") == "not_leaked");
}

TEST_CASE("outcome: data others saw is disclosed; seeing only modifying a noun presupposes it") {
  CHECK(outcome("一部の会員様の登録情報が閲覧されたことが判明いたしました。") == "leaked");
  CHECK(outcome("別の利用者の画面に表示されていたことが確認されました。") == "leaked");
  CHECK(outcome("カード番号は表示されない仕様であり、閲覧されておりません。") == "none");
  // 閲覧された患者さん: a modifier; the possibility stated elsewhere decides.
  CHECK(outcome("閲覧された9名の患者さんにご説明しました。閲覧された情報が第三者に伝わった可能性は否定できません。") ==
        "possible");
}

TEST_CASE("outcome: the native verb 漏れる reads like 漏えい when it says where the data went") {
  CHECK(outcome("調査の結果、お客さまの情報が外部に漏れたことはないと判断しております。") == "not_leaked");
  CHECK(outcome("名簿の内容が第三者に漏れていたことが判明しました。") == "leaked");
  CHECK(outcome("対象の皆様には漏れなくご連絡いたしました。") == "none");  // without omission
}

TEST_CASE("outcome: mail the attacker sent out is not the data leaving") {
  CHECK(outcome("不審なメールが外部へ送信されました。氏名が流出したおそれがあります。") == "possible");
  CHECK(outcome("顧客情報が外部へ送信されていました。") == "leaked");
}

TEST_CASE("outcome: a state in which data would be sent or seen is a possibility, not the event") {
  CHECK(outcome("入力内容が外部に送信される状態であったことが判明しました。") == "possible");
}

TEST_CASE("outcome: a question asks, it does not state") {
  CHECK(outcome("Q5.ダイレクトメールの内容も流出したのか。") == "possible");
  CHECK(outcome("私の情報は漏えいしていますか?") == "possible");
  CHECK(outcome("どの情報が流出したのかを調査しております。") == "possible");
}

TEST_CASE("outcome: data taken is leaked; a credential taken is the attacker's way in") {
  CHECK(outcome("カード情報が盗み取られたことが確認されました。") == "leaked");
  CHECK(outcome("お客様情報が窃取されておりました。") == "leaked");
  CHECK(outcome("認証情報が第三者に盗み取られたものと判断しております。氏名を閲覧された可能性がございます。") == "possible");
  CHECK(outcome("アカウントのパスワードが盗み取られていたことがわかりました。") == "none");
}

TEST_CASE("outcome: what was told to the wrong person, or posted in the open, is out") {
  CHECK(outcome("患者様1名の検査結果をお伝えしてしまう事案が発生いたしました。") == "leaked");
  CHECK(outcome("その内容が第三者によってSNSに書き込まれました。") == "leaked");
  CHECK(outcome("情報が外部に出たことは確認されておりません。") == "possible");
  CHECK(outcome("パソコン内の情報が外部に送られた可能性があります。") == "possible");
}

TEST_CASE("outcome: an open question about the leak is a possibility, an answered one is not") {
  CHECK(outcome("実際に外部へ送られたかどうかは引き続き解析しています。") == "possible");
  CHECK(outcome("メールが外部に漏えいしたかどうかまでは記録から判別できません。") == "possible");
  CHECK(outcome("外部に流出したかどうかを調査しましたが、流出はございませんでした。") == "not_leaked");
  // a possibility about the misuse of data that did leak is the misuse's
  CHECK(outcome("流出した情報が悪用されているかどうかは、引き続き監視いたします。") == "leaked");
}

TEST_CASE("outcome: cash or a wallet taken by a thief is no data taken") {
  CHECK(outcome("鞄に入れていた現金約2万円は抜き取られていましたが、書類は未開封でした。") == "none");
  CHECK(outcome("顧客名簿が抜き取られていました。") == "leaked");
}

TEST_CASE("outcome: a concluded denial that credentials leaked from here does not outweigh data seen") {
  CHECK(outcome("会員様の登録情報が閲覧されたことが判明いたしました。調査の結果、当社のシステムからIDやパスワードが外部に"
                "流出した事実はなく、他のサービス等から流出したID・パスワードが使われたものと考えております。") == "leaked");
  // alone, it is still a denial
  CHECK(outcome("調査の結果、当社のシステムからIDやパスワードが外部に流出した事実はないものと判断いたしました。") ==
        "not_leaked");
}

TEST_CASE("outcome: data taken is read however the verb is paired, and a taker named by it is presupposed") {
  CHECK(outcome("アクセス記録を確認しましたところ、第三者に情報が閲覧・取得された事実はないと判断いたしました。") == "not_leaked");
  CHECK(outcome("お客様の氏名が不正に取得されました。") == "leaked");
  // 取得された方: who took the file, a modifier; the stated possibility decides
  CHECK(outcome("役場の外から取得された方を特定することはできず、情報が第三者の手元に残っている可能性がございます。") ==
        "possible");
}

TEST_CASE("outcome: plain words of a small notice, and deliveries said with しまう, are read") {
  CHECK(outcome("ノートは店の外に持ち出されていません。お客様の情報が外に出たことはありません。") == "not_leaked");
  CHECK(outcome("他の入居者様の書類を誤って同封するという事故が起きました。") == "leaked");
  CHECK(outcome("書類の内容が他の方に渡ってしまったお客様には、お詫びいたしました。") == "leaked");
  CHECK(outcome("送った書類は、番号を使用する何者かに受け取られたものと考えております。") == "leaked");
  CHECK(outcome("書類が他の方に届いてしまった可能性がございます。") == "possible");
}

TEST_CASE("outcome: files on an attacker's leak site are out; the site not showing them is no conclusion") {
  CHECK(outcome("第1報では流出の可能性があるとしておりました。リークサイトへの掲載が確認されたのは、単価表の一部です。") == "leaked");
  CHECK(outcome("攻撃者グループのリークサイトに掲載されていることを確認しました。") == "leaked");
  CHECK(outcome("現時点でリークサイトへの掲載は確認されておりません。") == "possible");
}

TEST_CASE("outcome: a likelihood weighed low is still a possibility; eyes it was not meant for saw it") {
  CHECK(outcome("第三者の手に渡った可能性は高くないと考えております。") == "possible");
  CHECK(outcome("外部に流出した可能性は極めて低いと判断しております。") == "possible");
  CHECK(outcome("個人番号を含む写しが第三者の目に触れたことから、経緯を公表する。") == "leaked");
}
