// Data types from what a notice says was leaked, exposed or lost.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/text_normalizer.h"
#include "classify/data_reader.h"

using namespace kaiji;

namespace {

const DataReader& reader() {
  static const DataReader instance(
      {{"氏名", "name", 1}, {"住所", "address", 2}, {"電話番号", "phone", 3}, {"クレジットカード", "card_number", 4},
       {"パスワード", "password", 5}},
      {{"おりません", "ていません", "はない", "されない"}, {"名", "番号", "内容", "年齢", "日"}, {"変更", "再設定"}, {"場合"},
       {{"password", "管理画面"}, {"password", "従業員"}},
       {{"password", "ロック"}, {"password", "設定"}}});
  return instance;
}

std::vector<std::string> data(const std::string& body) {
  std::vector<std::string> out;
  for (const DataFinding& f : reader().read(fold_case(normalize(body)))) out.push_back(f.value);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("data: a data section's list decides; what the text says was not included does not count") {
  CHECK(data("1．経緯\nパスワードを設定しておりました。\n2．漏えいした情報\n・氏名、住所、年齢\n"
             "なお、クレジットカード情報は含まれておりません。\n3．今後の対応\nお詫び申し上げます。") ==
        std::vector<std::string>{"address", "name", "other"});
}

TEST_CASE("data: without a section, the whole text, with the same denials") {
  CHECK(data("お客様の氏名と電話番号が流出した可能性があります。クレジットカード情報は保存しておりません。") ==
        std::vector<std::string>{"name", "phone"});
}

TEST_CASE("data: a sentence that denies its topic denies every item in it, however far the denial stands") {
  CHECK(data("お客様の氏名と電話番号が流出しました。クレジットカード番号など決済に関わる情報は、当社の業務の性質上"
             "お預かりしておらず、今回の流出には含まれておりません。") == std::vector<std::string>{"name", "phone"});
  // A contrast ends the denial: the topic before it is what leaked.
  CHECK(data("氏名と電話番号は、外部に送られていたことがわかりましたが、クレジットカード番号は含まれておりません。") ==
        std::vector<std::string>{"name", "phone"});
}

TEST_CASE("data: an unknown item counts as other only when it names data and the list holds a known type") {
  CHECK(data("対象者の氏名、会社名、部署名が流出しました。") == std::vector<std::string>{"name", "other"});
  CHECK(data("当社の対応、今後の予定、お問い合わせ") == std::vector<std::string>{});
  CHECK(data("氏名、住所、電話番号等の情報が保存されておりました。") == std::vector<std::string>{"address", "name", "phone"});
  CHECK(data("お取引先ご担当者様 1,842件、従業員 316名の氏名、住所") == std::vector<std::string>{"address", "name"});
}

TEST_CASE("data: a heading is not a title, and numbered parts end a section, not 2022年 lines") {
  const auto sections = data_sections(fold_case(normalize(
      "個人情報の誤掲載について\n1 概要\n誤って掲載しました。\n2 掲載された情報\n2022年4月1日からの予約に関する情報\n3 調査結果\n")));
  REQUIRE(sections.size() == 1);
}

TEST_CASE("data: an item a remedy acts on is a step taken, not leaked data") {
  CHECK(data("管理画面のパスワードを変更いたしました。お客様の氏名が閲覧された可能性があります。") ==
        std::vector<std::string>{"name"});
  CHECK(data("念のため、パスワードの再設定をお願いいたします。") == std::vector<std::string>{});
  CHECK(data("氏名とパスワードが流出しました。パスワードを変更してください。") ==
        std::vector<std::string>{"name", "password"});
}

TEST_CASE("data: a bulleted line under a data heading is a list of its own; elsewhere it needs a known type") {
  CHECK(data("2．盗まれた情報\n・氏名、住所\n・品名\n3．今後の対応\nお詫び申し上げます。") ==
        std::vector<std::string>{"address", "name", "other"});
  CHECK(data("お客様の氏名が流出しました。\n・品名\n") == std::vector<std::string>{"name"});
}

TEST_CASE("data: an item its own clause puts in a condition is advice, not leaked data") {
  CHECK(data("お客様の氏名が閲覧されたおそれがあります。リンクからクレジットカード情報を入力した場合は、カード会社にご連絡ください。") ==
        std::vector<std::string>{"name"});
  // The condition is another clause's: the item stays.
  CHECK(data("氏名とクレジットカード情報が流出し、不正利用された場合は補償いたします。") ==
        std::vector<std::string>{"card_number", "name"});
  // A bracketed note after the item qualifies it.
  CHECK(data("2．外部に流出した情報\n・氏名（法人の場合はご担当者名）\n・住所\n") == std::vector<std::string>{"address", "name"});
}

TEST_CASE("data: the organisation's own credentials, the attack's way in, are not the affected people's data") {
  CHECK(data("偽のログイン画面に管理画面のIDとパスワードを入力してしまいました。お客様の氏名と電話番号が閲覧された可能性があります。") ==
        std::vector<std::string>{"name", "phone"});
  CHECK(data("従業員のパスワードが盗まれ、お客様の氏名が流出しました。") == std::vector<std::string>{"name"});
  // The customers' own passwords are their data.
  CHECK(data("お客様の氏名、パスワードが流出した可能性があります。") == std::vector<std::string>{"name", "password"});
}

TEST_CASE("data: a password that guards a device or a file protected the data; it did not leak") {
  CHECK(data("紛失したUSBメモリはパスワードロック機能付きで、氏名が記録されていました。") == std::vector<std::string>{"name"});
  CHECK(data("ファイルにはパスワードを設定しておりましたが、氏名と住所が閲覧できる状態でした。") ==
        std::vector<std::string>{"address", "name"});
  // A list of what leaked holds it with no guard after it.
  CHECK(data("漏えいした情報:氏名、パスワード、ロック解除の履歴") == std::vector<std::string>{"name", "password"});
}

TEST_CASE("data: hits found in a caller's larger pass read as the reader's own scan does") {
  const std::string body = fold_case(normalize("1．漏えいした情報\n・氏名、住所、年齢\nなお、パスワードは含まれておりません。"));
  // The caller's pass holds other phrases first; the reader's are renumbered from 2.
  std::vector<std::string> phrases = {"漏えい", "含まれて"};
  const std::vector<std::string> own = reader().phrases();
  phrases.insert(phrases.end(), own.begin(), own.end());
  kaiji::PhraseHits renumbered;
  for (const auto& [offset, phrase] : kaiji::PhraseMatcher(phrases).find_all(body)) {
    if (phrase >= 2) renumbered.push_back({offset, phrase - 2});
  }
  const auto values = [](const std::vector<DataFinding>& found) {
    std::vector<std::string> out;
    for (const DataFinding& f : found) out.push_back(f.value);
    return out;
  };
  CHECK(values(reader().read(body, renumbered)) == values(reader().read(body)));
  CHECK(values(reader().read(body)) == std::vector<std::string>{"name", "address", "other"});
}

TEST_CASE("data: a ※ note that denies its list denies every item of it, however long") {
  CHECK(data("1．漏えいした情報\n・氏名、年齢\n※ご住所、電話番号、保護者の方のお名前、授業料の引落口座は、当該ファイルには記録されておりません。") ==
        std::vector<std::string>{"name", "other"});
}

TEST_CASE("data: quoted items back to back are a list; their quotes are not part of the item") {
  CHECK(data("通知書には、従業員の「氏名」「住所」「年齢」が記載されておりました。") ==
        std::vector<std::string>{"address", "name", "other"});
  CHECK(data("通知書には、従業員の「氏名」「住所」が記載されておりました。") == std::vector<std::string>{"address", "name"});
}

TEST_CASE("data: a heading that says where the data was kept or went opens a data section") {
  CHECK(data("2.記録されていた情報\n・学籍番号\n・氏名\n3.本学の対応\n") == std::vector<std::string>{"name", "other"});
  // an item after the clause that modifies it
  CHECK(data("2.流出したおそれのある情報\n相手の氏名\n平成30年4月以降に送受信したメールの件名および本文\n3.対応\n") ==
        std::vector<std::string>{"name", "other"});
  // a sentence that announces the list below as the data opens a section, as a heading does
  CHECK(data("照会された画面には、次の情報が表示されていました。\n氏名、住所\nご家族の生年月日（続柄を含む）\n\n3　処分\n") ==
        std::vector<std::string>{"address", "name", "other"});
  // headings by who set eyes on it or looked it up
  CHECK(data("■他の方の目に触れた情報\n・氏名、居室番号\n■その後の対応\n写しを取ったりしていないことを確認しました。") ==
        std::vector<std::string>{"name", "other"});
  CHECK(data("2．照会された情報\n・氏名、住所\n・口座番号\n3．調査の結果\n") ==
        std::vector<std::string>{"address", "name", "other"});
  // items numbered from 1 under a heading are its items, not the notice's next parts
  CHECK(data("◆お渡ししてしまった情報\n会員846名分\n1.氏名\n2.住所\n3.会員番号と、参加している種目\n◆その後の対応\n") ==
        std::vector<std::string>{"address", "name", "other"});
  // a heading by what a photo showed
  CHECK(data("２．写り込んでいた情報\n　お客様23名の\n　・氏名、住所\n　・工事予定日、ご契約のサービス名\n３．対応\n") ==
        std::vector<std::string>{"address", "name", "other"});
  // a short sentence in the section that lists the items is read, not taken for a heading
  CHECK(data("2.持ち出された情報\n・会員 2,436名\n含まれていた項目は、会員番号、氏名、住所です。\n3.対応\n") ==
        std::vector<std::string>{"address", "name", "other"});
}

TEST_CASE("data: items no pattern knows are other, however the text lists them") {
  // a heading that says the data could be seen
  CHECK(data("2　見られる状態にあった情報\n・氏名\n・電話番号\n・相談内容\n3　対応\nお詫び申し上げます。") ==
        std::vector<std::string>{"name", "other", "phone"});
  // a generic head with what it is of: ご予約の内容, not a bare 内容
  CHECK(data("お客様の氏名、住所、電話番号、ご予約の内容が保存されていました。") ==
        std::vector<std::string>{"address", "name", "other", "phone"});
  CHECK(data("お客様の氏名、住所、電話番号などお客様の内容が保存されていました。") ==
        std::vector<std::string>{"address", "name", "phone"});
  // two items joined by と
  CHECK(data("お届け先の氏名、住所、電話番号に加え、ご依頼主の氏名と受付番号が判読できる状態でした。") ==
        std::vector<std::string>{"address", "name", "other", "phone"});
}

TEST_CASE("data: a state something stayed in is no denial (剥がされないまま)") {
  CHECK(data("封筒(氏名、住所、電話番号、受付番号などが記載されたもの)は、封が剥がされないままの状態で戻りました。") ==
        std::vector<std::string>{"address", "name", "other", "phone"});
  CHECK(data("氏名、住所、電話番号、受付番号は外部に送信されない仕組みです。") == std::vector<std::string>{});
}
