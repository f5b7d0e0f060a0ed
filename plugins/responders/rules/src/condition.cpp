// Evaluation of parsed conditions: a switch over node kinds, no parsing,
// no name lookups beyond what the SDK types require (Labels by name,
// metadata by key).
#include <algorithm>

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

namespace {

class Evaluator {
 public:
  Evaluator(const std::vector<Node>& nodes, ConditionInput& input) : nodes_(nodes), input_(input) {}

  bool truth(std::int32_t index) {
    const Node& node = at(index);
    switch (node.type) {
      case ValueType::number: return number(index) > 0;
      case ValueType::text: return !text(index).empty();
      case ValueType::boolean: break;
    }
    switch (node.op) {
      case Op::flag:
        return static_cast<Flag>(node.field) == Flag::case_banned ? input_.case_view.author_banned
                                                                  : input_.event.author.is_brand;
      case Op::logical_and: return truth(node.left) && truth(node.right);
      case Op::logical_or: return truth(node.left) || truth(node.right);
      case Op::logical_not: return !truth(node.left);
      case Op::compare_numbers: return compare(number(node.left), number(node.right), node.compare);
      case Op::compare_texts: return (text(node.left) == text(node.right)) == (node.compare == Compare::eq);
      case Op::contains: return contains(node) != node.negate;
      case Op::in_numbers: {
        const double value = number(node.left);
        const bool found = std::find(node.numbers.begin(), node.numbers.end(), value) != node.numbers.end();
        return found != node.negate;
      }
      case Op::in_texts: {
        const std::string_view value = text(node.left);
        const bool found = std::find(node.texts.begin(), node.texts.end(), value) != node.texts.end();
        return found != node.negate;
      }
      default: return false;  // not reachable: the parser types every node
    }
  }

 private:
  const Node& at(std::int32_t index) const { return nodes_[static_cast<std::size_t>(index)]; }

  static bool compare(double left, double right, Compare op) {
    switch (op) {
      case Compare::lt: return left < right;
      case Compare::le: return left <= right;
      case Compare::gt: return left > right;
      case Compare::ge: return left >= right;
      case Compare::eq: return left == right;
      case Compare::ne: return left != right;
    }
    return false;
  }

  double number(std::int32_t index) {
    const Node& node = at(index);
    switch (node.op) {
      case Op::number_literal: return node.number;
      case Op::label_score: return input_.labels.score(node.text);
      case Op::case_number:
        switch (static_cast<CaseNumber>(node.field)) {
          case CaseNumber::warnings: return input_.case_view.author_warnings;
          case CaseNumber::events: return input_.case_view.case_events;
          case CaseNumber::author_events: return input_.case_view.author_events;
        }
        return 0;
      default: return node.type == ValueType::boolean && truth(index) ? 1 : 0;
    }
  }

  std::string_view text(std::int32_t index) {
    const Node& node = at(index);
    const Event& event = input_.event;
    switch (node.op) {
      case Op::text_literal: return node.text;
      case Op::attribute: return input_.labels.attribute(node.text);
      case Op::metadata: {
        const auto it = event.metadata.find(node.text);
        return it == event.metadata.end() ? std::string_view() : std::string_view(it->second);
      }
      case Op::case_text:
        if (static_cast<CaseText>(node.field) == CaseText::status) return input_.case_view.status;
        return input_.case_view.last_actions.empty() ? std::string_view() : input_.case_view.last_actions.back();
      case Op::event_text:
        switch (static_cast<EventText>(node.field)) {
          case EventText::id: return event.id;
          case EventText::kind: return to_string(event.kind);
          case EventText::text: return event.text;
          case EventText::lang: return event.lang;
          case EventText::platform: return event.platform;
          case EventText::account: return event.account;
          case EventText::visibility: return to_string(event.visibility);
          case EventText::author_id: return event.author.id;
          case EventText::author_handle: return event.author.handle;
          case EventText::author_display_name: return event.author.display_name;
          case EventText::thread_id: return event.thread_id;
          case EventText::parent_id: return event.parent_id;
          case EventText::url: return event.url;
        }
        return {};
      default: return {};
    }
  }

  /// The folded text of a haystack node; event.text is folded once per event.
  std::string_view folded(std::int32_t index, std::string& scratch) {
    const Node& node = at(index);
    if (node.op == Op::event_text && static_cast<EventText>(node.field) == EventText::text) {
      if (!input_.text_folded) {
        fold_case(input_.event.text, input_.buffers.text);
        input_.text_folded = true;
      }
      return input_.buffers.text;
    }
    fold_case(text(index), scratch);
    return scratch;
  }

  bool contains(const Node& node) {
    const std::string_view haystack = folded(node.left, input_.buffers.left);
    if (node.right >= 0) return haystack.find(folded(node.right, input_.buffers.right)) != std::string_view::npos;
    return std::any_of(node.texts.begin(), node.texts.end(),
                       [&](const std::string& needle) { return haystack.find(needle) != std::string_view::npos; });
  }

  const std::vector<Node>& nodes_;
  ConditionInput& input_;
};

}  // namespace

bool Condition::matches(ConditionInput& input) const {
  return root_ >= 0 && Evaluator(nodes_, input).truth(root_);  // a default-constructed condition never matches
}

bool Condition::matches(const Event& event, const Labels& labels, const CaseView& case_view) const {
  FoldBuffers buffers;
  ConditionInput input(event, labels, case_view, buffers);
  return matches(input);
}

}  // namespace parley::rules
