#include <doctest/doctest.h>

#include <string>

#include "reading/html_nesting.h"
#include "reading/html_text.h"

using namespace kaiji;

namespace {

std::string repeated(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("html nesting: 100,000 nested elements are read without a crash, their text kept and the cut told") {
  for (const std::string tag : {"span", "div"}) {
    const std::string html = "<!DOCTYPE html><html><head><title>深い入れ子</title></head><body>" +
                             repeated("<" + tag + " class=\"x\">", 100000) + "個人情報の流出" +
                             repeated("</" + tag + ">", 100000) + "<p>以上</p></body></html>";
    const HtmlText page = extract_html_text(html);
    INFO(tag);
    CHECK(page.title == "深い入れ子");
    CHECK(page.text.find("個人情報の流出") != std::string::npos);
    CHECK(page.text.ends_with("以上"));
    CHECK(page.tags_removed_for_depth == 2 * (100000 - kMaxHtmlNesting));
  }
}

TEST_CASE("html nesting: nested tables, lists of terms and unclosed formatting are bounded too") {
  for (const std::string piece : {"<table><tr><td>", "<dl><dt><dd>", "<b>x</p>", "<i><b>語"}) {
    const HtmlText page = extract_html_text("<html><body>" + repeated(piece, 20000) + "末尾</body></html>");
    INFO(piece);
    CHECK(page.tags_removed_for_depth > 0);
    CHECK(page.text.ends_with("末尾"));
  }
}

TEST_CASE("html nesting: real pages are left alone, unclosed paragraphs and list items included") {
  const std::string page = "<html><body>" + repeated("<p>段落", 5000) + "<ul>" + repeated("<li>項目<p>説明", 5000) +
                           "</ul><table>" + repeated("<tr><td>セル<th>見出し", 5000) + "</table><dl>" +
                           repeated("<dt>語<dd>意味", 5000) + "</dl><select>" + repeated("<option>選択", 5000) + "</select>" +
                           repeated("<div><span>", 100) + "<br><img src=x><svg>" + repeated("<path d=\"M0 0\"/>", 500) +
                           "</svg>" + repeated("</span></div>", 100) + "</body></html>";
  CHECK_FALSE(cap_html_nesting(page).capped);
  CHECK(extract_html_text(page).tags_removed_for_depth == 0);
}

TEST_CASE("html nesting: tags inside comments, scripts and quoted attributes do not count, and script text stays out") {
  const std::string deep = repeated("<div>", 300);
  const std::string html = "<html><body><!--" + deep + "--><script>var s='" + deep + "';</script><a title=\"" + deep +
                           "\">リンク</a><p>本文</p></body></html>";
  CHECK_FALSE(cap_html_nesting(html).capped);
  const std::string capped = "<html><body>" + deep + "<script>alert('秘密')</script>本文" + "</body></html>";
  const HtmlText page = extract_html_text(capped);
  CHECK(page.tags_removed_for_depth == 300 - kMaxHtmlNesting);
  CHECK(page.text == "本文");
}

TEST_CASE("html nesting: only the tags past the bound are removed") {
  const NestingCap cap = cap_html_nesting("<div><div><div>a</div></div></div>", 2);
  CHECK(cap.capped);
  CHECK(cap.removed == 2);
  CHECK(cap.html == "<div><div><!---->a</div></div><!---->");
  // What is left of a removed tag never makes a new one.
  const NestingCap forged = cap_html_nesting("<div><div><<div>div>x", 2);
  CHECK(forged.html == "<div><div><<!---->div>x");
  CHECK_FALSE(cap_html_nesting(forged.html, 2).capped);
}
