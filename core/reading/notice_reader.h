// One input (a file, or standard input) → notices. Decodes the bytes (text_decoding.h),
// recognises the format and hands the text to the reader for it:
//   JSONL       *.jsonl / *.ndjson, or text whose first line is a JSON object
//   HTML        *.html / *.htm / *.xhtml, or text that starts like an HTML document
//   blog dump   everything else: the corpus's pages of posts, or one plain-text notice
// Every problem (empty, binary, undecodable bytes, damaged lines) is reported with the
// source and, where there is one, the line; whatever good text there is, is kept.
#pragma once

#include <string>
#include <string_view>

#include "base/read_problem.h"

namespace kaiji {

enum class InputFormat { blog, html, jsonl };

std::string_view format_name(InputFormat format);

// The format of an input named `name` (a path, or "-") holding `utf8_text`.
InputFormat detect_format(std::string_view name, std::string_view utf8_text);

struct NoticeFile {
  ReadResult read;
  std::string encoding;  // as detected
  InputFormat format = InputFormat::blog;
  bool skipped = false;  // nothing usable in it (empty, binary, or no notice found)
};

NoticeFile read_notice_file(std::string_view bytes, const std::string& source);

}  // namespace kaiji
