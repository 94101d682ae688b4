// Fixture tests: each report under tests/fixtures/ sits beside an .expected file (NAME.expected or
// NAME.EXT.expected) listing the findings it must give, one per line:
// `LINE:COL RULE SEVERITY [key=value …]` (for a PDF `PAGE:LINE:COL …`), optionally followed by `  message: TEXT`, the
// finding's message (in Chinese) exactly. Lines starting with '#' are comments, except `# args:` which sets options
// (--rules ID|FILE, --year N, --previous FILE). The runner diffs what gklint finds against that list.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "gklint/lint.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expectation {
  std::string rules;
  int year = 0;
  std::string previous;  // --previous: last year's report, relative to the fixture's folder
  std::vector<std::string> lines;
  std::map<size_t, std::string> messages;  // by index in lines
};

Expectation read_expected(const fs::path& p) {
  Expectation e;
  std::istringstream in(read_all(p));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# args:", 0) == 0) {
      std::istringstream args(line.substr(7));
      for (std::string a; args >> a;) {
        if (a == "--rules")
          args >> e.rules;
        else if (a == "--year")
          args >> e.year;
        else if (a == "--previous")
          args >> e.previous;
      }
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    constexpr std::string_view kMessage = "  message: ";
    if (line.starts_with(kMessage) && !e.lines.empty()) {
      e.messages[e.lines.size() - 1] = line.substr(kMessage.size());
      continue;
    }
    e.lines.push_back(line);
  }
  return e;
}

std::string describe(const FileResult& r, const Diagnostic& d) {
  Position p = r.source->position(d.span.begin);
  // A PDF: page:line:column, as the text output shows it.
  std::string s = (p.page ? std::to_string(p.page) + ":" + std::to_string(p.page_line) : std::to_string(p.line)) + ":" +
                  std::to_string(p.column) + " " + d.rule + " " + severity_name(d.severity);
  for (const auto& [k, v] : d.fields) s += " " + k + "=" + v;
  if (d.inferred) s += " inferred=true";  // cells cut out of digits that ran together
  return s;
}

// NAME.EXT.expected, or NAME.expected when there is one report of that name (copies of one report
// in several formats sit side by side, each with its own).
fs::path expected_for(const fs::path& report) {
  fs::path own = report;
  own += ".expected";
  return fs::exists(own) ? own : fs::path(report).replace_extension(".expected");
}

}  // namespace

TEST_CASE("fixtures: every report gives exactly its expected findings") {
  const fs::path root = fs::path(GKLINT_SOURCE_DIR) / "tests" / "fixtures";
  std::vector<fs::path> reports;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path& p = entry.path();
    if (entry.is_regular_file() && p.extension() != ".expected" && p.extension() != ".yaml" &&
        p.filename() != "README.md" && fs::exists(expected_for(p))) {
      reports.push_back(p);
    }
  }
  std::sort(reports.begin(), reports.end());
  REQUIRE(reports.size() >= 5);

  Catalog catalog;
  for (const fs::path& report : reports) {
    const Expectation want = read_expected(expected_for(report));
    std::shared_ptr<const RuleSet> fixed;
    if (!want.rules.empty()) {
      std::string ref = want.rules;
      if (ref.ends_with(".yaml")) ref = (report.parent_path() / ref).string();
      std::vector<RuleError> errors;
      fixed = catalog.get(ref, &errors);
      REQUIRE_MESSAGE(fixed, report.string() << ": rule set " << ref << " does not load");
    }
    LintOptions options;
    options.year = want.year;
    Linter linter(catalog, fixed, options);
    std::optional<FileResult> previous;
    if (!want.previous.empty()) {
      const fs::path last = report.parent_path() / want.previous;
      REQUIRE_MESSAGE(fs::exists(last), report.string() << ": --previous " << last.string() << " does not exist");
      previous = Linter(catalog, fixed, LintOptions{}).lint(last.string(), read_all(last));
    }
    FileResult r =
        linter.lint(report.string(), read_all(report), nullptr, Partners::last_year(previous ? &*previous : nullptr));
    std::vector<std::string> got;
    for (const Diagnostic& d : r.diagnostics) got.push_back(describe(r, d));

    std::string diff;
    for (const auto& g : got) {
      if (std::find(want.lines.begin(), want.lines.end(), g) == want.lines.end()) diff += "  unexpected: " + g + "\n";
    }
    for (const auto& w : want.lines) {
      if (std::find(got.begin(), got.end(), w) == got.end()) diff += "  missing:    " + w + "\n";
    }
    for (const auto& [i, message] : want.messages) {
      const auto at = std::find(got.begin(), got.end(), want.lines[i]);
      if (at == got.end()) continue;  // said above
      const std::string& actual = r.diagnostics[static_cast<size_t>(at - got.begin())].message;
      if (actual != message)
        diff += "  message of " + want.lines[i] + ":\n    want: " + message + "\n    got:  " + actual + "\n";
    }
    CHECK_MESSAGE(diff.empty(), fs::relative(report, root).string() << "\n" << diff);
  }
}
