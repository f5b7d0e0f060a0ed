// Condition: a rule's `when:` expression, parsed once into a small typed
// tree and evaluated per event without parsing, regex or allocation (except
// case folding of non-ASCII text for `contains`, into reused buffers).
//
//   toxicity.insult >= 0.8 and case.warnings >= 2
//   event.kind in [comment, reply] and not event.author.is_brand
//   event.text contains ['refund', 'money back'] or intent.refund > 0.5
//
// The language is documented in this plugin's README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <parley/case_view.hpp>
#include <parley/event.hpp>
#include <parley/labels.hpp>

namespace parley::rules {

/// A condition that does not parse or does not type-check. what() is
/// "PROBLEM at column N" plus " (HINT)" when there is one.
class ConditionError : public std::invalid_argument {
 public:
  ConditionError(std::string problem, std::size_t column, std::string hint = {});
  /// e.g. "unexpected token 'xor'".
  const std::string& problem() const { return problem_; }
  /// 1-based, counted in characters (code points), not bytes.
  std::size_t column() const { return column_; }
  /// e.g. "use '==' to compare"; may be empty.
  const std::string& hint() const { return hint_; }

 private:
  std::string problem_;
  std::size_t column_;
  std::string hint_;
};

/// Scratch space for case folding, reused across events (one per thread).
struct FoldBuffers {
  std::string text;   ///< event.text folded, computed at most once per event
  std::string left;   ///< any other folded haystack
  std::string right;  ///< a needle that is not a literal
};

/// One event as conditions see it. Borrowed references; cheap to build.
/// Not thread-safe: one per event being evaluated.
class ConditionInput {
 public:
  ConditionInput(const Event& event, const Labels& labels, const CaseView& case_view, FoldBuffers& buffers)
      : event(event), labels(labels), case_view(case_view), buffers(buffers) {}

  const Event& event;
  const Labels& labels;
  const CaseView& case_view;
  FoldBuffers& buffers;
  bool text_folded = false;  ///< buffers.text holds this event's folded text
};

namespace detail {

enum class ValueType : std::uint8_t { boolean, number, text };
enum class Compare : std::uint8_t { lt, le, gt, ge, eq, ne };
enum class Op : std::uint8_t {
  number_literal,   // number
  label_score,      // number: text = label name
  case_number,      // number: field = CaseNumber
  text_literal,     // text: text = the literal
  attribute,        // text: text = attribute name
  event_text,       // text: field = EventText
  case_text,        // text: field = CaseText
  metadata,         // text: text = metadata key
  flag,             // boolean: field = Flag
  logical_and,      // boolean: left, right
  logical_or,       // boolean: left, right
  logical_not,      // boolean: left
  compare_numbers,  // boolean: left, right, compare
  compare_texts,    // boolean: left, right, compare (eq or ne)
  contains,         // boolean: left haystack; texts = folded needles, or right = needle node
  in_numbers,       // boolean: left, numbers
  in_texts,         // boolean: left, texts (exact)
};
enum class CaseNumber : std::uint8_t { warnings, events, author_events };
enum class CaseText : std::uint8_t { status, last_action };
enum class EventText : std::uint8_t {
  id,
  kind,
  text,
  lang,
  platform,
  account,
  visibility,
  author_id,
  author_handle,
  author_display_name,
  thread_id,
  parent_id,
  url
};
enum class Flag : std::uint8_t { case_banned, author_is_brand };

struct Node {
  Op op = Op::number_literal;
  ValueType type = ValueType::number;
  Compare compare = Compare::eq;
  bool negate = false;     // `not in`, `not contains`
  std::uint8_t field = 0;  // CaseNumber, CaseText, EventText or Flag
  std::int32_t left = -1;
  std::int32_t right = -1;
  double number = 0;
  std::string text;
  std::vector<double> numbers;
  std::vector<std::string> texts;
};

}  // namespace detail

class Condition {
 public:
  /// Parses and type-checks `source`. Throws ConditionError.
  static Condition parse(std::string_view source);

  /// Whether the event matches. Thread-safe for distinct `input`s.
  bool matches(ConditionInput& input) const;
  /// Convenience for tests and one-off checks (allocates its own buffers).
  bool matches(const Event& event, const Labels& labels, const CaseView& case_view) const;

  const std::string& source() const { return source_; }

 private:
  friend class ConditionParser;
  std::string source_;
  std::vector<detail::Node> nodes_;
  std::int32_t root_ = -1;
};

}  // namespace parley::rules
