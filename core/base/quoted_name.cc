#include "base/quoted_name.h"

#include <cstdio>

#include "base/utf8.h"

namespace kaiji {
namespace {

bool is_invisible_format(char32_t c) {
  return c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool needs_escape(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '"' || c == '\\' || is_invisible_format(c);
}

void append_hex(std::string& out, const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

}  // namespace

std::string quoted_name(std::string_view name) {
  std::string quoted = "\"";
  bool escaped = false;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(name, i);
    std::string as_read;
    utf8::append(as_read, c);
    if (c == utf8::kReplacement && name.substr(start, i - start) != as_read) {  // not UTF-8
      append_hex(quoted, "\\x%02X", static_cast<unsigned char>(name[start]));
      escaped = true;
    } else if (!needs_escape(c)) {
      quoted += as_read;
    } else {
      escaped = true;
      switch (c) {
        case '\n': quoted += "\\n"; break;
        case '\t': quoted += "\\t"; break;
        case '\r': quoted += "\\r"; break;
        case '"': quoted += "\\\""; break;
        case '\\': quoted += "\\\\"; break;
        default:
          if (c < 0x80) {
            append_hex(quoted, "\\x%02X", static_cast<unsigned>(c));
          } else {
            append_hex(quoted, "\\u{%04X}", static_cast<unsigned>(c));
          }
      }
    }
  }
  if (!escaped) return std::string(name);
  return quoted + '"';
}

}  // namespace kaiji
