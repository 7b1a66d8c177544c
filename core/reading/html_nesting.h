// A bound on how deeply an HTML page's elements nest, applied before gumbo parses it.
//
// Why: gumbo checks "is there an element in scope" by walking its stack of open
// elements, so a page nested n deep costs it n² steps (100,000 nested <div>s take
// minutes; nested tables far longer), and any recursive walk of such a tree overflows the
// stack. No real notice nests more than a few dozen elements deep. This pass estimates
// the depth gumbo will build, in one linear scan that roughly follows its rules (void
// elements, elements closed implicitly, raw text, comments), and removes the start and
// end tags that would nest past the bound (each becomes an empty comment). Their text
// stays where it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kaiji {

struct NestingCap {
  std::string html;         // the page with the too-deep tags removed (when capped)
  bool capped = false;      // false: nothing removed, html is empty and the input stands
  std::size_t removed = 0;  // tags removed
};

inline constexpr std::size_t kMaxHtmlNesting = 256;

NestingCap cap_html_nesting(std::string_view html, std::size_t max_depth = kMaxHtmlNesting);

}  // namespace kaiji
