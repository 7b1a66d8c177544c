// The publisher and the notice's own date, read from where notices print them.
#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "classify/letterhead.h"

using namespace kaiji;

namespace {

const LetterheadReader& reader() {
  static const LetterheadReader instance = [] {
    const std::string path = default_analysis_options().data_dir + "/organisation_words.tsv";
    return LetterheadReader(OrganisationWords(read_table_file(path), path));
  }();
  return instance;
}

Notice completed(Notice n) {
  std::vector<Evidence> evidence;
  reader().complete(n, evidence);
  return n;
}

Notice text_notice(std::string title, std::string body) {
  Notice n;
  n.title = std::move(title);
  n.body = std::move(body);
  return n;
}

constexpr const char* kProse =
    "このたび、当社の業務用パソコンがマルウェアに感染し、お客様の個人情報が外部に流出した可能性があることが判明いたしました。";

}  // namespace

TEST_CASE("letterhead: a date, addressee, organisation and representative at the top") {
  // The reader took the first line, the date, as the title.
  const Notice n = completed(text_notice("令和6年3月1日", std::string("お取引先各位\n株式会社青柳製作所\n代表取締役社長　青柳 一郎\n"
                                                                     "マルウェア感染に関するお詫びとお知らせ\n") + kProse));
  CHECK(n.org == "株式会社青柳製作所");
  REQUIRE(n.date);
  CHECK(n.date->iso() == "2024-03-01");
  CHECK(n.title == "マルウェア感染に関するお詫びとお知らせ");
  std::vector<Evidence> evidence;
  Notice again = n;
  again.org.clear();
  reader().complete(again, evidence);
  REQUIRE(!evidence.empty());
  CHECK(evidence.front().field == "org");
  CHECK(evidence.front().rule.find("letterhead") != std::string::npos);
  CHECK(evidence.front().text == "株式会社青柳製作所");
}

TEST_CASE("letterhead: two name lines are one publisher; a sign-off date is the notice's date") {
  const Notice n = completed(text_notice("成績情報を含むUSBメモリの紛失について",
      std::string("学校法人若葉学園\n若葉台高等学校\n校長　山科 花子\n") + kProse +
          "\n2024年5月1日（水）に紛失が判明しました。\n以上\n令和6年5月10日\n若葉台高等学校　教頭　柏木 二郎"));
  CHECK(n.org == "学校法人若葉学園 若葉台高等学校");
  REQUIRE(n.date);
  CHECK(n.date->iso() == "2024-05-10");  // not 5月1日, the incident
}

TEST_CASE("letterhead: a contact block or a © line names the publisher when nothing else does") {
  CHECK(completed(text_notice("お詫び", std::string(kProse) + "\n【本件に関するお問い合わせ先】\n柏ヶ谷市　市民部　市民課\n電話 0000-00-0000")).org ==
        "柏ヶ谷市");
  CHECK(completed(text_notice("お詫び", std::string(kProse) + "\n© 2024 株式会社青柳製作所 All Rights Reserved.")).org ==
        "株式会社青柳製作所");
  // A bracketed contact label is no part of the name; (株) is.
  CHECK(completed(text_notice("お詫び", std::string(kProse) + "\n（お問い合わせ）公益社団法人青柳国際協会　事務局　電話 0000-00-0000"))
            .org == "公益社団法人青柳国際協会");
  CHECK(completed(text_notice("お詫び", std::string(kProse) + "\n【お問い合わせ先】\n(株)青柳製作所　総務部\n電話 0000-00-0000")).org ==
        "(株)青柳製作所");
  // A cooperative prints its legal form before its name.
  CHECK(completed(text_notice("お詫び", std::string(kProse) + "\n生活協同組合コープあおやぎ\n理事長　青柳 一郎")).org ==
        "生活協同組合コープあおやぎ");
}

