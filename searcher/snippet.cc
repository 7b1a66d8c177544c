#include "snippet.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.h"

namespace kaiji {
namespace {

constexpr std::size_t kLeadChars = 20;  // context shown before the first match
constexpr std::size_t kSnippetsAnalysedAhead = 3;  // passages analysed reach this many snippets past the best

struct Match {
  std::uint32_t begin;
  std::uint32_t end;
  const std::string* term;
};

// Byte offset of the code point boundary that is `chars` code points before `at`.
std::size_t back_chars(const std::string& s, std::size_t at, std::size_t chars) {
  while (at > 0 && chars > 0) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    --chars;
  }
  return at;
}

std::size_t forward_chars(const std::string& s, std::size_t at, std::size_t chars) {
  while (at < s.size() && chars > 0) {
    utf8::decode(s, at);
    --chars;
  }
  return at;
}

// Where each sequence stands among the meaningful words of tokens, in text order;
// overlapping matches (a phrase and its own words) become one.
std::vector<Match> find_matches(const std::vector<std::vector<std::string>>& sequences, std::vector<Token> tokens) {
  // Only words that carry meaning take part; stop words between them are skipped,
  // as the index skips them.
  std::vector<Token> words;
  for (Token& t : tokens) {
    if (t.indexable && !t.is_part) words.push_back(std::move(t));
  }
  std::vector<Match> matches;
  for (const std::vector<std::string>& sequence : sequences) {
    if (sequence.empty()) continue;
    bool found = false;
    for (std::size_t i = 0; i + sequence.size() <= words.size(); ++i) {
      std::size_t k = 0;
      while (k < sequence.size() && words[i + k].term == sequence[k]) ++k;
      if (k != sequence.size()) continue;
      found = true;
      matches.push_back({words[i].begin, words[i + k - 1].end, &sequence.front()});
    }
    if (found || sequence.size() == 1) continue;
    // The sequence never stands together: its terms of two or more characters alone.
    for (const std::string& term : sequence) {
      if (utf8::length(term) < 2) continue;
      for (const Token& w : words) {
        if (w.term == term) matches.push_back({w.begin, w.end, &term});
      }
    }
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
  std::vector<Match> merged;
  for (const Match& m : matches) {
    if (!merged.empty() && m.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, m.end);
    } else {
      merged.push_back(m);
    }
  }
  return merged;
}

// The match (an index into matches, not empty) that starts the window of max_chars,
// minus the lead, holding the most distinct terms, then the most matches, then the first.
std::size_t best_window(const std::string& body, const std::vector<Match>& matches, std::size_t max_chars) {
  std::size_t best_start = 0;
  std::size_t best_distinct = 0;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const std::size_t limit = forward_chars(body, matches[i].begin, max_chars - kLeadChars);
    std::set<const std::string*> distinct;
    std::size_t count = 0;
    for (std::size_t j = i; j < matches.size() && matches[j].end <= limit; ++j) {
      distinct.insert(matches[j].term);
      ++count;
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
      best_distinct = distinct.size();
      best_count = count;
      best_start = i;
    }
  }
  return best_start;
}

// Where a passage showing the match at first_match begins: kLeadChars before it, or at
// its line's start when that is closer (a passage does not start mid-line then).
std::size_t passage_begin(const std::string& body, std::size_t first_match) {
  std::size_t begin = back_chars(body, first_match, kLeadChars);
  if (const std::size_t nl = body.rfind('\n', first_match); nl != std::string::npos && nl + 1 > begin) begin = nl + 1;
  return begin;
}

// body[begin, end) on one line (each run of white space one space), with the matches in
// it as highlights in code points of the text.
Snippet render_passage(const std::string& body, std::size_t begin, std::size_t end, const std::vector<Match>& matches) {
  Snippet snippet;
  snippet.leading_ellipsis = begin > 0;
  snippet.trailing_ellipsis = end < body.size();
  std::size_t chars = 0;
  std::size_t open_at = 0;
  bool open = false;
  std::size_t m = 0;
  while (m < matches.size() && matches[m].begin < begin) ++m;
  bool last_was_space = false;
  for (std::size_t i = begin; i < end;) {
    // Close or open highlights at this byte.
    if (open && m > 0 && i >= matches[m - 1].end && !(m < matches.size() && matches[m].begin == i)) {
      snippet.highlights.emplace_back(open_at, chars);
      open = false;
    }
    if (m < matches.size() && matches[m].begin == i) {
      if (!open) {
        open_at = chars;
        open = true;
      }
      ++m;
    }
    const std::size_t start = i;
    const char32_t c = utf8::decode(body, i);
    if (utf8::is_space(c)) {
      if (last_was_space) continue;
      snippet.text += ' ';
      last_was_space = true;
    } else {
      snippet.text.append(body, start, i - start);
      last_was_space = false;
    }
    ++chars;
  }
  if (open) snippet.highlights.emplace_back(open_at, chars);
  return snippet;
}

}  // namespace

