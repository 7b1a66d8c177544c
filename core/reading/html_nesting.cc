#include "reading/html_nesting.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kaiji {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never have content.
bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kVoid = {
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
      "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"};
  return one_of(name, kVoid);
}

// Elements whose content is text up to their end tag, never markup.
bool is_raw_text(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kRaw = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"};
  return one_of(name, kRaw);
}

// Start tags that close an open <p>.
bool closes_p(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kClosing = {
      "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
      "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hgroup", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
      "table", "ul"};
  return one_of(name, kClosing) || name == "li" || name == "dd" || name == "dt";
}

struct Tag {
  std::string name;  // lower case
  bool end = false;
  bool self_closing = false;
};

// Skips a start or end tag's attributes from `p` (just after its name) to just after
// its '>', as HTML's tokenizer does: quoted values may hold '>'.
std::size_t skip_attributes(std::string_view html, std::size_t p, bool& self_closing) {
  const std::size_t n = html.size();
  while (p < n) {
    const char c = html[p];
    if (c == '>') return p + 1;
    if (is_space(c)) { ++p; continue; }
    if (c == '/') {
      self_closing = p + 1 < n && html[p + 1] == '>';
      ++p;
      continue;
    }
    self_closing = false;
    ++p;  // the name's first character, which may be '='
    while (p < n && !is_space(html[p]) && html[p] != '/' && html[p] != '>' && html[p] != '=') ++p;
    while (p < n && is_space(html[p])) ++p;
    if (p >= n || html[p] != '=') continue;
    ++p;
    while (p < n && is_space(html[p])) ++p;
    if (p < n && (html[p] == '"' || html[p] == '\'')) {
      const std::size_t close = html.find(html[p], p + 1);
      p = close == std::string_view::npos ? n : close + 1;
    } else {
      while (p < n && !is_space(html[p]) && html[p] != '>') ++p;
    }
  }
  return n;
}

// The tag at html[p] == '<', or nothing when '<' starts text or a comment; `next` is
// where scanning goes on.
std::optional<Tag> read_tag(std::string_view html, std::size_t p, std::size_t& next) {
  const std::size_t n = html.size();
  const bool end = p + 1 < n && html[p + 1] == '/';
  const std::size_t name_begin = p + (end ? 2 : 1);
  if (name_begin < n && is_letter(html[name_begin])) {
    Tag tag;
    tag.end = end;
    std::size_t q = name_begin;
    while (q < n && !is_space(html[q]) && html[q] != '/' && html[q] != '>') {
      tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[q])));
      ++q;
    }
    next = skip_attributes(html, q, tag.self_closing);
    return tag;
  }
  if (html.substr(p).starts_with("<!--")) {
    const std::size_t close = html.find("-->", p + 4);
    next = close == std::string_view::npos ? n : close + 3;
  } else if (end || (p + 1 < n && (html[p + 1] == '!' || html[p + 1] == '?'))) {
    const std::size_t close = html.find('>', p + 1);  // a bogus comment (or </>)
    next = close == std::string_view::npos ? n : close + 1;
  } else {
    next = p + 1;  // a '<' in text
  }
  return std::nullopt;
}

// Where the raw text that starts at `p` ends: at its element's end tag, or the end.
std::size_t raw_text_end(std::string_view html, std::size_t p, std::string_view name) {
  for (std::size_t lt = html.find("</", p); lt != std::string_view::npos; lt = html.find("</", lt + 2)) {
    const std::size_t after = lt + 2 + name.size();
    if (after > html.size()) break;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(html[lt + 2 + k])) == name[k];
    }
    if (same && (after == html.size() || is_space(html[after]) || html[after] == '/' || html[after] == '>')) return lt;
  }
  return html.size();
}

// The stack of open elements as gumbo would build it, roughly, and the tags that would
// push it past the bound.
class NestingTracker {
 public:
  explicit NestingTracker(std::size_t max_depth) : max_depth_(max_depth) {}

  // Whether the tag stays in the page.
  bool keep(const Tag& tag) {
    if (tag.name == "html" || tag.name == "head" || tag.name == "body") return true;  // never nest
    return tag.end ? keep_end(tag.name) : keep_start(tag);
  }

 private:
  bool top_is(std::string_view a, std::string_view b = {}) const {
    return !open_.empty() && (open_.back() == a || (!b.empty() && open_.back() == b));
  }
  void pop() {
    if (open_.back() == "svg" || open_.back() == "math") --foreign_;
    open_.pop_back();
  }

  // Elements whose end tag may be left out, closed by the next of their kind.
  void close_implied(std::string_view name) {
    if (closes_p(name) && top_is("p")) pop();
    if (name == "li" && top_is("li")) pop();
    if ((name == "dt" || name == "dd") && top_is("dt", "dd")) pop();
    if ((name == "td" || name == "th" || name == "tr") && top_is("td", "th")) pop();
    if (name == "tr" && top_is("tr")) pop();
    if ((name == "option" || name == "optgroup") && top_is("option")) pop();
    if (name == "optgroup" && top_is("optgroup")) pop();
  }

  bool keep_start(const Tag& tag) {
    close_implied(tag.name);
    if (is_void(tag.name) || is_raw_text(tag.name) || (tag.self_closing && foreign_ > 0)) return true;
    if (open_.size() >= max_depth_) {
      ++dropped_[tag.name];
      return false;
    }
    open_.push_back(tag.name);
    if (tag.name == "svg" || tag.name == "math") ++foreign_;
    return true;
  }

  bool keep_end(const std::string& name) {
    // An end tag closes its element if it is open near the top; further down, gumbo
    // would mostly ignore it, and the search stays short.
    constexpr std::size_t kSearch = 16;
    for (std::size_t k = 0; k < std::min(kSearch, open_.size()); ++k) {
      if (open_[open_.size() - 1 - k] == name) {
        for (std::size_t popped = 0; popped <= k; ++popped) pop();
        return true;
      }
    }
    const auto it = dropped_.find(name);
    if (it == dropped_.end() || it->second == 0) return true;
    --it->second;  // closes an element whose start tag was dropped
    return false;
  }

  const std::size_t max_depth_;
  std::vector<std::string> open_;
  std::size_t foreign_ = 0;  // open <svg>/<math>: there, <x/> closes itself
  std::unordered_map<std::string, std::size_t> dropped_;
};

}  // namespace

NestingCap cap_html_nesting(std::string_view html, std::size_t max_depth) {
  NestingTracker tracker(max_depth);
  std::vector<std::pair<std::size_t, std::size_t>> removed;  // [begin, end) of each dropped tag
  std::size_t p = html.find('<');
  while (p != std::string_view::npos && p < html.size()) {
    std::size_t next = p + 1;
    const std::optional<Tag> tag = read_tag(html, p, next);
    if (tag) {
      if (!tracker.keep(*tag)) removed.emplace_back(p, next);
      if (!tag->end && is_raw_text(tag->name)) next = raw_text_end(html, next, tag->name);
    }
    p = html.find('<', next);
  }
  NestingCap out;
  if (removed.empty()) return out;
  out.capped = true;
  out.removed = removed.size();
  out.html.reserve(html.size());
  std::size_t copied = 0;
  for (const auto& [begin, end] : removed) {
    out.html.append(html.substr(copied, begin - copied));
    // An empty comment, not nothing: "<<div>div>" without its tag would be a new tag.
    out.html.append("<!---->");
    copied = end;
  }
  out.html.append(html.substr(copied));
  return out;
}

}  // namespace kaiji