TEST_CASE("letterhead: a page title's part names the publisher and leaves the title") {
  const Notice n = completed(text_notice("職員の懲戒処分について｜柏ヶ谷市", kProse));
  CHECK(n.org == "柏ヶ谷市");
  CHECK(n.title == "職員の懲戒処分について");
  CHECK(title_parts("株式会社青柳製作所 - 不正アクセスに関するお詫び").size() == 2);
  CHECK(title_parts("2024-03-01 のお知らせ").size() == 1);  // a hyphen without spaces does not split
}

TEST_CASE("letterhead: the input's org stays unless the text prints a fuller form of it") {
  Notice given = text_notice("お客様書類の所在不明について | 青柳生命保険株式会社", kProse);
  given.org = "青柳生命保険";
  CHECK(completed(given).org == "青柳生命保険株式会社");
  Notice other = text_notice("お詫び", std::string(kProse) + "\n【お問い合わせ】株式会社白樺システム　サポート窓口");
  other.org = "株式会社青柳製作所";
  CHECK(completed(other).org == "株式会社青柳製作所");
}

TEST_CASE("letterhead: a notice without a date line stays undated") {
  CHECK_FALSE(find_own_date(std::string(kProse) + "\n2024年3月1日（金）午前、社員が異常に気付きました。").has_value());
  const auto own = find_own_date("掲載日：2024年10月25日\n" + std::string(kProse));
  REQUIRE(own);
  CHECK(own->value == "2024-10-25");
}

TEST_CASE("letterhead: a date line under a numbered heading is the incident's, not the notice's") {
  const auto own = find_own_date("このたびの事案についてご報告いたします。\n１　発生日時\n令和６年９月２６日（木）\n" +
                                 std::string(kProse) + "\n令和６年１０月２日\n早霧市長");
  REQUIRE(own);
  CHECK(own->value == "2024-10-02");
  // A letterhead date at the top is still the notice's own.
  const auto top = find_own_date("2024年5月17日\n株式会社白樺システム\n" + std::string(kProse) + "\n1．発生日\n2024年5月1日");
  REQUIRE(top);
  CHECK(top->value == "2024-05-17");
}

TEST_CASE("letterhead: a press release's label is not its title; a department's letterhead names its city") {
  const Notice n = completed(text_notice("報道発表資料", std::string("令和6年6月14日\n川宿市財務部市民税課\n"
                                                                   "特別徴収税額決定通知書の送り間違いについて\n") + kProse));
  CHECK(n.title == "特別徴収税額決定通知書の送り間違いについて");
  CHECK(n.org == "川宿市");
  REQUIRE(n.date);
  CHECK(n.date->iso() == "2024-06-14");
}

TEST_CASE("letterhead: two publishers signing together, the first leads; a labelled line is another field") {
  CHECK(completed(text_notice("2024年7月30日", std::string("株式会社ひさご野ホテルズ\n株式会社リザーブテック\n") + kProse)).org ==
        "株式会社ひさご野ホテルズ");
  CHECK(completed(text_notice("", std::string("東嶺広域連合\n構成団体：嶺北市・東沢市・小串町\n") + kProse)).org == "東嶺広域連合");
  // a school corporation and its school, no form on the second line: one publisher
  CHECK(completed(text_notice("", std::string("学校法人白鷺ヶ丘学園\n白鷺ヶ丘高等学校\n") + kProse)).org ==
        "学校法人白鷺ヶ丘学園 白鷺ヶ丘高等学校");
}

TEST_CASE("letterhead: a temple's name in pieces after its legal form") {
  CHECK(completed(text_notice("", std::string(kProse) + "\n令和６年１２月２日\n宗教法人　妙照山　薫風寺\n住職　秋月 玄道\n")).org ==
        "宗教法人妙照山 薫風寺");
}

TEST_CASE("letterhead: a line wholly in brackets notes the line above, it names no publisher") {
  CHECK(completed(text_notice("", std::string("令和６年１０月１８日付\n北澄県病院局\n（県立北澄中央病院　総務課）\n") + kProse)).org ==
        "北澄県病院局");
}
