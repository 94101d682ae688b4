// Built-in rule files are parsed at build time (tools/gen_rule_trees.cpp) and read from their
// trees at run time: every tree must read as yaml-cpp reads the same text, node for node, and a
// blob that is not one gives no tree.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <random>

#include "gklint/ruleset.hpp"
#include "rules/builtin.hpp"
#include "rules/loader.hpp"
#include "rules/rule_node.hpp"

using namespace gklint;

namespace {

std::string where(const RuleNode& n) {
  const YAML::Mark m = n.Mark();
  return std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

// `a` (from a tree) and `b` (yaml-cpp) answer every question the loader asks alike.
void same_node(const RuleNode& a, const RuleNode& b, int* nodes) {
  ++*nodes;
  INFO("at ", where(b));
  REQUIRE(a.IsDefined() == b.IsDefined());
  REQUIRE(a.Type() == b.Type());
  CHECK(a.Scalar() == b.Scalar());
  CHECK(a.Mark().pos == b.Mark().pos);
  CHECK(a.Mark().line == b.Mark().line);
  CHECK(a.Mark().column == b.Mark().column);
  REQUIRE(a.size() == b.size());
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
    const RuleNode::Item x = *ia, y = *ib;
    if (b.IsMap()) {
      same_node(x.first, y.first, nodes);
      same_node(x.second, y.second, nodes);
      // A key looks up the first entry written with it, as in yaml-cpp.
      CHECK(a[x.first.Scalar()].Mark().pos == b[y.first.Scalar()].Mark().pos);
    } else {
      same_node(x, y, nodes);
    }
  }
  CHECK(ia == a.end());
  CHECK(ib == b.end());
  if (b.IsMap()) CHECK_FALSE(a["no such key"]);
}

}  // namespace

TEST_CASE("each built-in tree reads as yaml-cpp reads the text it was parsed from") {
  int files = 0;
  for (const builtin::EmbeddedFile& f : builtin::files()) {
    for (const bool docs : {false, true}) {
      const std::string which = std::string(f.path) + (docs ? " with docs" : " without docs");
      INFO(which);
      const builtin::EmbeddedTree* t = nullptr;
      for (const builtin::EmbeddedTree& e : builtin::trees()) {
        if (e.path == f.path) t = &e;
      }
      REQUIRE(t);
      const std::shared_ptr<const RuleTree> tree = read_rule_tree(docs ? t->with_docs : t->lean);
      REQUIRE(tree);
      int nodes = 0;
      same_node(RuleNode(tree, 0), RuleNode(YAML::Load(builtin_yaml(f.text, docs))), &nodes);
      CHECK(nodes > 50);
      ++files;
    }
  }
  CHECK(files >= 8);
}

TEST_CASE("a built-in set loads from its tree as from its text") {
  for (const bool docs : {false, true}) {
    Catalog catalog;
    catalog.set_docs(docs);
    const RuleFileResolver none = [](const std::string&, const RuleFile&, RuleFile*, std::string*) { return false; };
    for (const builtin::EmbeddedFile& f : builtin::files()) {
      for (const builtin::EmbeddedTree& t : builtin::trees()) {
        if (t.path != f.path) continue;
        const std::string which = std::string(f.path) + (docs ? " with docs" : " without docs");
        INFO(which);
        const std::string id = std::filesystem::path(std::string(f.path)).stem().string();
        std::vector<RuleError> errors;
        const auto from_tree = catalog.get(id, &errors);
        // The same file and its parents read from their texts.
        const RuleFileResolver parents = [docs](const std::string& ref, const RuleFile&, RuleFile* out, std::string*) {
          for (const builtin::EmbeddedFile& p : builtin::files()) {
            if (std::filesystem::path(std::string(p.path)).stem() == ref) {
              *out = {std::string(p.path), builtin_yaml(p.text, docs), ref, {}};
              return true;
            }
          }
          return false;
        };
        const RuleFile text{std::string(f.path), builtin_yaml(f.text, docs), id, {}};
        const auto from_text = load_rule_set(text, parents, make_load_cache().get(), &errors);
        CHECK(errors.empty());
        REQUIRE(from_tree);
        REQUIRE(from_text);
        CHECK(from_tree->title.zh == from_text->title.zh);
        CHECK(from_tree->sections.size() == from_text->sections.size());
        CHECK(from_tree->tables.size() == from_text->tables.size());
        REQUIRE(from_tree->rules.size() == from_text->rules.size());
        for (size_t i = 0; i < from_tree->rules.size(); ++i) {
          const Rule& a = from_tree->rules[i];
          const Rule& b = from_text->rules[i];
          CHECK(a.id == b.id);
          CHECK(a.defined_at == b.defined_at);
          REQUIRE(a.messages.size() == b.messages.size());
          for (const auto& [key, message] : a.messages) {
            CHECK(message.zh == b.messages.at(key).zh);
            CHECK(message.en == b.messages.at(key).en);
          }
          CHECK(a.doc.zh == b.doc.zh);
        }
      }
    }
  }
}

