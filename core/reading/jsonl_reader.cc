#include "reading/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "reading/notice_id.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

// Ids become index terms (at most a couple of hundred bytes) and appear in URLs and
// shell commands: printable ASCII without spaces only.
bool usable_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (const char c : id) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

std::string string_field(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  if (it == record.end() || it->is_null()) return {};
  if (!it->is_string()) throw std::invalid_argument(std::string("\"") + name + "\" is not a string");
  return std::string(utf8::trim(it->get<std::string>()));
}

Notice notice_from_record(const nlohmann::json& record, const std::string& source, std::size_t line) {
  if (!record.is_object()) throw std::invalid_argument("not a JSON object");
  Notice n;
  n.body = string_field(record, "body");
  if (n.body.empty()) throw std::invalid_argument("no \"body\"");
  n.title = string_field(record, "title");
  n.org = string_field(record, "org");
  n.url = string_field(record, "url");
  if (const std::string date = string_field(record, "date"); !date.empty()) {
    n.date = Date::parse_iso(date.substr(0, 10));
    if (!n.date) {
      const std::vector<Date> written = find_dates(date);
      if (written.empty()) throw std::invalid_argument("\"date\" is not a date: " + date);
      n.date = written.front();
    }
  }
  // No "date": not the first date of the body, usually the incident's; the classifier
  // looks for the notice's own date line (classify/letterhead.h).
  if (n.title.empty()) {
    const std::string_view first_line = std::string_view(n.body).substr(0, n.body.find('\n'));
    n.title = std::string(utf8::prefix(first_line.substr(0, first_line.find("。")), 60));
  }
  n.sources.push_back(source + ":" + std::to_string(line));
  const std::string id = string_field(record, "id");
  if (!id.empty() && !usable_id(id)) {
    throw std::invalid_argument("\"id\" must be 1–100 printable ASCII characters without spaces");
  }
  n.id_from_source = !id.empty();
  n.id = n.id_from_source ? id : make_notice_id(n);
  return n;
}

}  // namespace

ReadResult read_jsonl(std::string_view text, const std::string& source) {
  ReadResult result;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_number;
    const std::string_view line = utf8::trim(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) continue;
    try {
      result.notices.push_back(notice_from_record(nlohmann::json::parse(line), source, line_number));
    } catch (const std::exception& e) {
      // nlohmann's messages start with "[json.exception.parse_error.101] "; the user
      // needs only what follows.
      std::string message = e.what();
      if (message.starts_with("[json.exception.")) message = message.substr(message.find(']') + 2);
      // Each record is parsed on its own, so the parser's "line 1" would mislead.
      if (const std::size_t at = message.find(" at line 1, column "); at != std::string::npos) {
        message.replace(at, 19, " at column ");
      }
      result.problems.push_back({source, line_number, "skipped JSONL record: " + message});
    }
  }
  return result;
}

bool looks_like_jsonl(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') return false;
  std::size_t end = text.find('\n', first);
  if (end == std::string_view::npos) end = text.size();
  return nlohmann::json::accept(text.substr(first, end - first));
}

bool is_json_document(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) return false;
  return !looks_like_jsonl(text) && nlohmann::json::accept(text);
}

}  // namespace kaiji
