#include "reading/notice_reader.h"

#include <algorithm>
#include <cctype>

#include "reading/blog_dump_reader.h"
#include "reading/html_nesting.h"
#include "reading/html_text.h"
#include "reading/jsonl_reader.h"
#include "reading/notice_id.h"
#include "reading/text_decoding.h"

namespace kaiji {
namespace {

std::string lower_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of('/');
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

ReadResult read_html(std::string_view html, const std::string& source) {
  const HtmlText page = extract_html_text(html);
  // The title goes first so that a page without a blog header still gets it as its
  // notice's title line.
  std::string text = page.text;
  if (!page.title.empty() && !text.starts_with(page.title)) text = page.title + "\n" + text;
  ReadResult read = read_blog_dump(text, source);
  if (page.tags_removed_for_depth != 0) {
    read.problems.push_back({source, 0, "HTML nested more than " + std::to_string(kMaxHtmlNesting) +
                                            " elements deep; " + std::to_string(page.tags_removed_for_depth) +
                                            " deeper tag(s) ignored, their text kept"});
  }
  for (Notice& n : read.notices) {
    if (n.url.empty()) n.url = page.url;
    if (!n.incident.empty()) continue;  // a blog post's header already named it
    if (!page.title.empty()) n.title = page.title;
    if (n.org.empty()) n.org = page.org;
    n.id = make_notice_id(n);
  }
  return read;
}

}  // namespace

std::string_view format_name(InputFormat format) {
  switch (format) {
    case InputFormat::html: return "HTML";
    case InputFormat::jsonl: return "JSONL";
    case InputFormat::blog: break;
  }
  return "text";
}

InputFormat detect_format(std::string_view name, std::string_view utf8_text) {
  const std::string ext = lower_extension(name);
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::jsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::html;
  if (looks_like_jsonl(utf8_text)) return InputFormat::jsonl;
  if (looks_like_html(utf8_text)) return InputFormat::html;
  return InputFormat::blog;
}

NoticeFile read_notice_file(std::string_view bytes, const std::string& source) {
  NoticeFile file;
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    file.read.problems.push_back({source, 0, bytes.empty() ? "empty file, skipped" : "only white space, skipped"});
    file.skipped = true;
    return file;
  }
  const DecodedText decoded = decode_to_utf8(bytes);
  file.encoding = decoded.encoding;
  if (decoded.binary) {
    file.read.problems.push_back({source, 0, "binary data, not text; skipped"});
    file.skipped = true;
    return file;
  }
  if (decoded.first_bad_byte) {
    file.read.problems.push_back(
        {source, decoded.first_bad_line,
         "invalid " + decoded.encoding + " at byte " + std::to_string(*decoded.first_bad_byte) +
             " (replaced with U+FFFD; the rest of the text is kept)"});
  }
  file.format = detect_format(source, decoded.utf8);
  if (const std::string ext = lower_extension(source);
      file.format != InputFormat::jsonl && (ext == "json" || is_json_document(decoded.utf8))) {
    // Data beside the notices (labels, queries, settings): never read as notice text.
    file.read.problems.push_back({source, 0, "JSON, not notices: kaiji reads notices from JSON as JSONL, one object with a "
                                             "\"body\" per line; skipped"});
    file.skipped = true;
    return file;
  }
  ReadResult read;
  switch (file.format) {
    case InputFormat::jsonl: read = read_jsonl(decoded.utf8, source); break;
    case InputFormat::html: read = read_html(decoded.utf8, source); break;
    case InputFormat::blog: read = read_blog_dump(decoded.utf8, source); break;
  }
  for (ReadProblem& p : read.problems) file.read.problems.push_back(std::move(p));
  file.read.notices = std::move(read.notices);
  file.read.posts_not_notices = read.posts_not_notices;
  if (file.read.notices.empty()) {
    file.read.problems.push_back(
        {source, 0, read.posts_not_notices == 0 ? std::string("no notice found in this file")
                                                : "no notice found in this file (" + std::to_string(read.posts_not_notices) +
                                                      " post(s) that are not notices)"});
    file.skipped = true;
  }
  return file;
}

}  // namespace kaiji
