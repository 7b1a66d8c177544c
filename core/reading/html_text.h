// The readable text of an HTML page (gumbo parses it, as browsers do): scripts, styles and
// navigation dropped, entities decoded, one line per block element, plus the page title
// and the publisher named in its metadata.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kaiji {

struct HtmlText {
  std::string title;  // <title>, else the first <h1>/<h2>; empty when the page has neither
  std::string org;    // <meta property="og:site_name"> or <meta name="author">, if given
  std::string url;    // <link rel="canonical">, else <meta property="og:url">
  std::string text;   // the body's text, blocks separated by newlines
  // Tags dropped because they nested deeper than html_nesting.h allows (their text is
  // kept); 0 for any real page.
  std::size_t tags_removed_for_depth = 0;
};

HtmlText extract_html_text(std::string_view html);

// True when text starts like an HTML document (after white space and a BOM).
bool looks_like_html(std::string_view text);

}  // namespace kaiji
