#include "reading/html_text.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include <gumbo.h>

#include "base/utf8.h"
#include "reading/html_nesting.h"

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

const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

// The text under `node`, appended to out. With layout, block elements start and end a
// line and table cells are set apart by tabs; without, only the words count. The walk
// keeps its own stack: the tree may be deep (html_nesting.h bounds it, but a walk
// should not depend on that).
void collect_text(const GumboNode* node, bool layout, std::string& out) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack{{node, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child == children.length) {
      if (layout && is_block(top.node->v.element.tag)) out += '\n';
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        (layout && child->type == GUMBO_NODE_CDATA)) {
      out += child->v.text.text;
    } else if (child->type == GUMBO_NODE_ELEMENT && !is_skipped(child->v.element.tag)) {
      const GumboTag tag = child->v.element.tag;
      if (layout && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) out += '\t';
      if (layout && is_block(tag)) out += '\n';
      stack.push_back({child, 0});  // invalidates `top`
    }
  }
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

// The first element in document order that `wanted` accepts, or null; a walk with its
// own stack, as above.
template <typename Predicate>
const GumboNode* find_element(const GumboNode* root, const Predicate& wanted) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_ELEMENT && wanted(node->v.element)) return node;
    const GumboVector& children = children_of(node);
    for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  return nullptr;
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  return find_element(root, [tag](const GumboElement& element) { return element.tag == tag; });
}

std::string text_of(const GumboNode* node) {
  if (node == nullptr) return {};
  std::string raw;
  collect_text(node, false, raw);
  std::replace(raw.begin(), raw.end(), '\n', ' ');
  return std::string(utf8::trim(raw));
}

// The value of `attribute` of the first element of kind `tag` whose `key` attribute is
// `value`.
std::string attribute_where(const GumboNode* root, GumboTag tag, const char* key, std::string_view value,
                            const char* attribute) {
  const GumboNode* found = find_element(root, [&](const GumboElement& element) {
    if (element.tag != tag) return false;
    const GumboAttribute* k = gumbo_get_attribute(&element.attributes, key);
    const GumboAttribute* a = gumbo_get_attribute(&element.attributes, attribute);
    return k != nullptr && a != nullptr && value == k->value && !utf8::trim(a->value).empty();
  });
  if (found == nullptr) return {};
  return std::string(utf8::trim(gumbo_get_attribute(&found->v.element.attributes, attribute)->value));
}

std::string meta_content(const GumboNode* root, const char* attribute, std::string_view value) {
  return attribute_where(root, GUMBO_TAG_META, attribute, value, "content");
}

std::string canonical_link(const GumboNode* root) {
  return attribute_where(root, GUMBO_TAG_LINK, "rel", "canonical", "href");
}

}  // namespace

HtmlText extract_html_text(std::string_view html) {
  HtmlText out;
  const NestingCap cap = cap_html_nesting(html);
  if (cap.capped) {
    html = cap.html;
    out.tags_removed_for_depth = cap.removed;
  }
  const std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  const GumboNode* root = output->root;
  out.title = text_of(find_first(root, GUMBO_TAG_TITLE));
  if (out.title.empty()) out.title = text_of(find_first(root, GUMBO_TAG_H1));
  if (out.title.empty()) out.title = text_of(find_first(root, GUMBO_TAG_H2));
  out.org = meta_content(root, "property", "og:site_name");
  if (out.org.empty()) out.org = meta_content(root, "name", "author");
  out.url = canonical_link(root);
  if (out.url.empty()) out.url = meta_content(root, "property", "og:url");
  std::string raw;
  if (const GumboNode* body = find_first(root, GUMBO_TAG_BODY)) collect_text(body, true, raw);
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
