// Lexer, parser and type checker of rule conditions: source text -> the node
// tree Condition evaluates. Names are resolved here, once, so evaluation
// never looks at a name's spelling again.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "case_folding.hpp"
#include "condition.hpp"

namespace parley::rules {

using detail::CaseNumber;
using detail::CaseText;
using detail::Compare;
using detail::EventText;
using detail::Flag;
using detail::Node;
using detail::Op;
using detail::ValueType;

ConditionError::ConditionError(std::string problem, std::size_t column, std::string hint)
    : std::invalid_argument(problem + " at column " + std::to_string(column) +
                            (hint.empty() ? std::string() : " (" + hint + ")")),
      problem_(std::move(problem)),
      column_(column),
      hint_(std::move(hint)) {}

// Named, not anonymous: ConditionParser (a friend of Condition, so outside
// any anonymous namespace) holds Tokens.
namespace condition_syntax {

enum class TokenKind {
  number,
  text,
  name,
  less,
  less_equal,
  greater,
  greater_equal,
  equal,
  not_equal,
  open_paren,
  close_paren,
  open_bracket,
  close_bracket,
  comma,
  kw_and,
  kw_or,
  kw_not,
  kw_in,
  kw_contains,
  kw_true,
  kw_false,
  end
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t begin = 0;  // byte offsets into the source
  std::size_t end = 0;
  std::string value;  // name, or the decoded text of a string literal
  double number = 0;
};

}  // namespace condition_syntax

using condition_syntax::Token;
using condition_syntax::TokenKind;

namespace {

constexpr int kMaxNesting = 64;

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c) || c == '.' || c == '-'; }

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (auto& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return result;
}

