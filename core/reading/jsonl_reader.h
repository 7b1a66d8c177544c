// JSONL input: one notice per line, as other tools export them.
//   {"title": "...", "org": "...", "date": "2024-11-11", "body": "...", "url": "...", "id": "..."}
// body is required; the others are optional. date may be ISO (2024-11-11) or written as
// notices write dates (2024年11月11日, 令和6年11月11日). A given id is kept as the notice's id,
// so re-exports of the same record replace it. A malformed line is reported and skipped;
// the lines around it are read.
#pragma once

#include <string>
#include <string_view>

#include "base/read_problem.h"

namespace kaiji {

ReadResult read_jsonl(std::string_view text, const std::string& source);

// True when the first non-blank line of text is a JSON object.
bool looks_like_jsonl(std::string_view text);

// True when text is one JSON document (an object or array over several lines, such as a
// labels.json or a package.json), not JSONL: not notices.
bool is_json_document(std::string_view text);

}  // namespace kaiji
