#include "reading/html_text.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <gumbo.h>

#include "base/utf8.h"

namespace kaiji {
namespace {

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// Elements whose content is never part of the notice's text.
bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

// Elements that start a new line of text.
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& element = node->v.element;
  if (is_skipped(element.tag)) return;
  const bool block = is_block(element.tag);
  // Table cells sit side by side: a tab keeps their words apart on one line.
  if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) out += '\t';
  if (block) out += '\n';
  for (unsigned i = 0; i < element.children.length; ++i) {
    append_text(static_cast<const GumboNode*>(element.children.data[i]), out);
  }
  if (block) out += '\n';
}

std::string collapse_lines(const std::string& raw) {
  std::string out;
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t nl = raw.find('\n', start);
    if (nl == std::string::npos) nl = raw.size();
    std::string line(utf8::trim(std::string_view(raw).substr(start, nl - start)));
    std::replace(line.begin(), line.end(), '\t', ' ');
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    start = nl + 1;
  }
  return out;
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    if (const GumboNode* found = find_first(static_cast<const GumboNode*>(node->v.element.children.data[i]), tag)) {
      return found;
    }
  }
  return nullptr;
}

std::string text_of(const GumboNode* node) {
  if (node == nullptr) return {};
  std::string raw;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && is_skipped(child->v.element.tag)) continue;
    if (child->type == GUMBO_NODE_ELEMENT) {
      raw += text_of(child);
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      raw += child->v.text.text;
    }
  }
  std::replace(raw.begin(), raw.end(), '\n', ' ');
  return std::string(utf8::trim(raw));
}

std::string meta_content(const GumboNode* node, std::string_view attribute, std::string_view value) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_META) {
    const GumboAttribute* key = gumbo_get_attribute(&element.attributes, std::string(attribute).c_str());
    const GumboAttribute* content = gumbo_get_attribute(&element.attributes, "content");
    if (key != nullptr && content != nullptr && value == key->value) return std::string(utf8::trim(content->value));
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    std::string found = meta_content(static_cast<const GumboNode*>(element.children.data[i]), attribute, value);
    if (!found.empty()) return found;
  }
  return {};
}

std::string canonical_link(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_LINK) {
    const GumboAttribute* rel = gumbo_get_attribute(&element.attributes, "rel");
    const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href");
    if (rel != nullptr && href != nullptr && std::string_view(rel->value) == "canonical") return href->value;
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    std::string found = canonical_link(static_cast<const GumboNode*>(element.children.data[i]));
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace

HtmlText extract_html_text(std::string_view html) {
  const std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  HtmlText out;
  const GumboNode* root = output->root;
  out.title = text_of(find_first(root, GUMBO_TAG_TITLE));
  if (out.title.empty()) out.title = text_of(find_first(root, GUMBO_TAG_H1));
  if (out.title.empty()) out.title = text_of(find_first(root, GUMBO_TAG_H2));
  out.org = meta_content(root, "property", "og:site_name");
  if (out.org.empty()) out.org = meta_content(root, "name", "author");
  out.url = canonical_link(root);
  if (out.url.empty()) out.url = meta_content(root, "property", "og:url");
  std::string raw;
  if (const GumboNode* body = find_first(root, GUMBO_TAG_BODY)) append_text(body, raw);
  out.text = collapse_lines(raw);
  return out;
}

bool looks_like_html(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  std::string head(text.substr(first, 15));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         head.starts_with("<meta") || head.starts_with("<body");
}

}  // namespace kaiji