/// 1-based column of byte offset `offset`, counting code points.
std::size_t column_of(std::string_view source, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  std::vector<Token> tokenize() {
    std::vector<Token> tokens;
    while (true) {
      skip_spaces();
      Token token = next();
      const bool done = token.kind == TokenKind::end;
      tokens.push_back(std::move(token));
      if (done) return tokens;
    }
  }

 private:
  [[noreturn]] void fail(std::string problem, std::size_t offset, std::string hint = {}) const {
    throw ConditionError(std::move(problem), column_of(source_, offset), std::move(hint));
  }

  char peek(std::size_t ahead = 0) const { return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0'; }

  void skip_spaces() {
    while (pos_ < source_.size() &&
           (source_[pos_] == ' ' || source_[pos_] == '\t' || source_[pos_] == '\n' || source_[pos_] == '\r')) {
      ++pos_;
    }
  }

  Token make(TokenKind kind, std::size_t length) {
    Token token;
    token.kind = kind;
    token.begin = pos_;
    pos_ += length;
    token.end = pos_;
    return token;
  }

  Token next() {
    if (pos_ >= source_.size()) return make(TokenKind::end, 0);
    const char c = peek();
    switch (c) {
      case '(': return make(TokenKind::open_paren, 1);
      case ')': return make(TokenKind::close_paren, 1);
      case '[': return make(TokenKind::open_bracket, 1);
      case ']': return make(TokenKind::close_bracket, 1);
      case ',': return make(TokenKind::comma, 1);
      case '<': return peek(1) == '=' ? make(TokenKind::less_equal, 2) : make(TokenKind::less, 1);
      case '>': return peek(1) == '=' ? make(TokenKind::greater_equal, 2) : make(TokenKind::greater, 1);
      case '=':
        if (peek(1) == '=') return make(TokenKind::equal, 2);
        fail("unexpected character '='", pos_, "use '==' to compare");
      case '!':
        if (peek(1) == '=') return make(TokenKind::not_equal, 2);
        fail("unexpected character '!'", pos_, "use 'not' to negate, '!=' to compare");
      case '&': fail("unexpected character '&'", pos_, "use 'and'");
      case '|': fail("unexpected character '|'", pos_, "use 'or'");
      case '\'':
      case '"': return string_literal(c);
      default: break;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1))) ||
        (c == '-' && (is_digit(peek(1)) || (peek(1) == '.' && is_digit(peek(2)))))) {
      return number();
    }
    if (is_name_start(c)) return name();
    // Report the whole character, not one byte of it.
    std::size_t length = 1;
    while (pos_ + length < source_.size() && (static_cast<unsigned char>(source_[pos_ + length]) & 0xC0) == 0x80) {
      ++length;
    }
    fail("unexpected character '" + std::string(source_.substr(pos_, length)) + "'", pos_);
  }

  Token string_literal(char quote) {
    Token token;
    token.kind = TokenKind::text;
    token.begin = pos_;
    ++pos_;
    while (true) {
      if (pos_ >= source_.size())
        fail("unterminated text (missing closing " + std::string(1, quote) + ")", token.begin);
      const char c = source_[pos_++];
      if (c == quote) break;
      if (c == '\\' && pos_ < source_.size()) {
        const char escaped = source_[pos_++];
        token.value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
        continue;
      }
      token.value += c;
    }
    token.end = pos_;
    return token;
  }

  Token number() {
    Token token;
    token.kind = TokenKind::number;
    token.begin = pos_;
    if (peek() == '-') ++pos_;
    while (is_digit(peek())) ++pos_;
    if (peek() == '.') {
      ++pos_;
      if (!is_digit(peek()))
        fail("invalid number '" + std::string(source_.substr(token.begin, pos_ - token.begin)) + "'", token.begin);
      while (is_digit(peek())) ++pos_;
    }
    if (is_name_char(peek())) {
      while (is_name_char(peek())) ++pos_;
      fail("invalid number '" + std::string(source_.substr(token.begin, pos_ - token.begin)) + "'", token.begin);
    }
    token.end = pos_;
    const auto text = source_.substr(token.begin, token.end - token.begin);
    std::string digits(text);
    if (digits[0] == '.' || (digits.size() > 1 && digits[0] == '-' && digits[1] == '.')) {
      digits.insert(digits[0] == '-' ? 1 : 0, 1, '0');  // from_chars wants a digit before the point
    }
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), token.number);
    if (error != std::errc() || end != digits.data() + digits.size()) {
      fail("invalid number '" + std::string(text) + "'", token.begin);
    }
    return token;
  }

  Token name() {
    Token token;
    token.kind = TokenKind::name;
    token.begin = pos_;
    while (is_name_char(peek())) ++pos_;
    token.end = pos_;
    token.value = std::string(source_.substr(token.begin, token.end - token.begin));
    const char last = token.value.back();
    if (last == '.' || last == '-' || token.value.find("..") != std::string::npos) {
      fail("invalid name '" + token.value + "'", token.begin);
    }
    if (token.value.find('.') == std::string::npos) {
      const auto lower = lower_ascii(token.value);
      if (lower == "and")
        token.kind = TokenKind::kw_and;
      else if (lower == "or")
        token.kind = TokenKind::kw_or;
      else if (lower == "not")
        token.kind = TokenKind::kw_not;
      else if (lower == "in")
        token.kind = TokenKind::kw_in;
      else if (lower == "contains")
        token.kind = TokenKind::kw_contains;
      else if (lower == "true")
        token.kind = TokenKind::kw_true;
      else if (lower == "false")
        token.kind = TokenKind::kw_false;
    }
    return token;
  }

  std::string_view source_;
  std::size_t pos_ = 0;
};

const char* type_name(ValueType type) {
  switch (type) {
    case ValueType::boolean: return "yes/no value";
    case ValueType::number: return "number";
    case ValueType::text: return "text";
  }
  return "a value";
}

bool is_numeric(ValueType type) { return type != ValueType::text; }

struct NamedField {
  std::string_view name;
  Op op;
  ValueType type;
  std::uint8_t field;
};

constexpr NamedField kCaseFields[] = {
    {"case.warnings", Op::case_number, ValueType::number, static_cast<std::uint8_t>(CaseNumber::warnings)},
    {"case.events", Op::case_number, ValueType::number, static_cast<std::uint8_t>(CaseNumber::events)},
    {"case.author_events", Op::case_number, ValueType::number, static_cast<std::uint8_t>(CaseNumber::author_events)},
    {"case.status", Op::case_text, ValueType::text, static_cast<std::uint8_t>(CaseText::status)},
    {"case.last_action", Op::case_text, ValueType::text, static_cast<std::uint8_t>(CaseText::last_action)},
    {"case.banned", Op::flag, ValueType::boolean, static_cast<std::uint8_t>(Flag::case_banned)},
};

constexpr NamedField kEventFields[] = {
    {"event.id", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::id)},
    {"event.kind", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::kind)},
    {"event.text", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::text)},
    {"event.lang", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::lang)},
    {"event.platform", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::platform)},
    {"event.account", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::account)},
    {"event.visibility", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::visibility)},
    {"event.author", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::author_id)},
    {"event.author.id", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::author_id)},
    {"event.author.handle", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::author_handle)},
    {"event.author.display_name", Op::event_text, ValueType::text,
     static_cast<std::uint8_t>(EventText::author_display_name)},
    {"event.author.is_brand", Op::flag, ValueType::boolean, static_cast<std::uint8_t>(Flag::author_is_brand)},
    {"event.thread_id", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::thread_id)},
    {"event.parent_id", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::parent_id)},
    {"event.url", Op::event_text, ValueType::text, static_cast<std::uint8_t>(EventText::url)},
};

