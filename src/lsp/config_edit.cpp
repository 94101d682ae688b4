#include "lsp/config_edit.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <tuple>
#include <vector>

#include "gklint/config.hpp"

namespace gklint::lsp {

namespace {

// A rule id as gklint writes them (section.missing, table.results-total): nothing that YAML
// could read as anything but a plain scalar.
bool plain_id(const std::string& rule) {
  return !rule.empty() && rule.size() <= 100 && std::isalpha(static_cast<unsigned char>(rule[0])) &&
         std::all_of(rule.begin(), rule.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
         });
}

// The same config but for `disable`, which must have gained exactly `rule` at its end.
bool same_but_disabled(const Config& a, const Config& b, const std::string& rule) {
  std::vector<std::string> want = a.disable;
  want.push_back(rule);
  const auto by_year = [](const Config& c) {
    std::vector<std::tuple<int, int, std::string>> v;
    for (const auto& y : c.by_year) v.emplace_back(y.from, y.to, y.rules);
    return v;
  };
  const auto by_path = [](const Config& c) {
    std::vector<std::pair<std::string, std::string>> v;
    for (const auto& p : c.by_path) v.emplace_back(p.glob, p.rules);
    return v;
  };
  return b.disable == want && a.rules == b.rules && by_year(a) == by_year(b) && by_path(a) == by_path(b) &&
         a.severity == b.severity && a.blank_cells == b.blank_cells && a.fail_on == b.fail_on && a.format == b.format &&
         a.lang == b.lang && a.color == b.color && a.encoding == b.encoding;
}

// Where the flow sequence starting at `open` ('[') ends (its ']'), skipping quoted scalars and
// comments; npos when it does not.
size_t flow_end(const std::string& t, size_t open) {
  int depth = 0;
  for (size_t i = open; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\') ++i;
      }
    } else if (c == '\'') {
      for (++i; i < t.size(); ++i) {
        if (t[i] == '\'' && (i + 1 >= t.size() || t[i + 1] != '\'')) break;
        if (t[i] == '\'') ++i;  // '' is a quote inside
      }
    } else if (c == '#' && i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n')) {
      i = t.find('\n', i);
      if (i == std::string::npos) return std::string::npos;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string::npos;
}

std::optional<TextEdit> propose(const std::string& text, const std::string& rule) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const auto append = [&]() -> std::optional<TextEdit> {
    const bool ends = text.empty() || text.back() == '\n';
    return TextEdit{text.size(), text.size(), (ends ? "" : eol) + "disable: [" + rule + "]" + eol};
  };
  if (root.IsNull()) return append();  // empty, or comments only
  if (!root.IsMap() || root.Style() == YAML::EmitterStyle::Flow) return std::nullopt;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar() || kv.first.Scalar() != "disable") continue;
    const YAML::Node& v = kv.second;
    if (!v.IsSequence()) return std::nullopt;
    const int at = v.Mark().pos;
    if (at < 0) return std::nullopt;
    if (v.Style() == YAML::EmitterStyle::Flow) {
      const size_t close = flow_end(text, static_cast<size_t>(at));
      if (close == std::string::npos) return std::nullopt;
      size_t last = close;
      while (last > 0 && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
      const char before = last > 0 ? text[last - 1] : '[';
      const std::string item = before == '[' ? rule : before == ',' ? " " + rule : ", " + rule;
      return TextEdit{last, last, item};
    }
    // A block list: a new item under the last one, indented as it is.
    const int item_at = v[v.size() - 1].Mark().pos;
    if (item_at < 0) return std::nullopt;
    const size_t line_start = text.rfind('\n', static_cast<size_t>(item_at)) == std::string::npos
                                  ? 0
                                  : text.rfind('\n', static_cast<size_t>(item_at)) + 1;
    const size_t dash = text.find_first_not_of(" \t", line_start);
    if (dash == std::string::npos || text[dash] != '-') return std::nullopt;
    const std::string indent = text.substr(line_start, dash - line_start);
    const size_t line_end = text.find('\n', static_cast<size_t>(item_at));
    if (line_end == std::string::npos) return TextEdit{text.size(), text.size(), eol + indent + "- " + rule};
    return TextEdit{line_end + 1, line_end + 1, indent + "- " + rule + eol};
  }
  return append();
}

}  // namespace

std::optional<TextEdit> disable_rule_edit(const std::string& path, const std::string& text, const std::string& rule) {
  if (!plain_id(rule)) return std::nullopt;
  Config before;
  std::vector<RuleError> errors;
  if (!parse_config(path, text, &before, &errors)) return std::nullopt;
  if (std::find(before.disable.begin(), before.disable.end(), rule) != before.disable.end()) return std::nullopt;
  std::optional<TextEdit> edit = propose(text, rule);
  if (!edit || edit->begin > edit->end || edit->end > text.size()) return std::nullopt;
  std::string edited = text;
  edited.replace(edit->begin, edit->end - edit->begin, edit->text);
  Config after;
  if (!parse_config(path, edited, &after, &errors) || !same_but_disabled(before, after, rule)) return std::nullopt;
  return edit;
}

}  // namespace gklint::lsp
