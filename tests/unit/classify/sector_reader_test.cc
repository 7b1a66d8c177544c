// Sector from layered evidence: the unit, the name's business words, the legal form, the
// text's self-references and business words — each layer only when the ones above are silent.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "base/text_normalizer.h"
#include "classify/sector_reader.h"

using namespace kaiji;

namespace {

const SectorReader& reader() {
  static const SectorReader instance = [] {
    const std::string path = default_analysis_options().data_dir + "/sector_words.tsv";
    return SectorReader(read_table_file(path), path,
                        {"other", "finance", "government", "education", "healthcare", "retail", "hospitality",
                         "manufacturing", "it_telecom", "real_estate", "transport", "services", "association"});
  }();
  return instance;
}

std::string sector(const std::string& title, const std::string& org, const std::string& body = "") {
  const auto found = reader().read(fold_case(normalize(title)), fold_case(normalize(org)), fold_case(normalize(body)));
  return found ? found->sector : "none";
}

}  // namespace

TEST_CASE("sector: the name's business word, the one ending latest in its last piece") {
  CHECK(sector("お詫び", "株式会社青柳精機") == "manufacturing");
  CHECK(sector("お詫び", "学校法人若葉学園 若葉医科大学附属病院") == "healthcare");
  CHECK(sector("お詫び", "株式会社若葉信金ビジネスサービス") == "finance");  // a bank's group company
  CHECK(sector("お詫び", "柏ヶ谷市") == "government");
  CHECK(sector("お詫び", "株式会社都市開発") != "government");              // 市 counts only as an ending
  CHECK(sector("お詫び", "若葉台農業協同組合") == "association");
}

TEST_CASE("sector: the unit in the title beats the publisher (a city's school is education)") {
  CHECK(sector("柏ヶ谷市立第一中学校における成績表の誤配付について", "柏ヶ谷市") == "education");
}

TEST_CASE("sector: without a telling name, the legal form, then self-references, then business words") {
  CHECK(sector("お詫び", "社会福祉法人若葉会") == "healthcare");
  CHECK(sector("お詫び", "", "当金庫のお客さまの情報が……当金庫では再発防止に努めます") == "finance");
  CHECK(sector("お詫び", "", "弊社が運営する通販サイトにおいて不正アクセスが……") == "retail");
  CHECK(sector("お詫び", "株式会社若葉", "") == "none");
}

TEST_CASE("sector: utilities and builders are named, so a gas bill's 口座振替 is not a bank") {
  CHECK(sector("お詫び", "若葉ガス株式会社", "口座振替のお客さまの口座番号が……") == "other");
}

TEST_CASE("sector: a business word in the sentence that describes the business outweighs words met in passing") {
  const std::string body =
      "当社は、ご家庭向けの家事代行サービスを提供しております。スタッフが飲食店で話した内容が、別の飲食店の客に聞かれ、"
      "飲食店の名前とともに投稿されました。";
  CHECK(sector("お詫び", "合同会社えにし舎", body) == "services");
  CHECK(sector("お詫び", "合同会社えにし舎", "スタッフが飲食店で話した内容が、別の飲食店の客に聞かれました。") == "hospitality");
  CHECK(sector("お詫び", "株式会社イヅナ", "平素より当社の路線バスをご利用いただき……定期券の申込データ") == "transport");
}

TEST_CASE("sector: what a sentence says the publisher does outweighs a name word that says little") {
  CHECK(sector("", "株式会社エムズプランニング",
               "弊社は、損害保険及び生命保険の募集を行う保険代理店として、自動車保険などのお手続きを承っております。") ==
        "finance");
  // without such a sentence the name word stands
  CHECK(sector("", "株式会社エムズプランニング", "お客様の氏名が流出しました。") == "services");
}

TEST_CASE("sector: the customers a business serves (…向け) are not its business") {
  CHECK(sector("", "株式会社ツバクロ", "弊社は、飲食店やホテル向けに業務用食品の卸売を行っております。") == "retail");
}

TEST_CASE("sector: a short katakana word at the start of a longer one is no name word") {
  CHECK(sector("", "特定非営利活動法人ひだまり食卓ネットワーク") == "association");
  CHECK(sector("", "株式会社しおかぜケーブルネットワーク") == "it_telecom");
}

TEST_CASE("sector: temples and shrines are services (JSIC R), by name, form or self-reference") {
  CHECK(sector("", "宗教法人 妙照山 薫風寺") == "services");
  CHECK(sector("", "宇多岐神社") == "services");
  CHECK(sector("", "", "当宮の氏子の皆様の名簿が流出しました。当宮では再発防止に努めます。") == "services");
}

TEST_CASE("sector: a warehouse or a small restaurant tells its business by its name or its work") {
  CHECK(sector("", "北港ウェアハウス株式会社") == "transport");
  CHECK(sector("", "小料理しの田") == "hospitality");
  CHECK(sector("", "株式会社三ツ森", "弊社は、通販商品の保管・梱包・発送代行を行う物流倉庫を運営しております。") == "transport");
}

TEST_CASE("sector: a game developer and a condominium manager by what they say they do") {
  CHECK(sector("", "合同会社ミズチワークス", "弊社が開発・運営するスマートフォン・PC向けゲーム『星渡りのアトラス』のサーバーに不正なアクセスがありました。") ==
        "it_telecom");
  CHECK(sector("", "株式会社ハーモニア",
               "当社は、グランシエル槻野管理組合様から建物の管理業務を受託しております。口座振替依頼書の写しが盗まれました。") ==
        "real_estate");
}
