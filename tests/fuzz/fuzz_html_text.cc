// Any bytes as an HTML page: extraction never crashes and finishes in linear time (the
// run's -timeout catches a blow-up), bounding the nesting is done in one go, and valid
// UTF-8 in gives valid UTF-8 out, one trimmed non-empty line per block.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "reading/html_nesting.h"
#include "reading/html_text.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

bool lines_are_trimmed(std::string_view text) {
  if (text.empty()) return true;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    const std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (line.empty() || kaiji::utf8::trim(line) != line) return false;
    if (nl == std::string_view::npos) return true;
    start = nl + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  // A small bound, so that short inputs reach it.
  const kaiji::NestingCap cap = kaiji::cap_html_nesting(html, 8);
  if (cap.capped) require(!kaiji::cap_html_nesting(cap.html, 8).capped);
  require(cap.capped == (cap.removed != 0));

  const kaiji::HtmlText page = kaiji::extract_html_text(html);
  require(lines_are_trimmed(page.text));
  if (kaiji::utf8::sanitize(html) == html) {
    for (const std::string* field : {&page.title, &page.org, &page.url, &page.text}) {
      require(kaiji::utf8::sanitize(*field) == *field);
    }
  }
  return 0;
}