TEST_CASE("RuleNode reads a yaml-cpp node and a tree node alike") {
  const std::string yaml = "a: 12\nb: yes\nc: [x, 'y']\nd:\ne: 1.5\nf: {g: h}\na: 13\n";
  const std::shared_ptr<const RuleTree> tree = read_rule_tree(write_rule_tree(YAML::Load(yaml)));
  REQUIRE(tree);
  for (const RuleNode& root : {RuleNode(tree, 0), RuleNode(YAML::Load(yaml))}) {
    CHECK(root.IsMap());
    CHECK(root.size() == 7);
    CHECK(root["a"].as<int>() == 12);  // the first of two entries for one key
    CHECK(root["b"].as<bool>());
    CHECK_THROWS_AS(root["c"].as<int>(), YAML::Exception);
    CHECK(root["c"].IsSequence());
    CHECK(root["c"].size() == 2);
    CHECK(root["c"]["x"].IsDefined() == false);  // a sequence has no keys
    CHECK(root["d"].IsDefined());
    CHECK(root["d"].IsNull());
    CHECK(root["d"].Scalar().empty());
    double v = 0;
    CHECK(root["e"].decode(&v));
    CHECK(v == 1.5);
    CHECK_FALSE(root["f"].decode(&v));
    CHECK(root["f"]["g"].Scalar() == "h");
    CHECK(root["f"]["g"].Mark().line == 5);
    CHECK_THROWS_AS(root["a"]["x"], YAML::BadSubscript);  // yaml-cpp: a scalar has no keys
    // An absent key: false, no type, no text, nothing to iterate, and an error to convert.
    const RuleNode none = root["zz"];
    CHECK_FALSE(none);
    CHECK(!none);
    CHECK_FALSE(none.IsMap());
    CHECK(none.Scalar().empty());
    CHECK(none.size() == 0);
    CHECK(none.begin() == none.end());
    CHECK(none.Mark().is_null());
    CHECK_FALSE(none["k"]);
    CHECK_THROWS_AS(none.as<int>(), YAML::Exception);
    // Identity: the same node looked up twice, not an equal one.
    CHECK(root["f"].is(root["f"]));
    CHECK_FALSE(root["f"].is(root["c"]));
    CHECK_FALSE(none.is(none));
    std::vector<std::string> keys, items;
    for (const auto& kv : root) keys.push_back(kv.first.Scalar());
    for (const RuleNode& item : root["c"]) items.push_back(item.Scalar());
    CHECK(keys == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "a"});
    CHECK(items == std::vector<std::string>{"x", "y"});
  }
  // A copy rebinds: yaml-cpp's operator= would write into the document.
  RuleNode a(YAML::Load(yaml));
  RuleNode b = a["c"];
  b = a["f"];
  CHECK(a["c"].IsSequence());
}

TEST_CASE("a blob that read_rule_tree did not write gives no tree, whatever its bytes") {
  const builtin::EmbeddedTree& t = builtin::trees().front();
  const std::string blob(t.lean);
  REQUIRE(read_rule_tree(blob));
  CHECK_FALSE(read_rule_tree(""));
  CHECK_FALSE(read_rule_tree("not a tree"));
  CHECK_FALSE(read_rule_tree(blob + "x"));  // bytes after the root
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    const size_t cut = std::uniform_int_distribution<size_t>(0, blob.size() - 1)(rng);
    CHECK_FALSE(read_rule_tree(blob.substr(0, cut)));
    // Any byte changed: a tree or none, and nothing read outside the blob (ASan).
    std::string changed = blob;
    changed[cut] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    const auto tree = read_rule_tree(changed);
    if (tree) CHECK(!tree->nodes.empty());
  }
  // Counts far beyond the blob, and nesting too deep for the reader.
  const std::string magic = "gklint rule tree 1\n";
  std::string huge = magic + std::string(1, static_cast<char>(YAML::NodeType::Sequence)) + std::string(12, '\0') +
                     std::string(4, '\xff');
  CHECK_FALSE(read_rule_tree(huge));
  std::string deep = magic;
  for (int i = 0; i < 1000; ++i)
    deep += std::string(1, static_cast<char>(YAML::NodeType::Sequence)) + std::string(12, '\0') +
            std::string("\x01\0\0\0", 4);
  deep += std::string(1, static_cast<char>(YAML::NodeType::Null)) + std::string(12, '\0');
  CHECK_FALSE(read_rule_tree(deep));
}
