#include "query_syntax.h"

#include <algorithm>

#include "base/text_normalizer.h"
#include "base/utf8.h"

namespace kaiji {
namespace {

struct Lexeme {
  enum class Type { Word, Phrase, LParen, RParen, Or, Not, Minus, Field, End };
  Type type = Type::End;
  std::string text;
  std::size_t column = 0;  // 1-based, in code points
};

bool is_field_name(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

class Lexer {
 public:
  explicit Lexer(std::string text) : text_(std::move(text)) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    while (true) {
      skip_space();
      if (pos_ >= text_.size()) break;
      const std::size_t column = column_;
      const char c = text_[pos_];
      if (c == '(' || c == ')') {
        advance();
        out.push_back({c == '(' ? Lexeme::Type::LParen : Lexeme::Type::RParen, std::string(1, c), column});
      } else if (c == '"') {
        out.push_back({Lexeme::Type::Phrase, read_quoted(), column});
      } else if (c == '-') {  // -word: a minus that starts a word excludes it
        advance();
        out.push_back({Lexeme::Type::Minus, "-", column});
      } else {
        std::string word = read_word();
        if (word == "OR") {
          out.push_back({Lexeme::Type::Or, word, column});
        } else if (word == "NOT") {
          out.push_back({Lexeme::Type::Not, word, column});
        } else if (const std::size_t colon = word.find(':');
                   colon != std::string::npos && is_field_name(word.substr(0, colon))) {
          out.push_back({Lexeme::Type::Field, word.substr(0, colon), column});
          if (colon + 1 < word.size()) {
            out.push_back({Lexeme::Type::Word, word.substr(colon + 1), column + colon + 1});
          } else if (pos_ < text_.size() && text_[pos_] == '"') {
            out.push_back({Lexeme::Type::Phrase, read_quoted(), column_});
          } else {
            throw QuerySyntaxError("field " + word + " has no value", column);
          }
        } else {
          out.push_back({Lexeme::Type::Word, word, column});
        }
      }
    }
    out.push_back({Lexeme::Type::End, "", column_});
    return out;
  }

 private:
  void advance() {
    std::size_t next = pos_;
    utf8::decode(text_, next);
    pos_ = next;
    ++column_;
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      std::size_t next = pos_;
      if (!utf8::is_space(utf8::decode(text_, next))) break;
      advance();
    }
  }

  std::string read_quoted() {
    const std::size_t column = column_;
    advance();  // opening quote
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') advance();
    if (pos_ >= text_.size()) throw QuerySyntaxError("unclosed quote", column);
    std::string inner = text_.substr(start, pos_ - start);
    advance();  // closing quote
    return inner;
  }

  std::string read_word() {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      std::size_t next = pos_;
      const char32_t c = utf8::decode(text_, next);
      if (utf8::is_space(c) || c == '(' || c == ')' || c == '"') break;
      advance();
    }
    return text_.substr(start, pos_ - start);
  }

  std::string text_;
  std::size_t pos_ = 0;
  std::size_t column_ = 1;
};

class Parser {
 public:
  static constexpr int kMaxDepth = 32;

  explicit Parser(std::vector<Lexeme> lexemes) : lex_(std::move(lexemes)) {}

  QueryNode parse() {
    QueryNode root = parse_or();
    if (peek().type == Lexeme::Type::RParen) throw QuerySyntaxError("unexpected ')'", peek().column);
    if (peek().type != Lexeme::Type::End) throw QuerySyntaxError("unexpected '" + peek().text + "'", peek().column);
    return root;
  }

 private:
  const Lexeme& peek() const { return lex_[at_]; }
  const Lexeme& take() { return lex_[at_++]; }

  static bool starts_operand(Lexeme::Type t) {
    return t == Lexeme::Type::Word || t == Lexeme::Type::Phrase || t == Lexeme::Type::LParen ||
           t == Lexeme::Type::Not || t == Lexeme::Type::Minus || t == Lexeme::Type::Field;
  }

