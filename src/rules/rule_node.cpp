#include "rules/rule_node.hpp"

namespace gklint {

namespace {

// The blob: a magic line, then each node in document order: its type (one byte), its mark (pos,
// line, column), then a scalar's length and bytes, or a sequence's item count and items, or a map's
// entry count and each key and value. Numbers are 32-bit little-endian.
constexpr std::string_view kMagic = "gklint rule tree 1\n";
constexpr uint32_t kMaxDepth = 256;

void put(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint32_t mark_field(int v) { return static_cast<uint32_t>(v); }  // -1 (a null mark) round-trips

void write(const YAML::Node& n, std::string* out) {
  const YAML::NodeType::value type = n.Type();
  out->push_back(static_cast<char>(type));
  const YAML::Mark m = n.Mark();
  put(out, mark_field(m.pos));
  put(out, mark_field(m.line));
  put(out, mark_field(m.column));
  if (type == YAML::NodeType::Scalar) {
    put(out, static_cast<uint32_t>(n.Scalar().size()));
    *out += n.Scalar();
  } else if (type == YAML::NodeType::Sequence) {
    put(out, static_cast<uint32_t>(n.size()));
    for (const YAML::Node& item : n) write(item, out);
  } else if (type == YAML::NodeType::Map) {
    put(out, static_cast<uint32_t>(n.size()));
    for (const auto& kv : n) {
      write(kv.first, out);
      write(kv.second, out);
    }
  }
}

class Reader {
 public:
  Reader(std::string_view blob, RuleTree* tree) : blob_(blob), tree_(tree) {}

  // The node at the cursor and all below it; false when the blob is not well formed.
  bool node(uint32_t depth, uint32_t* index) {
    if (depth > kMaxDepth || at_ >= blob_.size()) return false;
    const auto type = static_cast<YAML::NodeType::value>(static_cast<unsigned char>(blob_[at_++]));
    uint32_t pos = 0, line = 0, column = 0, n = 0;
    if (!get(&pos) || !get(&line) || !get(&column)) return false;
    *index = static_cast<uint32_t>(tree_->nodes.size());
    RuleTree::Node& made = tree_->nodes.emplace_back();
    made.type = type;
    made.mark.pos = static_cast<int>(pos);
    made.mark.line = static_cast<int>(line);
    made.mark.column = static_cast<int>(column);
    switch (type) {
      case YAML::NodeType::Null: return true;
      case YAML::NodeType::Scalar:
        if (!get(&n) || n > blob_.size() - at_) return false;
        made.scalar.assign(blob_.substr(at_, n));
        at_ += n;
        return true;
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map: {
        if (!get(&n)) return false;
        const uint64_t kids = type == YAML::NodeType::Map ? 2ULL * n : n;
        if (kids > blob_.size() - at_) return false;  // each child takes 13 bytes at least
        std::vector<uint32_t> mine(static_cast<size_t>(kids));
        for (uint32_t& k : mine) {
          if (!node(depth + 1, &k)) return false;
        }
        RuleTree::Node& back = tree_->nodes[*index];  // `made` moved as the vector grew
        back.first = static_cast<uint32_t>(tree_->children.size());
        back.count = static_cast<uint32_t>(kids);
        tree_->children.insert(tree_->children.end(), mine.begin(), mine.end());
        return true;
      }
      default: return false;
    }
  }

  bool done() const { return at_ == blob_.size(); }

 private:
  bool get(uint32_t* v) {
    if (blob_.size() - at_ < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<unsigned char>(blob_[at_ + i])) << (8 * i);
    at_ += 4;
    return true;
  }

  std::string_view blob_;
  RuleTree* tree_;
  size_t at_ = kMagic.size();
};

const std::string& empty_text() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace

std::string write_rule_tree(const YAML::Node& root) {
  std::string out(kMagic);
  write(root, &out);
  return out;
}

std::shared_ptr<const RuleTree> read_rule_tree(std::string_view blob) {
  if (!blob.starts_with(kMagic)) return nullptr;
  auto tree = std::make_shared<RuleTree>();
  Reader reader(blob, tree.get());
  uint32_t root = 0;
  if (!reader.node(0, &root) || !reader.done()) return nullptr;
  return tree;
}

RuleNode::RuleNode(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  yaml_.reset(node);
  has_yaml_ = true;
}

RuleNode& RuleNode::operator=(const RuleNode& other) {
  if (this == &other) return *this;
  yaml_.reset(other.yaml_);  // both valid: a RuleNode never holds a zombie node
  has_yaml_ = other.has_yaml_;
  tree_ = other.tree_;
  index_ = other.index_;
  return *this;
}

RuleNode::From RuleNode::from() const {
  if (tree_) return From::tree;
  return has_yaml_ ? From::yaml : From::nothing;
}

bool RuleNode::IsDefined() const { return from() != From::nothing; }

YAML::NodeType::value RuleNode::Type() const {
  switch (from()) {
    case From::tree: return tree_node()->type;
    case From::yaml: return yaml_.Type();
    case From::nothing: break;
  }
  return YAML::NodeType::Undefined;
}

const std::string& RuleNode::Scalar() const {
  switch (from()) {
    case From::tree: return tree_node()->scalar;
    case From::yaml: return yaml_.Scalar();
    case From::nothing: break;
  }
  return empty_text();
}

YAML::Mark RuleNode::Mark() const {
  switch (from()) {
    case From::tree: return tree_node()->mark;
    case From::yaml: return yaml_.Mark();
    case From::nothing: break;
  }
  return YAML::Mark::null_mark();
}

size_t RuleNode::size() const {
  switch (from()) {
    case From::tree: {
      const RuleTree::Node& n = *tree_node();
      return n.type == YAML::NodeType::Map ? n.count / 2 : n.count;
    }
    case From::yaml: return yaml_.size();
    case From::nothing: break;
  }
  return 0;
}

RuleNode RuleNode::operator[](std::string_view key) const {
  switch (from()) {
    case From::tree: {
      const RuleTree::Node& n = *tree_node();
      // As yaml-cpp: a scalar has no keys to look up; a sequence or null has none of this one.
      if (n.type == YAML::NodeType::Scalar) throw YAML::BadSubscript(n.mark, std::string(key));
      if (n.type != YAML::NodeType::Map) return {};
      for (uint32_t i = 0; i + 1 < n.count; i += 2) {
        const RuleTree::Node& k = tree_->nodes[tree_->children[n.first + i]];
        if (k.type == YAML::NodeType::Scalar && k.scalar == key) return {tree_, tree_->children[n.first + i + 1]};
      }
      return {};
    }
    case From::yaml: {
      const YAML::Node& map = yaml_;  // const: an absent key is not added to the document
      return RuleNode(map[std::string(key)]);
    }
    case From::nothing: break;
  }
  return {};
}

bool RuleNode::is(const RuleNode& other) const {
  switch (from()) {
    case From::tree: return tree_ == other.tree_ && index_ == other.index_;
    case From::yaml: return other.has_yaml_ && !other.tree_ && yaml_.is(other.yaml_);
    case From::nothing: break;
  }
  return false;
}

YAML::Node RuleNode::as_yaml() const {
  switch (from()) {
    case From::tree: {
      const RuleTree::Node& n = *tree_node();
      if (n.type == YAML::NodeType::Scalar) return YAML::Node(n.scalar);
      return YAML::Node(n.type);
    }
    case From::yaml: return yaml_;
    case From::nothing: break;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

RuleNode::const_iterator RuleNode::begin() const {
  switch (from()) {
    case From::tree: return {tree_, index_, 0};
    case From::yaml: return const_iterator(yaml_.begin());
    case From::nothing: break;
  }
  return {};
}

RuleNode::const_iterator RuleNode::end() const {
  switch (from()) {
    case From::tree: return {tree_, index_, tree_node()->count};
    case From::yaml: return const_iterator(yaml_.end());
    case From::nothing: break;
  }
  return {};
}

RuleNode::Item RuleNode::const_iterator::operator*() const {
  Item item;
  if (yaml_set_) {
    const YAML::detail::iterator_value v = *yaml_;
    if (v.first.IsDefined()) {
      item.first = RuleNode(v.first);
      item.second = RuleNode(v.second);
    } else {
      static_cast<RuleNode&>(item) = RuleNode(YAML::Node(v));
    }
    return item;
  }
  const RuleTree::Node& parent = tree_->nodes[node_];
  const uint32_t child = tree_->children[parent.first + at_];
  if (parent.type == YAML::NodeType::Map) {
    item.first = RuleNode(tree_, child);
    item.second = RuleNode(tree_, tree_->children[parent.first + at_ + 1]);
  } else {
    static_cast<RuleNode&>(item) = RuleNode(tree_, child);
  }
  return item;
}

RuleNode::const_iterator& RuleNode::const_iterator::operator++() {
  if (yaml_set_)
    ++yaml_;
  else
    at_ += tree_->nodes[node_].type == YAML::NodeType::Map ? 2 : 1;
  return *this;
}

bool RuleNode::const_iterator::operator==(const const_iterator& other) const {
  if (yaml_set_ != other.yaml_set_) return false;
  if (yaml_set_) return yaml_ == other.yaml_;
  return tree_ == other.tree_ && node_ == other.node_ && at_ == other.at_;
}

}  // namespace gklint
