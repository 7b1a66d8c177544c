#include "safe_text.h"

#include <cstdio>
#include <vector>

#include "base/utf8.h"

namespace kaiji {
namespace {

bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

// How a control character is shown; the character itself when it is not one.
void append_visible(std::string& out, char32_t c) {
  if (!is_control(c) || c == '\n' || c == '\t') {
    utf8::append(out, c);
  } else if (c < 0x20) {
    out += '^';
    out += static_cast<char>(c + 0x40);
  } else if (c == 0x7F) {
    out += "^?";
  } else {
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, "<U+%04X>", static_cast<unsigned>(c));
    out += buffer;
  }
}

}  // namespace

std::string visible_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_visible(out, utf8::decode(text, i));
  return out;
}

Snippet visible_snippet(const Snippet& snippet) {
  Snippet out = snippet;
  out.text.clear();
  std::vector<std::size_t> moved;  // code point k of the snippet → where it starts now
  std::size_t chars = 0;
  for (std::size_t i = 0; i < snippet.text.size();) {
    moved.push_back(chars);
    const std::size_t before = out.text.size();
    append_visible(out.text, utf8::decode(snippet.text, i));
    chars += utf8::length(std::string_view(out.text).substr(before));
  }
  moved.push_back(chars);
  for (auto& [begin, end] : out.highlights) {
    begin = moved.at(std::min(begin, moved.size() - 1));
    end = moved.at(std::min(end, moved.size() - 1));
  }
  return out;
}

std::string csv_cell(std::string_view value) {
  std::string cell;
  for (std::size_t i = 0; i < value.size();) {
    const char32_t c = utf8::decode(value, i);
    if (!is_control(c) || c == '\t' || c == '\r' || c == '\n') utf8::append(cell, c);
  }
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) cell = "'" + cell;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::decode(text, i);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string padded(const std::string& text, std::size_t columns) {
  const std::size_t width = display_width(text);
  return width >= columns ? text + " " : text + std::string(columns - width, ' ');
}

}  // namespace kaiji
