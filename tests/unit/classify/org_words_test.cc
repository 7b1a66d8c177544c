// What counts as an organisation's name where notices print one.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "classify/org_words.h"

using namespace kaiji;

namespace {

const OrganisationWords& words() {
  static const OrganisationWords instance = [] {
    const std::string path = default_analysis_options().data_dir + "/organisation_words.tsv";
    return OrganisationWords(read_table_file(path), path);
  }();
  return instance;
}

}  // namespace

TEST_CASE("org words: names with a legal designator before or after, or a name ending") {
  CHECK(words().is_name("株式会社青柳製作所"));
  CHECK(words().is_name("青柳製作所株式会社"));
  CHECK(words().is_name("㈱青柳製作所"));
  CHECK(words().is_name("医療法人社団若葉会"));
  CHECK(words().is_name("柏ヶ谷市"));
  CHECK(words().is_name("若葉台信用金庫"));
  CHECK(words().is_name("みずほ野第二高等学校"));
  CHECK(words().is_name("北嶺地区広域連合"));
}

TEST_CASE("org words: departments, self-references, titles and prose are not names") {
  CHECK_FALSE(words().is_name("株式会社"));         // a designator alone
  CHECK_FALSE(words().is_name("総務部"));
  CHECK_FALSE(words().is_name("お客様相談センター"));
  CHECK_FALSE(words().is_name("本市"));
  CHECK_FALSE(words().is_name("当組合"));
  CHECK_FALSE(words().is_name("代表取締役社長"));
  CHECK_FALSE(words().is_name("市長"));
  CHECK_FALSE(words().is_name("個人情報の漏えいについて"));
  CHECK_FALSE(words().is_name("2024"));
}

TEST_CASE("org words: a line's leading name stops at the department; a bare designator joins its name") {
  CHECK(words().leading_name("株式会社青柳製作所　総務部　情報管理窓口") == "株式会社青柳製作所");
  CHECK(words().leading_name("学校法人若葉学園 若葉台高等学校") == "学校法人若葉学園 若葉台高等学校");
  CHECK(words().leading_name("株式会社　青柳製作所") == "株式会社青柳製作所");
  CHECK(words().leading_name("柏ヶ谷市　市民部　市民課") == "柏ヶ谷市");
  CHECK(words().leading_name("総務部　電話 03-0000-0000").empty());
}

TEST_CASE("org words: people and addressees are told apart from publishers") {
  CHECK(words().is_person_line("代表取締役社長　青柳 一郎"));
  CHECK(words().is_person_line("校長　山科 花子"));
  CHECK_FALSE(words().is_person_line("株式会社青柳製作所"));
  CHECK(words().is_addressee_line("お取引先各位"));
  CHECK(words().is_addressee_line("会員の皆様、関係者の皆様"));
  CHECK_FALSE(words().is_addressee_line("株式会社青柳製作所"));
}

TEST_CASE("organisation words: a particle after a word rules a name out; a syllable in a hiragana word does not") {
  CHECK(words().is_name("ゆずりは台内科クリニック"));
  CHECK(words().is_name("ひまわりが丘保育園"));
  CHECK_FALSE(words().is_name("情報は市"));
  CHECK_FALSE(words().is_name("データを学校"));
}

TEST_CASE("org words: the publisher of a department's or an office's name is the organisation") {
  CHECK(words().publisher_of("大橘町役場 総務課 情報管理係") == "大橘町");
  CHECK(words().publisher_of("大橘町 総務課") == "大橘町");
  CHECK(words().publisher_of("川宿市財務部市民税課") == "川宿市");
  CHECK(words().publisher_of("奥霧町役場") == "奥霧町");
  CHECK(words().publisher_of("鷲羽沢市役所") == "鷲羽沢市");
  CHECK(words().publisher_of("株式会社蒼鷺精機 情報システム部") == "株式会社蒼鷺精機");
  // Names that end like a municipality or hold one stay as they are.
  CHECK(words().publisher_of("町田市教育委員会") == "町田市教育委員会");
  CHECK(words().publisher_of("学校法人鷹羽学園 鷹羽医科大学附属病院") == "学校法人鷹羽学園 鷹羽医科大学附属病院");
  CHECK(words().publisher_of("市川市立図書館") == "市川市立図書館");
  CHECK(words().publisher_of("熊本県暴力追放運動推進センター") == "熊本県暴力追放運動推進センター");
  CHECK(words().publisher_of("東京都水道局") == "東京都水道局");
  // A body municipalities formed together publishes under its own name, departments and all.
  CHECK(words().publisher_of("かしわ谷地区広域消防組合消防本部") == "かしわ谷地区広域消防組合消防本部");
  CHECK(words().publisher_of("霧島北部広域連合 総務課") == "霧島北部広域連合");
  CHECK(words().leading_name("川宿市財務部市民税課　課税第二係") == "川宿市");
}
