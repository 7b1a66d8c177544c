#include "question_words.h"

#include <algorithm>

#include "base/utf8.h"

namespace kaiji {
namespace {

// A query of this many words or more reads as a request even without a question mark:
// its question words are dropped.
constexpr std::size_t kLongQuery = 3;

struct Chunks {
  std::vector<std::string> words;   // the content words, as typed (a verb as its dictionary form)
  bool dropped_question_word = false;
};

// Verbs and adjectives in their dictionary form end in one of these kana.
bool ends_as_dictionary_form(std::string_view term) {
  for (std::string_view kana : {"う", "く", "す", "つ", "ぬ", "ぶ", "む", "る", "ぐ", "い"}) {
    if (term.ends_with(kana)) return true;
  }
  return false;
}

bool ends_as_question(const std::string& text) {
  const std::string_view t = utf8::trim(text);
  return t.ends_with("?") || t.ends_with("？") || t.ends_with("か");
}

// The runs of content words of one query word, cut at every token that is no content
// (particles, auxiliaries, punctuation) and at question words.
Chunks content_chunks(const std::string& text, Analyzer& analyzer) {
  Chunks chunks;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<const Token*> open;  // the tokens of the chunk being read
  const auto close = [&] {
    if (open.empty()) return;
    // A conjugated verb alone (盗ま of 盗まれた) reads better as its dictionary form,
    // which is also what it is searched as.
    const bool lone_inflected = open.size() == 1 && text.compare(begin, end - begin, open.front()->term) != 0 &&
                                ends_as_dictionary_form(open.front()->term);
    chunks.words.push_back(lone_inflected ? open.front()->term : text.substr(begin, end - begin));
    open.clear();
  };
  const std::vector<Token> tokens = analyzer.analyze(text);
  for (const Token& token : tokens) {
    if (token.is_part) continue;  // its compound stands for it
    const bool question_word = token.indexable && analyzer.is_question_word(token.term, true);
    if (!token.indexable || question_word) {
      chunks.dropped_question_word = chunks.dropped_question_word || question_word;
      close();
      continue;
    }
    if (open.empty()) begin = token.begin;
    end = token.end;
    open.push_back(&token);
  }
  close();
  return chunks;
}

bool is_plain_word(const QueryNode& node) { return node.kind == QueryNode::Kind::Word; }

QueryNode word_node(const std::string& text, std::size_t column) {
  QueryNode node;
  node.kind = QueryNode::Kind::Word;
  node.text = text;
  node.column = column;
  return node;
}

}  // namespace

QuestionReading read_question(const QueryNode& parsed, Analyzer& analyzer) {
  QuestionReading reading;
  reading.tree = parsed;
  std::vector<QueryNode> top;
  if (parsed.kind == QueryNode::Kind::And) {
    top = parsed.children;
  } else {
    top.push_back(parsed);
  }

  // Sentences are cut into their words; other words stay as they are.
  std::vector<QueryNode> rewritten;
  bool changed = false;
  for (const QueryNode& node : top) {
    if (!is_plain_word(node)) {
      rewritten.push_back(node);
      continue;
    }
    const Chunks chunks = content_chunks(node.text, analyzer);
    // A sentence: three content words or more, or a question (サポート詐欺の事例は?).
    const bool asks = ends_as_question(node.text) || chunks.dropped_question_word;
    const bool sentence = chunks.words.size() >= kLongQuery || (!chunks.words.empty() && asks);
    if (!sentence) {
      rewritten.push_back(node);
      continue;
    }
    reading.question = changed = true;
    for (const std::string& word : chunks.words) rewritten.push_back(word_node(word, node.column));
  }

  // A long query drops its question words, as long as some other word remains.
  const auto is_question_word = [&](const QueryNode& node) {
    return is_plain_word(node) && analyzer.is_question_word(analyzer.fold_word(node.text), false);
  };
  const auto asking = static_cast<std::size_t>(std::count_if(rewritten.begin(), rewritten.end(), is_question_word));
  if (rewritten.size() >= kLongQuery && asking > 0 && asking < rewritten.size()) {
    std::erase_if(rewritten, is_question_word);
    changed = true;
  }
  if (!changed) return reading;

  reading.tree = QueryNode();
  reading.tree.kind = QueryNode::Kind::And;
  reading.tree.children = rewritten;
  for (const QueryNode& node : rewritten) {
    if (is_plain_word(node)) reading.words.push_back(node.text);
  }
  return reading;
}

}  // namespace kaiji
