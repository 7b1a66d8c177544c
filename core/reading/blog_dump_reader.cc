#include "reading/blog_dump_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "reading/notice_id.h"
#include "reading/post_header.h"
#include "reading/post_kind.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::string_view kLabelStart = "ラベル ";
constexpr std::string_view kLabelEnd = " の投稿を表示しています。";
constexpr std::size_t kMaxHeaderlessTitleChars = 60;

// "ラベル 最終報告 の投稿を表示しています。 すべての投稿を表示" → "最終報告".
std::optional<std::string> page_label(std::string_view line) {
  if (line.substr(0, kLabelStart.size()) != kLabelStart) return std::nullopt;
  const std::size_t end = line.find(kLabelEnd);
  if (end == std::string_view::npos || end <= kLabelStart.size()) return std::nullopt;
  return std::string(utf8::trim(line.substr(kLabelStart.size(), end - kLabelStart.size())));
}

bool is_boilerplate(std::string_view line) {
  return line == "リリース文アーカイブ" || line == "すべての投稿を表示";
}

// "【2024年7月5日リリース分】" or "【2024年9月19日】": the original release date of the
// post above.
std::optional<Date> release_marker(std::string_view line) {
  constexpr std::string_view open = "【";
  constexpr std::string_view close = "】";
  if (line.substr(0, open.size()) != open || line.size() < open.size() + close.size() ||
      line.substr(line.size() - close.size()) != close) {
    return std::nullopt;
  }
  std::string_view inner = line.substr(open.size(), line.size() - open.size() - close.size());
  constexpr std::string_view suffix = "リリース分";
  if (inner.size() > suffix.size() && inner.substr(inner.size() - suffix.size()) == suffix) {
    inner.remove_suffix(suffix.size());
  }
  const std::vector<Date> dates = find_dates(inner);
  if (dates.size() != 1) return std::nullopt;
  // The whole inner text must be the date (no other words).
  if (utf8::length(inner) > 16) return std::nullopt;
  return dates.front();
}

// Removes stray HTML tags (<p>, </p>, <br/>) that some dumps carry inside plain text.
std::string strip_tags(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '<') {
      std::size_t j = i + 1;
      if (j < line.size() && line[j] == '/') ++j;
      const bool letter = j < line.size() && std::isalpha(static_cast<unsigned char>(line[j]));
      const std::size_t close = line.find('>', j);
      const std::size_t reopen = line.find('<', j);
      if (letter && close != std::string_view::npos && close - i < 200 &&
          (reopen == std::string_view::npos || reopen > close)) {
        i = close;
        continue;
      }
    }
    out += line[i];
  }
  return out;
}

// A post being collected.
struct PostBuilder {
  std::size_t first_line = 0;
  std::optional<PostHeader> header;
  std::optional<SeriesHeader> series;  // a post of another series of the same page
  std::vector<std::string> lines;  // cleaned, non-empty
  std::vector<Date> release_dates;

  bool empty() const { return !header && lines.empty(); }
};

std::string join_lines(const std::vector<std::string>& lines, std::size_t from) {
  std::string out;
  for (std::size_t k = from; k < lines.size(); ++k) {
    if (!out.empty()) out += '\n';
    out += lines[k];
  }
  return out;
}

// A headerless notice's title: its first line when that reads like a title, else the
// start of its first sentence.
std::string headerless_title(const std::vector<std::string>& lines, bool& first_line_is_title) {
  first_line_is_title = false;
  if (lines.empty()) return {};
  const std::string& first = lines.front();
  const bool ends_sentence = first.size() >= 3 && first.substr(first.size() - 3) == "。";
  if (utf8::length(first) <= kMaxHeaderlessTitleChars && !ends_sentence && lines.size() > 1) {
    first_line_is_title = true;
    return first;
  }
  std::string_view sentence = first;
  if (const std::size_t stop = sentence.find("。"); stop != std::string_view::npos) sentence = sentence.substr(0, stop);
  if (utf8::length(sentence) <= kMaxHeaderlessTitleChars) return std::string(sentence);
  return std::string(utf8::prefix(sentence, kMaxHeaderlessTitleChars)) + "…";
}

Notice finish_post(PostBuilder&& post, const std::string& source, const std::vector<std::string>& labels) {
  Notice notice;
  notice.labels = labels;
  notice.release_dates = std::move(post.release_dates);
  notice.sources.push_back(source + ":" + std::to_string(post.first_line));
  if (post.header) {
    notice.incident = post.header->incident;
    notice.org = post.header->org;
    notice.title = post.header->title;
    notice.date = post.header->date;
    notice.body = join_lines(post.lines, 0);
  } else if (post.series) {
    notice.title = post.series->title;
    notice.date = post.series->date;
    notice.body = join_lines(post.lines, 0);
  } else {
    bool first_line_is_title = false;
    notice.title = headerless_title(post.lines, first_line_is_title);
    notice.body = join_lines(post.lines, first_line_is_title ? 1 : 0);
  }
  // No header date: the release date. Not the first date of the text, which is usually
  // the incident's; the classifier looks for the notice's own date line.
  if (!notice.date && !notice.release_dates.empty()) notice.date = notice.release_dates.front();
  notice.id = make_notice_id(notice);
  return notice;
}

}  // namespace

ReadResult read_blog_dump(std::string_view text, const std::string& source) {
  ReadResult result;
  std::vector<std::string> labels;
  std::vector<PostBuilder> posts(1);  // posts[0] collects text before the first header
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_number;
    const std::string cleaned = strip_tags(text.substr(start, nl - start));
    const std::string_view line = utf8::trim(cleaned);
    start = nl + 1;

    if (line.empty() || is_boilerplate(line)) continue;
    if (auto label = page_label(line)) {
      if (std::find(labels.begin(), labels.end(), *label) == labels.end()) labels.push_back(*label);
      continue;
    }
    if (auto release = release_marker(line)) {
      posts.back().release_dates.push_back(*release);
      continue;
    }
    if (looks_like_post_header(line)) {
      PostBuilder next;
      next.first_line = line_number;
      next.header = parse_post_header(line);
      if (!next.header) {
        next.header = salvage_post_header(line);
        result.problems.push_back({source, line_number,
                                   std::string("damaged post header (kept the post, ") +
                                       (next.header ? "its organisation and title as read): "
                                                    : "title taken from its text): ") +
                                       std::string(utf8::prefix(line, 60))});
      }
      posts.push_back(std::move(next));
      continue;
    }
    if (auto series = parse_series_header(line)) {
      PostBuilder next;
      next.first_line = line_number;
      next.series = std::move(series);
      posts.push_back(std::move(next));
      continue;
    }
    if (posts.back().lines.empty() && posts.back().first_line == 0) posts.back().first_line = line_number;
    posts.back().lines.emplace_back(line);
  }

  for (std::size_t k = 0; k < posts.size(); ++k) {
    PostBuilder& post = posts[k];
    if (post.empty()) continue;
    // A post of another series, or a dump's lead-in before its first post, is a notice
    // only when its text reads like one (a review or a diary is skipped and counted).
    const bool in_question = post.series || (k == 0 && posts.size() > 1);
    if (in_question && !reads_like_notice(join_lines(post.lines, 0))) {
      ++result.posts_not_notices;
      continue;
    }
    result.notices.push_back(finish_post(std::move(post), source, labels));
  }
  return result;
}

}  // namespace kaiji