template <std::size_t N>
std::string list_names(const NamedField (&fields)[N]) {
  std::string names;
  for (const auto& field : fields) {
    if (!names.empty()) names += ", ";
    names += field.name;
  }
  return names;
}

/// An operand or sub-expression while parsing: its node, type and source span.
struct Parsed {
  std::int32_t node = -1;
  ValueType type = ValueType::boolean;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool bare_label = false;  ///< a bare word read as a label name (quote hint)
};

}  // namespace

class ConditionParser {
 public:
  explicit ConditionParser(std::string_view source) : source_(source), tokens_(Lexer(source).tokenize()) {}

  Condition parse() {
    Condition condition;
    if (peek().kind == TokenKind::end) fail("empty condition", 0, "write an expression such as toxicity.insult >= 0.8");
    const Parsed root = parse_or();
    if (peek().kind != TokenKind::end) {
      const Token& token = peek();
      const bool comparison = token.kind >= TokenKind::less && token.kind <= TokenKind::not_equal;
      fail("unexpected token '" + spelling(token) + "'", token.begin,
           comparison ? "comparisons cannot be chained; join them with 'and'" : "expected 'and', 'or' or the end");
    }
    condition.source_ = std::string(source_);
    condition.nodes_ = std::move(nodes_);
    condition.root_ = root.node;
    return condition;
  }

 private:
  [[noreturn]] void fail(std::string problem, std::size_t offset, std::string hint = {}) const {
    throw ConditionError(std::move(problem), column_of(source_, offset), std::move(hint));
  }

  const Token& peek(std::size_t ahead = 0) const {
    const auto index = std::min(next_ + ahead, tokens_.size() - 1);
    return tokens_[index];
  }
  const Token& take() {
    const Token& token = tokens_[next_];
    if (next_ + 1 < tokens_.size()) ++next_;
    return token;
  }

  std::string spelling(const Token& token) const {
    return std::string(source_.substr(token.begin, token.end - token.begin));
  }
  std::string spelling(const Parsed& parsed) const {
    return std::string(source_.substr(parsed.begin, parsed.end - parsed.begin));
  }
  /// What an operand is, for messages: "label score 'fi'", "text 'attr.lang'", "text 'high'".
  std::string describe(const Parsed& parsed) const {
    std::string shown = spelling(parsed);
    if (shown.front() != '\'' && shown.front() != '"') shown = "'" + shown + "'";
    return std::string(parsed.bare_label ? "label score" : type_name(parsed.type)) + " " + shown;
  }

  [[noreturn]] void unexpected(const Token& token, std::string hint) const {
    if (token.kind == TokenKind::end) fail("unexpected end of condition", token.begin, std::move(hint));
    fail("unexpected token '" + spelling(token) + "'", token.begin, std::move(hint));
  }

