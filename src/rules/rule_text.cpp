#include "rules/rule_text.hpp"

namespace gklint {

namespace {

// `yaml` with blocks blanked out line for line (every other line keeps its number): a block is a
// line `opens(indent, content)` picks, and the lines after it that are blank, comments, indented
// deeper, or at its indentation and items of its own (`- `) when `items`.
template <typename Opens>
std::string without_blocks(std::string_view yaml, const Opens& opens, bool items) {
  std::string out;
  out.reserve(yaml.size());
  size_t skip_indent = std::string_view::npos;  // in a block whose key is this indented
  for (size_t start = 0; start < yaml.size();) {
    size_t end = yaml.find('\n', start);
    end = end == std::string_view::npos ? yaml.size() : end + 1;
    const std::string_view line = yaml.substr(start, end - start);
    start = end;
    const size_t indent = line.find_first_not_of(' ');
    const std::string_view content = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
    const bool blank = content.empty() || content[0] == '\n' || content[0] == '#';
    if (skip_indent != std::string_view::npos) {
      if (blank || indent > skip_indent || (items && indent == skip_indent && content.starts_with("- "))) {
        if (line.back() == '\n') out += '\n';
        continue;
      }
      skip_indent = std::string_view::npos;
    }
    if (!blank && opens(indent, content)) {
      skip_indent = indent;
      if (line.back() == '\n') out += '\n';
      continue;
    }
    out += line;
  }
  return out;
}

}  // namespace

std::string without_tests(std::string_view yaml) {
  return without_blocks(
      yaml, [](size_t, std::string_view content) { return content == "tests:\n" || content == "tests:"; },
      /*items=*/true);
}

std::string without_docs(std::string_view yaml) {
  return without_blocks(
      yaml,
      [](size_t indent, std::string_view content) {
        return indent == 4 &&
               (content.starts_with("summary:") || content.starts_with("doc:") || content.starts_with("example:"));
      },
      /*items=*/false);
}

std::string builtin_yaml(std::string_view text, bool with_docs) {
  return with_docs ? without_tests(text) : without_docs(without_tests(text));
}

}  // namespace gklint
