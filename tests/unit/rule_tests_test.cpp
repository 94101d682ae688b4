// Rule test cases (`tests:` under a rule, `gklint test`): the schema the loader checks, the
// runner, coverage, and the built-in files read without their cases when linting.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "gklint/lint.hpp"
#include "rules/loader.hpp"

using namespace gklint;

namespace {

// Two YAML trees hold the same data (scalars, sequences, mappings in order).
bool same_yaml(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same_yaml(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsMap()) {
    auto ia = a.begin(), ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
      if (ia->first.Scalar() != ib->first.Scalar() || !same_yaml(ia->second, ib->second)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("built-in files are loaded without their cases: without_tests takes out tests: and nothing else") {
  Catalog c;
  int rules_with_cases = 0;
  for (const std::string& id : c.builtin_ids()) {
    INFO(id);
    const std::string full(*c.builtin_text(id));
    const std::string stripped = without_tests(full);
    // Line for line: every other line keeps its number (rule.defined_at, a case's line).
    CHECK(std::count(full.begin(), full.end(), '\n') == std::count(stripped.begin(), stripped.end(), '\n'));
    CHECK(stripped.find("tests:") == std::string::npos);
    YAML::Node want = YAML::Load(full);
    if (want["rules"]) {
      for (YAML::Node rule : want["rules"]) {
        if (rule["tests"]) {
          rule.remove("tests");
          ++rules_with_cases;
        }
      }
    }
    CHECK(same_yaml(YAML::Load(stripped), want));
  }
  CHECK(rules_with_cases > 0);
  // Layouts the built-in files may take: a sequence at the key's indentation, comments and blank
  // lines inside the block, the next key after it.
  CHECK(without_tests("rules:\n  - id: a\n    tests:\n    - fires: |\n        x\n\n      # c\n    - clean: y\n    kind: k\n") ==
        "rules:\n  - id: a\n\n\n\n\n\n\n    kind: k\n");
  CHECK(without_tests("a:\n  tests:\n    - fires: x\nb: 1") == "a:\n\n\nb: 1");
}