  QueryNode parse_or() {
    QueryNode first = parse_and();
    if (peek().type != Lexeme::Type::Or) return first;
    QueryNode node{QueryNode::Kind::Or, {}, {}, false, {}};
    node.children.push_back(std::move(first));
    while (peek().type == Lexeme::Type::Or) {
      const Lexeme& op = take();
      if (!starts_operand(peek().type)) throw QuerySyntaxError("OR needs a word after it", op.column);
      node.children.push_back(parse_and());
    }
    return node;
  }

  QueryNode parse_and() {
    QueryNode node{QueryNode::Kind::And, {}, {}, false, {}};
    if (peek().type == Lexeme::Type::Or) throw QuerySyntaxError("OR needs a word before it", peek().column);
    while (starts_operand(peek().type)) node.children.push_back(parse_unary());
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  QueryNode parse_unary() {
    if (peek().type == Lexeme::Type::Not || peek().type == Lexeme::Type::Minus) {
      const Lexeme& op = take();
      if (!starts_operand(peek().type) || peek().type == Lexeme::Type::Not || peek().type == Lexeme::Type::Minus) {
        throw QuerySyntaxError(op.text + " needs a word after it", op.column);
      }
      QueryNode node{QueryNode::Kind::Not, {}, {}, false, {}};
      node.children.push_back(parse_primary());
      return node;
    }
    return parse_primary();
  }

  QueryNode parse_primary() {
    const Lexeme& lexeme = take();
    switch (lexeme.type) {
      case Lexeme::Type::Word:
        return {QueryNode::Kind::Word, lexeme.text, {}, false, {}, lexeme.column};
      case Lexeme::Type::Phrase:
        return {QueryNode::Kind::Phrase, lexeme.text, {}, false, {}, lexeme.column};
      case Lexeme::Type::Field: {
        const auto& fields = query_fields();
        if (std::find(fields.begin(), fields.end(), lexeme.text) == fields.end()) {
          std::string valid;
          for (const std::string& f : fields) valid += (valid.empty() ? "" : ", ") + f + ":";
          throw QuerySyntaxError("unknown field '" + lexeme.text + ":' (valid fields: " + valid + ")", lexeme.column);
        }
        const Lexeme& value = take();
        return {QueryNode::Kind::Field, value.text, lexeme.text, value.type == Lexeme::Type::Phrase, {}, value.column};
      }
      case Lexeme::Type::LParen: {
        if (peek().type == Lexeme::Type::RParen) throw QuerySyntaxError("empty parentheses", lexeme.column);
        // The parser (and everything that walks the tree) recurses once per level; a
        // bound keeps a query of thousands of '(' from overflowing the stack.
        if (++depth_ > kMaxDepth) {
          throw QuerySyntaxError("parentheses nested too deeply (at most " + std::to_string(kMaxDepth) + " levels)",
                                 lexeme.column);
        }
        QueryNode inner = parse_or();
        if (peek().type != Lexeme::Type::RParen) throw QuerySyntaxError("unclosed '('", lexeme.column);
        take();
        --depth_;
        return inner;
      }
      default:
        throw QuerySyntaxError("unexpected '" + lexeme.text + "'", lexeme.column);
    }
  }

  std::vector<Lexeme> lex_;
  std::size_t at_ = 0;
  int depth_ = 0;
};

}  // namespace

const std::vector<std::string>& query_fields() {
  static const std::vector<std::string> fields = {"title",   "org",  "cause",   "cause_family", "sector", "year",
                                                  "date",    "affected", "data", "outcome", "label", "incident"};
  return fields;
}

QueryNode parse_query(const std::string& query) {
  // NFKC first: full-width parentheses, quotes and spaces act like ASCII ones.
  return Parser(Lexer(normalize(query)).run()).parse();
}

}  // namespace kaiji
