#include <doctest/doctest.h>

#include "classify/affected_count.h"
#include "classify/japanese_number.h"

using namespace kaiji;

TEST_CASE("affected: Japanese number forms") {
  CHECK(parse_japanese_number("69,403") == 69403);
  CHECK(parse_japanese_number("7.2 万") == 72000);
  CHECK(parse_japanese_number("1万2千") == 12000);
  CHECK(parse_japanese_number("3千") == 3000);
  CHECK_FALSE(parse_japanese_number("abc").has_value());
}

TEST_CASE("affected: the forms notices write") {
  CHECK(headline_affected("対象件数\n69,403 件(名寄せ後件数合計) ※延べ 77,202 件") == 69403);
  CHECK(headline_affected("漏えいした個人情報は約 7.2 万件です。") == 72000);
  CHECK(headline_affected("顧客情報1万2千名が流出") == 12000);
  CHECK(headline_affected("個人情報 延べ 3,000 名分") == 3000);
  CHECK(headline_affected("生徒の個人情報３５０人") == 350);
}

TEST_CASE("affected: the headline total wins over other counts") {
  CHECK(headline_affected("会員217名へ送信。\n2.流出した情報\nメールアドレス49件") == 49);
  CHECK(headline_affected("お客様の情報(計 25,406 人)と担当者の情報 12 名") == 25406);
}

TEST_CASE("affected: counts that are not victims are ignored") {
  CHECK_FALSE(headline_affected("職員3人に対し口頭注意を行いました。").has_value());
  CHECK_FALSE(headline_affected("情報セキュリティのため約100名規模の組織を設立").has_value());
  CHECK_FALSE(headline_affected("情報の被害額は45万円").has_value());
  CHECK_FALSE(headline_affected("").has_value());
}

TEST_CASE("affected: a stated total beats its parts; the whole beats its part in one sentence") {
  CHECK(headline_affected("漏えいした情報\nお取引先ご担当者様 1,842件\n従業員・退職者 316名\n合計 2,158件") == 2158);
  CHECK(headline_affected("お客様のクレジットカード情報1,462件および個人情報2,977件が漏えいしました。") == 2977);
  // Separate groups without a total: the first, the one notices put first.
  CHECK(headline_affected("・患者情報(患者ID・診断名 76名分)\n・研究者の情報(135名分)") == 76);
}

TEST_CASE("affected: a table's total row beats its rows, with columns between the word and the count") {
  CHECK(headline_affected("流出が確認された範囲は次のとおりです。\n区分　　社数　　件数\n金融機関　　4社　　約58,000件\n"
                          "地方公共団体　　3団体　　約41,000件\n合計　　7社・団体　　約99,000件\n") == 99000);
}

TEST_CASE("affected: a count published earlier and since corrected does not win") {
  CHECK(headline_affected("対象となるお客さま 2,702 件\n※7月4日付で公表した件数(2,713 件)から 11 件少なくなりました") == 2702);
  // A correction repeats the first report's figure, far from the word that says so.
  CHECK(headline_affected("第1報では、データベースに保存されていた全会員分にあたる「最大5万2千件の会員情報が流出したおそれ」が"
                          "あるとお伝えしておりました。解析の結果、流出が確認されたのは18,436件となりました。\n"
                          "■流出した情報(18,436件)\n・氏名") == 18436);
}

TEST_CASE("affected: a count of records or of the people whose data it is beats other people counts") {
  CHECK(headline_affected("偽のメッセージが送信されたお客様:143名様\n閲覧可能であったご予約情報:1,265件") == 1265);
}

TEST_CASE("affected: papers counted in the sentence of the people they belong to are those people's") {
  CHECK(headline_affected("お客様15名分の生命保険契約申込書、告知書、口座振替依頼書など計18件を紛失しました。") == 15);
  // Records with no people counted beside them stay the headline.
  CHECK(headline_affected("お客様の氏名など計1,265件の情報が閲覧された可能性があります。") == 1265);
  // People counted in another sentence do not own the total.
  CHECK(headline_affected("対象は3名分です。\n流出した情報は合計2,158件です。") == 2158);
}

TEST_CASE("affected: a count of data the attack did not reach is no affected count") {
  CHECK_FALSE(headline_affected("お客様情報(約4万2千件)を管理するシステムは分離されており、攻撃者がアクセスした痕跡は確認されませんでした。")
                  .has_value());
  // A denial of misuse says nothing of the leak.
  CHECK(headline_affected("流出した可能性のある3,000件について、現時点で不正利用は確認されておりません。") == 3000);
  // Nor does an open question.
  CHECK(headline_affected("会員情報3,000件が外部に流出したかどうかは確認できていない状況です。") == 3000);
  // Nor does a denial past a contrast.
  CHECK(headline_affected("顧客情報1,200件が流出しましたが、他のシステムへの影響はありません。") == 1200);
}

TEST_CASE("affected: a bulleted count under a heading that marks the headline") {
  CHECK(headline_affected("封筒に2名分の通知書を封入していました。\n2 誤送付の件数\n・発送総数 12,480通\n"
                          "・同封されていた封筒 19通\n・他の方に通知書が届いてしまった方 19名\n") == 19);
  // A bulleted count under a heading that marks nothing keeps its own score.
  CHECK(headline_affected("お客様3名分の氏名が流出しました。\n今後の対応\n・説明会 20名\n") == 3);
}

