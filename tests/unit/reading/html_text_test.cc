#include <doctest/doctest.h>

#include "reading/html_text.h"

using namespace kaiji;

TEST_CASE("html: title, publisher, canonical address and block text, without scripts, styles and menus") {
  const HtmlText page = extract_html_text(
      "<html><head><title> お知らせ &amp; お詫び </title><meta name=\"author\" content=\"株式会社テスト\">"
      "<meta property=\"og:url\" content=\"https://example.jp/a\"><style>.x{}</style></head>"
      "<body><nav>メニュー</nav><h1>見出し</h1><p>一段落目&lt;重要&gt;</p><div>二段落目<br>改行後</div>"
      "<script>alert('x')</script><table><tr><td>件数</td><td>10件</td></tr></table></body></html>");
  CHECK(page.title == "お知らせ & お詫び");
  CHECK(page.org == "株式会社テスト");
  CHECK(page.url == "https://example.jp/a");
  CHECK(page.text == "見出し\n一段落目<重要>\n二段落目\n改行後\n件数 10件");
}

TEST_CASE("html: without <title> the first heading is the title, and broken markup still gives its text") {
  const HtmlText page = extract_html_text("<body><h2>紛失のお知らせ</h2><p>USBメモリを<b>紛失</b>しました<p>以上");
  CHECK(page.title == "紛失のお知らせ");
  CHECK(page.text == "紛失のお知らせ\nUSBメモリを紛失しました\n以上");
}

TEST_CASE("html: documents are told from text by how they start") {
  CHECK(looks_like_html("  <!DOCTYPE html><html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF<html lang=\"ja\">"));
  CHECK_FALSE(looks_like_html("【セキュリティ事件簿#2024-1】<p>本文"));
}
