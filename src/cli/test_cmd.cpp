#include "cli/test_cmd.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "gklint/emit.hpp"
#include "gklint/rule_tests.hpp"

namespace gklint {

const char* const kTestSummary =
    "run the test cases rule files carry (each rule's tests:) and list the rules no case exercises";

void add_test_arguments(CLI::App& cmd, TestCommand* command, std::string* lang) {
  cmd.add_option("rules", command->rules, "built-in rule set ids or YAML files (default: every built-in set)")
      ->type_name("ID|FILE");
  cmd.add_option("--format", command->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd.add_option("--lang", *lang, "language of the report")->check(CLI::IsMember({"zh", "en"}));
  cmd.add_flag("--require-coverage", command->require_coverage,
               "fail (exit 1) unless every enabled rule fires in a fires: case and stays quiet in a clean: case");
}

namespace {

std::string join(const std::vector<std::string>& ids, const char* sep) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : sep) + id;
  return s;
}

void write_text(const RuleTestRun& run, Lang lang, std::ostream& out) {
  const bool en = lang == Lang::en;
  for (const CaseResult& r : run.cases) {
    if (r.passed) continue;
    const std::string kind = r.test.fires ? "fires" : "clean";
    out << r.file << ":" << r.test.line << ": "
        << (en ? "rule " + r.test.rule + ": case " + std::to_string(r.test.number) + " (" + kind + "): "
               : "规则 " + r.test.rule + "：用例 " + std::to_string(r.test.number) + "（" + kind + "）：")
        << describe_failure(r, lang) << "\n";
  }
  const size_t failed = run.failed(), total = run.cases.size();
  if (en) {
    out << "gklint test: " << total << (total == 1 ? " case, " : " cases, ") << total - failed << " passed, " << failed
        << " failed\n";
  } else {
    out << "gklint test：共 " << total << " 个用例，" << total - failed << " 个通过，" << failed << " 个失败\n";
  }
  for (const Coverage& c : run.coverage) {
    const size_t untested = c.never_fired.size() + c.never_clean.size();
    out << (en ? "coverage " : "覆盖 ") << c.set << (en ? ": " : "：") << c.rules << (en ? " rules, " : " 条规则，");
    if (untested == 0) {
      out << (en ? "each fires in a fires case and stays quiet in a clean case\n"
                 : "每条都有触发的 fires 用例和不触发的 clean 用例\n");
      continue;
    }
    out << (en ? "not all exercised\n" : "并非都已测试\n");
    if (!c.never_fired.empty()) {
      out << (en ? "  no fires case makes these fire: " : "  没有 fires 用例触发：")
          << join(c.never_fired, en ? ", " : "、") << "\n";
    }
    if (!c.never_clean.empty()) {
      out << (en ? "  no clean case: " : "  没有 clean 用例：") << join(c.never_clean, en ? ", " : "、") << "\n";
    }
  }
}

void write_json(const RuleTestRun& run, Lang lang, std::ostream& out) {
  using json = nlohmann::ordered_json;
  json cases = json::array();
  for (const CaseResult& r : run.cases) {
    json c = {{"file", r.file},
              {"line", r.test.line},
              {"rule", r.test.rule},
              {"case", r.test.number},
              {"kind", r.test.fires ? "fires" : "clean"},
              {"set", r.set},
              {"passed", r.passed}};
    if (!r.passed) c["failure"] = describe_failure(r, lang);
    json findings = json::array();
    for (const CaseResult::Finding& f : r.findings) findings.push_back({{"line", f.line}, {"message", f.message}});
    c["findings"] = std::move(findings);
    cases.push_back(std::move(c));
  }
  json coverage = json::array();
  for (const Coverage& c : run.coverage) {
    coverage.push_back(
        {{"set", c.set}, {"rules", c.rules}, {"never_fired", c.never_fired}, {"never_clean", c.never_clean}});
  }
  const size_t failed = run.failed();
  json doc = {{"version", 1},
              {"cases", std::move(cases)},
              {"summary", {{"cases", run.cases.size()}, {"passed", run.cases.size() - failed}, {"failed", failed}}},
              {"coverage", std::move(coverage)}};
  out << doc.dump(2) << "\n";
}

}  // namespace

int run_test_command(const TestCommand& command, const std::string& lang_name) {
  const Lang lang = lang_name == "en" ? Lang::en : Lang::zh;
  Catalog catalog;
  std::vector<std::string> refs = command.rules;
  if (refs.empty()) refs = catalog.builtin_ids();
  const RuleTestRun run = run_rule_tests(catalog, refs);
  if (!run.errors.empty()) {
    // Shown as the linter shows a rule file with errors (rule.error findings), in either format.
    std::vector<FileResult> results;
    add_rule_error_results(run.errors, "rule.error", &results);
    WriterOptions options;
    options.style.lang = lang;
    const auto writer = make_writer(command.format, std::cout, options);
    Summary summary;
    for (const FileResult& r : results) {
      summary.add(r);
      writer->file(r);
    }
    writer->finish(summary);
    return 2;
  }
  if (command.format == "json")
    write_json(run, lang, std::cout);
  else
    write_text(run, lang, std::cout);
  if (run.failed() > 0) return 1;
  if (command.require_coverage) {
    for (const Coverage& c : run.coverage) {
      if (!c.complete()) return 1;
    }
  }
  return 0;
}

}  // namespace gklint
