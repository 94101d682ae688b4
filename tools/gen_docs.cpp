// gklint-docs: writes the tables of the docs that list what the registries hold — output formats,
// input formats, rule kinds, finding kinds, subcommands — between markers in the Markdown files:
//   <!-- gklint-docs: NAME -->  …generated…  <!-- /gklint-docs: NAME -->
//
//   gklint-docs [REPO]            rewrite the regions (REPO: the repository root, default .)
//   gklint-docs --check [REPO]    change nothing; exit 1 naming each region that is out of date
//                                 (the `docs` test runs this, so the docs cannot drift)
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gklint/emit.hpp"
#include "gklint/input.hpp"
#include "gklint/ruleset.hpp"
#include "gklint/tool_rules.hpp"
#include "rules/check.hpp"

using namespace gklint;

namespace {

std::string code(const std::string& s) { return "`" + s + "`"; }

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string output_formats_table() {
  std::string t = "| `--format` | for | what it writes |\n|---|---|---|\n";
  for (const OutputFormat& f : output_format_registry())
    t += "| " + code(f.name) + " | " + f.users + " | " + f.doc + " |\n";
  return t;
}

std::string input_formats_table() {
  std::string t = "| file | how it is read | where a finding points |\n|---|---|---|\n";
  for (const InputFormat& f : input_formats()) {
    std::vector<std::string> ext, also;
    for (const std::string& e : f.extensions) ext.push_back(code(e));
    for (const std::string& e : f.also_named) also.push_back(code(e));
    t += "| " + join(ext, ", ") + (also.empty() ? "" : " (also " + join(also, ", ") + ")") + " | " + f.doc + " | " +
         f.located + " |\n";
  }
  return t;
}

std::string rule_kinds_table(bool tables) {
  std::string t = "| kind | finds | messages ({placeholders}) | params |\n|---|---|---|---|\n";
  for (const RuleKind& k : rule_kinds()) {
    if (k.tables != tables) continue;
    std::vector<std::string> messages;
    const auto message = [&](const std::string& key, bool optional) {
      std::vector<std::string> names;
      const auto it = k.placeholders.find(key);
      if (it != k.placeholders.end()) {
        for (const std::string& n : it->second) names.push_back("{" + n + "}");
      }
      messages.push_back((optional ? "optional " : "") + code(key) +
                         (names.empty() ? "" : " (" + join(names, ", ") + ")"));
    };
    for (const std::string& key : k.message_keys) message(key, false);
    for (const std::string& key : k.optional_message_keys) message(key, true);
    std::vector<std::string> params;
    for (const std::string& p : k.param_keys) {
      const auto doc = k.param_docs.find(p);
      params.push_back(code(p) + (doc == k.param_docs.end() ? "" : ": " + doc->second));
    }
    t += "| " + code(k.name) + " | " + k.finds + " | " + join(messages, ", ") + " | " + join(params, "; ") + " |\n";
  }
  return t;
}

// Which built-in rules (and tool rules) report each finding kind, in the order the rule sets list them.
std::string finding_kinds_table() {
  std::map<std::string, std::vector<std::string>> rules_of;
  const auto add = [&](const std::string& kind, const std::string& rule) {
    std::vector<std::string>& r = rules_of[kind];
    if (std::find(r.begin(), r.end(), rule) == r.end()) r.push_back(rule);
  };
  Catalog catalog;
  for (const std::string& id : catalog.builtin_ids()) {
    std::vector<RuleError> errors;
    const auto set = catalog.get(id, &errors);
    if (!set) continue;
    for (const Rule& r : set->rules) {
      if (const RuleKind* kind = find_rule_kind(r.kind)) {
        for (const std::string& k : kind->diagnostic_kinds) add(k, r.id);
      }
    }
  }
  for (const ToolRule& r : kToolRules) add(r.kind, r.id);
  std::string t = "| kind | rule ids (built-in) | extra fields |\n|---|---|---|\n";
  for (const FindingKind& k : finding_kinds()) {
    std::vector<std::string> ids;
    for (const std::string& id : rules_of[k.name]) ids.push_back(code(id));
    t += "| " + code(k.name) + " | " + join(ids, ", ") + (k.note.empty() ? "" : " (" + k.note + ")") + " | " +
         k.fields + " |\n";
  }
  return t;
}

struct Region {
  const char* file;
  const char* name;
  std::string (*make)();
};

const Region kRegions[] = {
    {"README.md", "output-formats", output_formats_table},
    {"README.md", "input-formats", input_formats_table},
    {"docs/rules.md", "rule-kinds", [] { return rule_kinds_table(false); }},
    {"docs/rules.md", "table-rule-kinds", [] { return rule_kinds_table(true); }},
    {"docs/json-output.md", "finding-kinds", finding_kinds_table},
};

}  // namespace

int main(int argc, char** argv) {
  bool check = false;
  std::string root = ".";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--check")
      check = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: gklint-docs [--check] [REPO]\n";
      return 0;
    } else
      root = a;
  }
  std::map<std::string, std::string> texts;  // file -> its text, as the regions are replaced
  int stale = 0;
  for (const Region& r : kRegions) {
    const std::string path = root + "/" + r.file;
    if (!texts.count(r.file)) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "gklint-docs: " << path << ": cannot read\n";
        return 2;
      }
      std::ostringstream s;
      s << in.rdbuf();
      texts[r.file] = s.str();
    }
    std::string& text = texts[r.file];
    const std::string begin = std::string("<!-- gklint-docs: ") + r.name + " -->\n";
    const std::string end = std::string("<!-- /gklint-docs: ") + r.name + " -->";
    const size_t b = text.find(begin);
    const size_t e = b == std::string::npos ? std::string::npos : text.find(end, b);
    if (e == std::string::npos) {
      std::cerr << "gklint-docs: " << r.file << ": no region " << r.name << " (" << begin.substr(0, begin.size() - 1)
                << " … " << end << ")\n";
      return 2;
    }
    const std::string fresh = r.make();
    if (text.compare(b + begin.size(), e - b - begin.size(), fresh) != 0) {
      ++stale;
      if (check) std::cerr << "gklint-docs: " << r.file << ": the table " << r.name << " is out of date\n";
      text.replace(b + begin.size(), e - b - begin.size(), fresh);
    }
  }
  if (check) {
    if (stale) std::cerr << "gklint-docs: run `build/gklint-docs` to write them from the registries\n";
    return stale ? 1 : 0;
  }
  for (const auto& [file, text] : texts) {
    std::ofstream out(root + "/" + file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::cerr << "gklint-docs: " << file << ": cannot write\n";
      return 2;
    }
  }
  std::cout << "gklint-docs: " << stale << " table(s) rewritten\n";
  return 0;
}
