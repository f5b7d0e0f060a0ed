#include "byte_trie.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace parley::text {

ByteTrie::ByteTrie() : build_(1) { root_children_.fill(kNone); }

void ByteTrie::insert(std::string_view key, std::uint32_t value) {
  if (frozen_) throw std::logic_error("ByteTrie::insert after freeze");
  if (key.empty()) throw std::invalid_argument("ByteTrie::insert: empty key");
  std::uint32_t node = kRoot;
  for (char ch : key) {
    const auto byte = static_cast<unsigned char>(ch);
    auto& children = build_[node].children;
    auto it = std::find_if(children.begin(), children.end(), [byte](const auto& edge) { return edge.first == byte; });
    if (it != children.end()) {
      node = it->second;
    } else {
      const auto created = static_cast<std::uint32_t>(build_.size());
      children.emplace_back(byte, created);
      build_.emplace_back();  // invalidates `children`; not used again
      node = created;
    }
  }
  auto& values = build_[node].values;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  ++key_count_;
}

void ByteTrie::freeze() {
  if (frozen_) return;
  frozen_ = true;
  nodes_.assign(build_.size(), Node{});
  for (std::uint32_t id = 0; id < build_.size(); ++id) {
    auto& built = build_[id];
    std::sort(built.children.begin(), built.children.end());
    Node& node = nodes_[id];
    if (id == kRoot) {
      for (const auto& [byte, target] : built.children) root_children_[byte] = target;
    } else if (built.children.size() == 1) {
      node.child_byte = built.children.front().first;
      node.child_or_edges = built.children.front().second;
      node.edge_count = 1;
    } else {
      // At most 255 children: a node of a UTF-8 trie has far fewer (no
      // byte follows every other), and a longer list is refused, never cut.
      if (built.children.size() > UINT8_MAX) throw std::length_error("ByteTrie: more than 255 children on one node");
      node.child_or_edges = static_cast<std::uint32_t>(edge_bytes_.size());
      node.edge_count = static_cast<std::uint8_t>(built.children.size());
      for (const auto& [byte, target] : built.children) {
        edge_bytes_.push_back(byte);
        edge_targets_.push_back(target);
      }
    }
    if (built.values.size() > UINT16_MAX) throw std::length_error("ByteTrie: more than 65535 values for one key");
    node.values_begin = static_cast<std::uint32_t>(values_.size());
    node.value_count = static_cast<std::uint16_t>(built.values.size());
    values_.insert(values_.end(), built.values.begin(), built.values.end());
  }

  // Failure and output links, breadth first (Aho-Corasick).
  std::deque<std::uint32_t> queue;
  for (const auto& [byte, target] : build_[kRoot].children) {
    nodes_[target].failure = kRoot;
    queue.push_back(target);
  }
  while (!queue.empty()) {
    const std::uint32_t parent = queue.front();
    queue.pop_front();
    for (const auto& [byte, target] : build_[parent].children) {
      std::uint32_t fallback = nodes_[parent].failure;
      std::uint32_t link = child(fallback, byte);
      while (link == kNone && fallback != kRoot) {
        fallback = nodes_[fallback].failure;
        link = child(fallback, byte);
      }
      Node& node = nodes_[target];
      node.failure = (link == kNone || link == target) ? kRoot : link;
      const Node& failure = nodes_[node.failure];
      node.output_link = failure.value_count > 0 ? node.failure : failure.output_link;
      queue.push_back(target);
    }
  }
  build_.clear();
  build_.shrink_to_fit();
}

}  // namespace parley::text