  std::int32_t add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }

  Parsed boolean_node(Op op, const Parsed& left, const Parsed* right) {
    Node node;
    node.op = op;
    node.type = ValueType::boolean;
    node.left = left.node;
    node.right = right ? right->node : -1;
    return {add(std::move(node)), ValueType::boolean, left.begin, right ? right->end : left.end};
  }

  struct Nesting {
    explicit Nesting(ConditionParser& parser, std::size_t offset) : parser(parser) {
      if (++parser.depth_ > kMaxNesting) parser.fail("condition nested too deeply", offset);
    }
    ~Nesting() { --parser.depth_; }
    ConditionParser& parser;
  };

  Parsed parse_or() {
    Parsed left = parse_and();
    while (peek().kind == TokenKind::kw_or) {
      take();
      const Parsed right = parse_and();
      left = boolean_node(Op::logical_or, left, &right);
    }
    return left;
  }

  Parsed parse_and() {
    Parsed left = parse_not();
    while (peek().kind == TokenKind::kw_and) {
      take();
      const Parsed right = parse_not();
      left = boolean_node(Op::logical_and, left, &right);
    }
    return left;
  }

  Parsed parse_not() {
    if (peek().kind != TokenKind::kw_not) return parse_comparison();
    const Token& keyword = take();
    Nesting nesting(*this, keyword.begin);
    Parsed operand = parse_not();
    Parsed result = boolean_node(Op::logical_not, operand, nullptr);
    result.begin = keyword.begin;
    return result;
  }

  Parsed parse_comparison() {
    const Parsed left = parse_operand();
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::less: return compare(left, Compare::lt);
      case TokenKind::less_equal: return compare(left, Compare::le);
      case TokenKind::greater: return compare(left, Compare::gt);
      case TokenKind::greater_equal: return compare(left, Compare::ge);
      case TokenKind::equal: return compare(left, Compare::eq);
      case TokenKind::not_equal: return compare(left, Compare::ne);
      case TokenKind::kw_contains: take(); return contains(left, token, false);
      case TokenKind::kw_in: take(); return in(left, token, false);
      case TokenKind::kw_not:
        if (peek(1).kind == TokenKind::kw_contains || peek(1).kind == TokenKind::kw_in) {
          take();
          const Token& keyword = take();
          return keyword.kind == TokenKind::kw_in ? in(left, keyword, true) : contains(left, keyword, true);
        }
        return left;
      default: return left;
    }
  }

  static std::string quote_hint(const Parsed& operand, const std::string& spelled) {
    // A bare word without dots ("fi", "refund") was most likely meant as text.
    const bool likely_text = operand.bare_label && spelled.find('.') == std::string::npos;
    return likely_text ? "to mean the text " + spelled + ", quote it: '" + spelled + "'" : std::string();
  }

  Parsed compare(const Parsed& left, Compare op) {
    const Token& operator_token = take();
    const Parsed right = parse_operand();
    const std::string op_text = spelling(operator_token);
    Node node;
    node.type = ValueType::boolean;
    node.compare = op;
    node.left = left.node;
    node.right = right.node;
    if (is_numeric(left.type) && is_numeric(right.type)) {
      node.op = Op::compare_numbers;
    } else if (left.type == ValueType::text && right.type == ValueType::text) {
      if (op != Compare::eq && op != Compare::ne) {
        fail("'" + op_text + "' compares numbers, but '" + spelling(left) + "' is text", operator_token.begin,
             "use == or != for text");
      }
      node.op = Op::compare_texts;
    } else {
      const Parsed& other_side = left.type == ValueType::text ? right : left;
      fail("cannot compare " + describe(left) + " with " + describe(right), operator_token.begin,
           quote_hint(other_side, spelling(other_side)));
    }
    return {add(std::move(node)), ValueType::boolean, left.begin, right.end};
  }

  Parsed contains(const Parsed& left, const Token& keyword, bool negate) {
    if (left.type != ValueType::text) {
      fail("'contains' needs text on its left, not " + describe(left), keyword.begin);
    }
    Node node;
    node.op = Op::contains;
    node.type = ValueType::boolean;
    node.negate = negate;
    node.left = left.node;
    std::size_t end = 0;
    if (peek().kind == TokenKind::open_bracket) {
      const auto items = parse_list(/*want_text=*/true, end);
      for (const auto& item : items) node.texts.push_back(fold_case(item.text));
    } else {
      const Parsed right = parse_operand();
      if (right.type != ValueType::text) {
        fail("'contains' needs text on its right, not " + describe(right), right.begin,
             quote_hint(right, spelling(right)));
      }
      const Node& needle = nodes_[static_cast<std::size_t>(right.node)];
      if (needle.op == Op::text_literal) {
        node.texts.push_back(fold_case(needle.text));
      } else {
        node.right = right.node;
      }
      end = right.end;
    }
    return {add(std::move(node)), ValueType::boolean, left.begin, end};
  }

  Parsed in(const Parsed& left, const Token& /*keyword*/, bool negate) {
    Node node;
    node.type = ValueType::boolean;
    node.negate = negate;
    node.left = left.node;
    std::size_t end = 0;
    if (peek().kind != TokenKind::open_bracket) unexpected(peek(), "'in' is followed by a list: [a, b]");
    const auto items = parse_list(left.type == ValueType::text, end);
    if (left.type == ValueType::text) {
      node.op = Op::in_texts;
      for (const auto& item : items) node.texts.push_back(item.text);
    } else {
      node.op = Op::in_numbers;
      for (const auto& item : items) node.numbers.push_back(item.number);
    }
    return {add(std::move(node)), ValueType::boolean, left.begin, end};
  }

  struct ListItem {
    std::string text;
    double number = 0;
  };

  /// '[' item (',' item)* [','] ']'. Text lists take quoted text, bare words
  /// and numbers (as written); number lists take numbers only.
  std::vector<ListItem> parse_list(bool want_text, std::size_t& end) {
    take();  // '['
    std::vector<ListItem> items;
    while (peek().kind != TokenKind::close_bracket) {
      const Token& token = take();
      ListItem item;
      if (token.kind == TokenKind::number) {
        item.number = token.number;
        item.text = spelling(token);
      } else if (want_text && token.kind == TokenKind::text) {
        item.text = token.value;
      } else if (want_text && token.kind == TokenKind::name) {
        item.text = token.value;
      } else if (!want_text && (token.kind == TokenKind::text || token.kind == TokenKind::name)) {
        std::string problem = spelling(token);  // built in steps: GCC 12 -O2 warns falsely on "x" + string&&
        problem.insert(0, 1, '\'');
        problem += "' is not a number, but the left side of 'in' is a number";
        fail(std::move(problem), token.begin);
      } else {
        unexpected(token, "a list holds values separated by commas: [a, b]");
      }
      items.push_back(std::move(item));
      if (peek().kind == TokenKind::comma) {
        take();
      } else if (peek().kind != TokenKind::close_bracket) {
        unexpected(peek(), "expected ',' or ']'");
      }
    }
    end = take().end;  // ']'
    return items;
  }

  Parsed parse_operand() {
    const Token& token = take();
    switch (token.kind) {
      case TokenKind::number:
      case TokenKind::kw_true:
      case TokenKind::kw_false: {
        Node node;
        node.op = Op::number_literal;
        node.type = ValueType::number;
        node.number = token.kind == TokenKind::number ? token.number : token.kind == TokenKind::kw_true ? 1 : 0;
        return {add(std::move(node)), ValueType::number, token.begin, token.end};
      }
      case TokenKind::text: {
        Node node;
        node.op = Op::text_literal;
        node.type = ValueType::text;
        node.text = token.value;
        return {add(std::move(node)), ValueType::text, token.begin, token.end};
      }
      case TokenKind::name: return resolve_name(token);
      case TokenKind::open_paren: {
        Nesting nesting(*this, token.begin);
        Parsed inner = parse_or();
        if (peek().kind != TokenKind::close_paren)
          unexpected(peek(),
                     "expected ')' to close the '(' at column " + std::to_string(column_of(source_, token.begin)));
        inner.begin = token.begin;
        inner.end = take().end;
        inner.bare_label = false;
        return inner;
      }
      default: unexpected(token, "expected a value: a number, 'text', a label name or a field");
    }
  }

  Parsed resolve_name(const Token& token) {
    const std::string& name = token.value;
    Node node;
    Parsed parsed{-1, ValueType::number, token.begin, token.end, false};
    const auto starts_with = [&](std::string_view prefix) { return name.rfind(prefix, 0) == 0; };
    if (name == "attr" || name == "case" || name == "event" || name == "event.metadata") {
      fail("incomplete name '" + name + "'", token.begin,
           name == "attr"             ? "write attr.NAME, e.g. attr.lang"
           : name == "event.metadata" ? "write event.metadata.KEY"
                                      : "write " + name + ".FIELD");
    }
    if (starts_with("attr.")) {
      node.op = Op::attribute;
      node.type = ValueType::text;
      node.text = name.substr(5);
    } else if (starts_with("event.metadata.")) {
      node.op = Op::metadata;
      node.type = ValueType::text;
      node.text = name.substr(15);
    } else if (starts_with("case.") || starts_with("event.")) {
      const bool is_case = starts_with("case.");
      const NamedField* found = nullptr;
      for (const auto& field : kCaseFields) {
        if (field.name == name) found = &field;
      }
      for (const auto& field : kEventFields) {
        if (field.name == name) found = &field;
      }
      if (!found) {
        fail("unknown field '" + name + "'", token.begin,
             "known: " + (is_case ? list_names(kCaseFields) : list_names(kEventFields) + ", event.metadata.KEY"));
      }
      node.op = found->op;
      node.type = found->type;
      node.field = found->field;
    } else {
      node.op = Op::label_score;
      node.type = ValueType::number;
      node.text = name;
      parsed.bare_label = true;
    }
    parsed.type = node.type;
    parsed.node = add(std::move(node));
    return parsed;
  }

  std::string_view source_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  std::vector<Node> nodes_;
  int depth_ = 0;
};

Condition Condition::parse(std::string_view source) { return ConditionParser(source).parse(); }

}  // namespace parley::rules
