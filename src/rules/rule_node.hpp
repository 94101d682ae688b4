// A node of a rule file's YAML, as the loader and the rule kinds read it. It is either a yaml-cpp
// node (a user's file, parsed at run time) or a node of a built-in file's tree, which the build
// parsed once and wrote as a compact blob (tools/gen_rule_trees.cpp): gklint then parses no YAML of
// its own rule sets when it starts. Both read alike; tests/unit/rule_node_test.cpp holds every
// built-in tree to yaml-cpp's reading of the same text.
//
// Read-only, with yaml-cpp's names, and copied as a handle (assigning one node to another rebinds
// it; yaml-cpp's Node::operator= would write through to the document). A key that is absent gives
// an undefined node, which is false and reads as nothing (no type, no text, no items).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gklint {

// A built-in file's tree, read from its blob.
struct RuleTree {
  struct Node {
    YAML::NodeType::value type = YAML::NodeType::Null;
    YAML::Mark mark;
    std::string scalar;
    uint32_t first = 0, count = 0;  // children in `children`: a sequence's items, or a map's key, value, key, …
  };
  std::vector<Node> nodes;  // nodes[0] is the root
  std::vector<uint32_t> children;
};

// The blob of a parsed document: each node's type, mark and text or children, in document order.
std::string write_rule_tree(const YAML::Node& root);
// The tree a blob holds; nullptr when it is not one write_rule_tree wrote (then the text is parsed).
std::shared_ptr<const RuleTree> read_rule_tree(std::string_view blob);

class RuleNode {
 public:
  struct Item;
  class const_iterator;

  RuleNode() = default;  // undefined
  explicit RuleNode(const YAML::Node& node);
  RuleNode(std::shared_ptr<const RuleTree> tree, uint32_t index) : tree_(std::move(tree)), index_(index) {}
  RuleNode(const RuleNode&) = default;
  // Rebinds (YAML::Node::reset), where yaml-cpp's operator= would write into the document.
  RuleNode& operator=(const RuleNode& other);
  ~RuleNode() = default;

  bool IsDefined() const;
  explicit operator bool() const { return IsDefined(); }
  bool operator!() const { return !IsDefined(); }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  const std::string& Scalar() const;
  YAML::Mark Mark() const;
  size_t size() const;
  // A map's value for `key`; undefined when there is none (or this is not a map).
  RuleNode operator[](std::string_view key) const;
  // The same node of the same document.
  bool is(const RuleNode& other) const;
  // A node of a built-in file's tree (not of a file parsed at run time).
  bool built_in() const { return tree_ != nullptr; }

  // The scalar converted as yaml-cpp converts it (YAML::convert<T>): false when it does not convert.
  template <typename T>
  bool decode(T* out) const {
    return YAML::convert<T>::decode(as_yaml(), *out);
  }
  // The same, throwing a YAML::Exception when it does not convert (yaml-cpp's Node::as).
  template <typename T>
  T as() const {
    T out{};
    if (!decode(&out)) throw YAML::TypedBadConversion<T>(Mark());
    return out;
  }

  const_iterator begin() const;
  const_iterator end() const;

 private:
  const RuleTree::Node* tree_node() const { return tree_ ? &tree_->nodes[index_] : nullptr; }
  // A yaml-cpp node of the same type and text, for yaml-cpp's conversions.
  YAML::Node as_yaml() const;

  enum class From : uint8_t { nothing, yaml, tree };
  From from() const;

  YAML::Node yaml_;  // when has_yaml_ (the default one allocates nothing)
  bool has_yaml_ = false;
  std::shared_ptr<const RuleTree> tree_;
  uint32_t index_ = 0;
};

// What iterating a node gives: a sequence's item (the node itself), or a map's entry (first, second).
struct RuleNode::Item : RuleNode {
  RuleNode first, second;
};

class RuleNode::const_iterator {
 public:
  const_iterator() = default;
  explicit const_iterator(const YAML::const_iterator& it) : yaml_(it), yaml_set_(true) {}
  const_iterator(std::shared_ptr<const RuleTree> tree, uint32_t node, uint32_t at)
      : tree_(std::move(tree)), node_(node), at_(at) {}
  Item operator*() const;
  const_iterator& operator++();
  bool operator==(const const_iterator& other) const;
  bool operator!=(const const_iterator& other) const { return !(*this == other); }

 private:
  YAML::const_iterator yaml_;
  bool yaml_set_ = false;
  std::shared_ptr<const RuleTree> tree_;  // or a tree's node
  uint32_t node_ = 0;
  uint32_t at_ = 0;  // the index in its children of the next item (of a map: the next key)
};

}  // namespace gklint
