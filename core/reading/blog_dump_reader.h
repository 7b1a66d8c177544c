// Reads the blog dumps in corpus/: pages of posts, each starting with a
// 【セキュリティ事件簿#…】 header, plus page labels, boilerplate and release-date lines.
// Text before the first header (a dump of a single notice with no header at all) becomes
// a notice of its own, its title and date taken from the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/read_problem.h"

namespace kaiji {

// text is the UTF-8 content of one file; source names it in sources and messages.
ReadResult read_blog_dump(std::string_view text, const std::string& source);

}  // namespace kaiji
