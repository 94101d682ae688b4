// --format junit: JUnit XML, the test-report format CI systems (Jenkins, GitLab, Azure Pipelines,
// GitHub test-report actions) show as test results.
//
//   <testsuites name="gklint">
//     <testsuite name=PATH tests=N failures=F errors=E skipped=S>     one per file
//       <properties> ruleset, report_year </properties>
//       <testcase name="input.error" classname=PATH/>                  the file could be read
//       <testcase name=RULE classname=PATH> …                          one per rule of its rule set
//
// What is a failure follows the exit status, so the report and the build agree:
//   <failure type=SEVERITY>  the rule's findings at or above --fail-on (they make the exit status 1);
//                            one element per rule, each finding a line "line:col: severity: message";
//   <error>                  input.error and rule.error: the file could not be checked at all (exit 2);
//   <system-out>             findings below --fail-on, so they are seen without failing the test.
//   <skipped>                the rules across reports (cross.*) without the other report (--previous,
//                            --find-copies).
// Rules gklint reported that are not in the set (input.encoding, ruleset.year) get a testcase too.
// Suites are written as files are done; the root carries no totals, so nothing is held back.
#include <algorithm>
#include <map>
#include <sstream>

#include "emit/writers.hpp"

namespace gklint {

namespace {

std::string attr(std::string_view text) { return xml_escape(text, true); }
std::string body(std::string_view text) { return xml_escape(text, false); }

// Why a rule across reports was not run for a report: it had no other report to compare with.
std::string not_compared(Lang lang, const Rule& rule) {
  const bool en = lang == Lang::en;
  if (rule.needs_other)
    return en ? "no report of another agency to compare with (--find-copies)"
              : "没有可以对照的其他机关报告（--find-copies）";
  if (rule.needs_parts)
    return en ? "not a total with its parts in this batch (.gklint.yaml sums)"
              : "不是与下级报告一同检查的合计报告（.gklint.yaml 的 sums）";
  return en ? "no report of the year before to compare with (--previous)" : "没有可以核对的上一年度报告（--previous）";
}

bool is_input_problem(const Diagnostic& d) { return d.rule == "input.error" || d.rule == "rule.error"; }

class JunitWriter : public Writer {
 public:
  JunitWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gklint\">\n";
  }

  void file(const FileResult& r) override {
    // Testcases in order: reading the file, the rule set's rules, then any other rule reported.
    std::vector<std::string> names = {"input.error"};
    std::map<std::string, std::string> not_run;  // rules across reports without the other report: why
    if (auto set = ruleset_of(options_, r.ruleset)) {
      for (const Rule& rule : set->rules) {
        names.push_back(rule.id);
        const bool alone = (rule.needs_previous && !r.previous_year) || (rule.needs_other && r.copy_of.empty()) ||
                           (rule.needs_parts && r.parts.empty());
        const bool said = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                      [&](const Diagnostic& d) { return d.rule == rule.id; });
        if (alone && !said) not_run[rule.id] = not_compared(options_.style.lang, rule);
      }
    }
    for (const Diagnostic& d : r.diagnostics) {
      if (std::find(names.begin(), names.end(), d.rule) == names.end()) names.push_back(d.rule);
    }

    std::ostringstream cases;
    int failures = 0, errors = 0, skipped = 0;
    for (const std::string& name : names) {
      // A rule across reports without the other report was not run: skipped, not passed.
      if (const auto skip = not_run.find(name); skip != not_run.end()) {
        ++skipped;
        cases << "    <testcase name=\"" << attr(name) << "\" classname=\"" << attr(r.path) << "\">\n"
              << "      <skipped message=\"" << attr(skip->second) << "\"/>\n"
              << "    </testcase>\n";
        continue;
      }
      std::vector<const Diagnostic*> failing, errored, passing;
      for (const Diagnostic& d : r.diagnostics) {
        if (d.rule != name) continue;
        if (is_input_problem(d))
          errored.push_back(&d);
        else if (options_.fail_on && d.severity >= *options_.fail_on)
          failing.push_back(&d);
        else
          passing.push_back(&d);
      }
      cases << "    <testcase name=\"" << attr(name) << "\" classname=\"" << attr(r.path) << "\"";
      if (failing.empty() && errored.empty() && passing.empty()) {
        cases << "/>\n";
        continue;
      }
      cases << ">\n";
      if (!errored.empty()) {
        ++errors;
        element(cases, "error", errored, r);
      }
      if (!failing.empty()) {
        ++failures;
        element(cases, "failure", failing, r);
      }
      if (!passing.empty()) {
        cases << "      <system-out>" << lines(passing, r) << "</system-out>\n";
      }
      cases << "    </testcase>\n";
    }

    out_ << "  <testsuite name=\"" << attr(r.path) << "\" tests=\"" << names.size() << "\" failures=\"" << failures
         << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n";
    if (!r.ruleset.empty() || r.report_year) {
      out_ << "    <properties>\n";
      if (!r.ruleset.empty()) out_ << "      <property name=\"ruleset\" value=\"" << attr(r.ruleset) << "\"/>\n";
      if (r.report_year) out_ << "      <property name=\"report_year\" value=\"" << r.report_year << "\"/>\n";
      out_ << "    </properties>\n";
    }
    out_ << cases.str() << "  </testsuite>\n";
  }

  void finish(const Summary&) override {
    out_ << "</testsuites>\n";
    out_.flush();
  }

 private:
  // Each finding on a line: "line:col: severity: message".
  static std::string lines(const std::vector<const Diagnostic*>& ds, const FileResult& r) {
    std::string text;
    for (const Diagnostic* d : ds) {
      const Position p = r.source->position(d->span.begin);
      text += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + severity_name(d->severity) + ": " +
              one_line(d->message) + "\n";
    }
    return body(text);
  }

  // <failure> or <error>: the first finding as the message (and how many more), the worst
  // severity as the type, every finding in the body.
  static void element(std::ostream& out, const char* tag, const std::vector<const Diagnostic*>& ds,
                      const FileResult& r) {
    Severity worst = Severity::info;
    for (const Diagnostic* d : ds) worst = std::max(worst, d->severity);
    std::string message = one_line(ds.front()->message);
    if (ds.size() > 1) message += " (+" + std::to_string(ds.size() - 1) + ")";
    out << "      <" << tag << " message=\"" << attr(message) << "\" type=\"" << severity_name(worst) << "\">"
        << lines(ds, r) << "</" << tag << ">\n";
  }

  std::ostream& out_;
  WriterOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JunitWriter>(out, options);
}

}  // namespace gklint