TEST_CASE("affected: the people counted once beat a sum that counts some twice") {
  CHECK(headline_affected("(1)ご案内 5,206名\n(2)ご案内 3,187名\n上記を単純に合計すると8,393名となりますが、"
                          "両方に該当するお客さまがいらっしゃるため、対象となるお客さまの実人数は7,940名です。") == 7940);
}

TEST_CASE("affected: the publisher's staff are not the people affected, unless it is their data") {
  CHECK(headline_affected("当社の家事代行スタッフ2名が飲食店で話しておりました。お客様1名の名字、お住まいの町名") == 1);
  CHECK(headline_affected("全スタッフ42名を対象に研修を行います。") == std::nullopt);
  CHECK(headline_affected("従業員120名分の個人情報が流出しました。") == 120);
  CHECK(headline_affected("職員3名の氏名が記載された名簿") == 3);
}

TEST_CASE("affected: of two stated totals the larger wins, one incident's against both's") {
  CHECK(headline_affected("USBメモリーには、児童58名と36名、合わせて94名分のデータが入っていました。\n"
                          "保護者142名にメールを誤送信しました。\n"
                          "二つの事案で影響を受けた方は、児童94名と保護者142名の合計236名です。") == 236);
  // a total the text itself supersedes stays behind the confirmed one
  CHECK(headline_affected("当初お知らせした合計1,200名の情報は、調査の結果、合計980名の情報でした。") == 980);
}

TEST_CASE("affected: the line that introduces a data section's list counts what the list holds") {
  // 11 people actually looked at; the 412 in the section are the people exposed
  CHECK(headline_affected("1名の方が、他の相談者11名分の内容を画面上で閲覧していました。\n"
                          "2　見られる状態にあった情報\n"
                          "　令和5年4月以降に受け付けた相談412件（相談者412名）の、次の項目です。\n"
                          "　・氏名\n　・電話番号\n") == 412);
  CHECK(headline_affected("担当者と係長の2名で書類を確認します。\n2　誤って廃棄した書類に記載されていた情報\n審査を行った方の書類　512件\n・申請書（氏名、住所）\n") ==
        512);
  // a line that is an item of the list counts a part
  CHECK(headline_affected("町民3名の住民票情報を閲覧していました。\n２　第三者に伝えられた情報\n　町民１名の転居先の住所\n") == 3);
}

TEST_CASE("affected: the stated number of people beats the count of their records") {
  CHECK(headline_affected("閲覧された可能性のある情報\nご予約1,947件について、第三者が閲覧した可能性がございます。対象となるお客様の人数は1,811名です。") ==
        1811);
}

TEST_CASE("affected: a list line under a line that marks the headline counts by the number that ends it") {
  // the employees of other employers, listed as the corrected 対象, are the people affected
  CHECK(headline_affected("第1報では、対象を「事業所24か所、従業員128名」とお伝えしていました。\n"
                          "訂正後の対象は、次のとおりです。\n　　事業所　　31か所\n　　従業員　　146名\n"
                          "（訂正前：事業所24か所、従業員128名）\n") == 146);
  // 2名分 describes the envelopes the line counts; the people are on the next line
  CHECK(headline_affected("2　誤送付の件数\n　・発送総数　12,480通\n　・2名分が同封されていた封筒　19通\n"
                          "　・他の方に通知書が届いてしまった方　19名\n") == 19);
}

TEST_CASE("affected: numbers written in kanji count when a multiplier makes them numbers") {
  CHECK(headline_affected("対象となるのは、開院以降に来院された約三千名の患者様です。") == 3000);
  // households count those affected; 数千 and a lone 一 count nothing
  CHECK(headline_affected("名簿に綴じられていたのは、檀家様の四百十二世帯分です。") == 412);
  CHECK(headline_affected("数千名の会員情報が流出したおそれがあります。") == std::nullopt);
  CHECK(headline_affected("研究員の一名が個人情報の入った端末を紛失しました。") == std::nullopt);
}

TEST_CASE("affected: a heading above a count is no label of it") {
  // 「…記載されていた情報」 ends the heading line; the 2 counts what each envelope held
  CHECK(headline_affected("2. 対象となるお客様と記載されていた情報\n2名様分が重ねて封入された封筒は37通あり、"
                          "報告書が別のお客様に届いてしまったお客様は37名様です。\n") == 37);
}

TEST_CASE("affected: people counted beat organisations counted beside them") {
  CHECK(headline_affected("(1) 従業員・退職者の情報　1,036名\n(2) 取引先情報　最大で310社分\n"
                          "個人情報の流出が確認された方は、従業員及び退職者の1,036名です。") == 1036);
  CHECK(headline_affected("取引先の情報が最大で310社分流出しました。") == 310);
  // a person named in passing does not set the organisations aside
  CHECK(headline_affected("契約していた審査員1名が個人のパソコンで審査資料を扱っていました。\n漏えいした情報\n事業者様の数\n"
                          "最大888社(当協会審査分 500社)") == 888);
}

TEST_CASE("affected: staff counted as a total are staff; people named with their data beat people who called") {
  CHECK(headline_affected("個人番号を含む写しが第三者の目に触れた。\nA世帯（4名）の住民票の写し1通を誤って交付した。\n"
                          "区民課職員(計38名)を対象とした研修を行う。") == 4);
  CHECK(headline_affected("ご連絡をいただいた31名の方はいずれも登録者でした。持ち出された情報は、登録されていた2,904名の方のお名前、"
                          "電話番号でした。") == 2904);
}