Snippet make_snippet(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                     Analyzer& analyzer, std::size_t max_chars) {
  return sequences.empty() ? snippet_of_tokens(body, sequences, {}, max_chars)
                           : snippet_of_tokens(body, sequences, analyzer.analyze(body), max_chars);
}

Snippet make_snippet(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                     Analyzer& analyzer, const std::vector<BodyLine>& lines,
                     const std::vector<PositionedTerm>& matches, std::size_t max_chars) {
  // The passage with the most distinct query words, then the most matches, then the first.
  std::map<std::size_t, std::pair<std::set<std::uint32_t>, std::size_t>> per_line;
  for (const PositionedTerm& m : matches) {
    const std::size_t line = line_of_position(lines, m.position);
    if (line >= lines.size()) continue;  // in the title or the organisation
    auto& [terms, count] = per_line[line];
    terms.insert(m.term);
    ++count;
  }
  std::size_t best = lines.size();
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (const auto& [line, score] : per_line) {
    const std::pair<std::size_t, std::size_t> this_score{score.first.size(), score.second};
    if (this_score > best_score) {
      best_score = this_score;
      best = line;
    }
  }
  std::vector<Token> tokens;
  if (best < lines.size()) {
    std::set<std::string_view> terms;
    for (const auto& sequence : sequences) terms.insert(sequence.begin(), sequence.end());
    // That passage, and those after it that hold query words (as the index says) while
    // a snippet starting at the last match could run on into them: a snippet ends at
    // most max_chars after the match it starts from. Passages without query words need
    // no analysis: the snippet's text is the body's, only highlights come from words.
    // However many passages hold query words, those past a few snippets' length are left
    // alone: in a body whose every line matches, the chain ran to its end (a 50 MB body
    // was analysed whole for one snippet).
    std::size_t last_match = std::min<std::size_t>(lines[best].offset, body.size());
    const std::size_t reach = forward_chars(body, last_match, kSnippetsAnalysedAhead * max_chars);
    for (std::size_t l = best; l < lines.size(); ++l) {
      const std::size_t begin = std::min<std::size_t>(lines[l].offset, body.size());
      const std::size_t end = l + 1 < lines.size() ? std::min<std::size_t>(lines[l + 1].offset, body.size()) : body.size();
      if (l > best && (forward_chars(body, last_match, max_chars) <= begin || begin >= reach)) break;
      if (begin >= end || (l > best && !per_line.contains(l))) continue;
      for (Token& t : analyzer.analyze(std::string_view(body).substr(begin, end - begin))) {
        t.begin += static_cast<std::uint32_t>(begin);
        t.end += static_cast<std::uint32_t>(begin);
        if (terms.contains(t.term)) last_match = t.begin;
        tokens.push_back(std::move(t));
      }
    }
  }
  return snippet_of_tokens(body, sequences, std::move(tokens), max_chars);
}

Snippet snippet_of_tokens(const std::string& body, const std::vector<std::vector<std::string>>& sequences,
                          std::vector<Token> tokens, std::size_t max_chars) {
  const std::vector<Match> matches = sequences.empty() ? std::vector<Match>() : find_matches(sequences, std::move(tokens));
  // Without matches, the body's start.
  const std::size_t begin =
      matches.empty() ? 0 : passage_begin(body, matches[best_window(body, matches, max_chars)].begin);
  return render_passage(body, begin, forward_chars(body, begin, max_chars), matches);
}

std::string mark_snippet(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  if (snippet.leading_ellipsis) out += "…";
  std::size_t chars = 0;
  std::size_t h = 0;
  for (std::size_t i = 0; i < snippet.text.size();) {
    if (h < snippet.highlights.size() && snippet.highlights[h].first == chars) out += open;
    const std::size_t start = i;
    utf8::decode(snippet.text, i);
    out.append(snippet.text, start, i - start);
    ++chars;
    if (h < snippet.highlights.size() && snippet.highlights[h].second == chars) {
      out += close;
      ++h;
    }
  }
  if (snippet.trailing_ellipsis) out += "…";
  return out;
}

}  // namespace kaiji
