#include "gklint/rule_tests.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "rules/loader.hpp"

namespace gklint {

namespace {

// A rule file whose cases run, with the set it declares.
struct CaseFile {
  RuleSet::File file;
  std::shared_ptr<const RuleSet> set;
  std::vector<RuleCase> cases;
};

std::string file_key(const RuleSet::File& f) {
  return f.builtin_id.empty() ? "path:" + f.path : "builtin:" + f.builtin_id;
}

void run_case(Catalog& catalog, const CaseFile& file, const RuleCase& c, CaseResult* r) {
  r->file = file.file.path;
  r->set = file.set->id;
  r->test = c;
  r->enabled =
      std::any_of(file.set->rules.begin(), file.set->rules.end(), [&](const Rule& x) { return x.id == c.rule; });
  // Hermetic: no config, no disabled rules or severity overrides; messages in Chinese, as
  // `message:` is written.
  LintOptions options;
  options.year = c.year;
  options.lang = Lang::zh;
  // The built-in abstract set (base) has no sections or tables of its own: its cases run with the
  // built-in set for the case's year, which extends it, as a report would.
  const bool by_year = file.set->abstract && !file.file.builtin_id.empty();
  const Linter linter(catalog, by_year ? nullptr : file.set, options);
  // Last year's report is linted as it is (its year read from it), then this one against it.
  std::optional<FileResult> previous;
  if (!c.previous.empty()) {
    LintOptions before = options;
    before.year = 0;
    previous = Linter(catalog, by_year ? nullptr : file.set, before).lint("previous.txt", c.previous);
  }
  // Another agency's report of the same year, as --find-copies would pair it.
  std::optional<FileResult> other;
  if (!c.other.empty()) other = linter.lint("other.txt", c.other);
  // The parts of a total, as a config's sums would name them.
  std::vector<FileResult> parts;
  for (size_t k = 0; k < c.parts.size(); ++k)
    parts.push_back(linter.lint("part" + std::to_string(k + 1) + ".txt", c.parts[k]));
  Partners partners;
  partners.previous = previous ? &*previous : nullptr;
  partners.copy_of = other ? &*other : nullptr;
  for (const FileResult& part : parts) partners.parts.push_back(&part);
  const FileResult lint = linter.lint("case.txt", c.text, nullptr, partners);
  for (const Diagnostic& d : lint.diagnostics) {
    if (d.rule == c.rule) r->findings.push_back({lint.source->position(d.span.begin).line, d.message});
  }
  if (!r->enabled) {
    r->passed = false;
  } else if (!c.fires) {
    r->passed = r->findings.empty();
  } else if (!c.expect) {
    r->passed = !r->findings.empty();
  } else {
    std::vector<RuleCase::Expected> want = *c.expect;
    std::stable_sort(want.begin(), want.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    r->passed = want.size() == r->findings.size();
    for (size_t i = 0; r->passed && i < want.size(); ++i) {
      r->passed =
          want[i].line == r->findings[i].line && (!want[i].message || *want[i].message == r->findings[i].message);
    }
  }
}

}  // namespace

size_t RuleTestRun::failed() const {
  return static_cast<size_t>(std::count_if(cases.begin(), cases.end(), [](const CaseResult& r) { return !r.passed; }));
}

RuleTestRun run_rule_tests(Catalog& catalog, const std::vector<std::string>& refs) {
  RuleTestRun run;
  // The sets named, then every file of their extends chains, each once, with its cases.
  std::vector<std::shared_ptr<const RuleSet>> sets;
  for (const std::string& ref : refs) {
    if (auto set = catalog.get(ref, &run.errors)) {
      if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
    }
  }
  std::vector<CaseFile> files;
  std::set<std::string> seen;
  for (const auto& set : sets) {
    for (const RuleSet::File& f : set->files) {
      if (!seen.insert(file_key(f)).second) continue;
      CaseFile cf;
      cf.file = f;
      RuleFile text{f.path, "", f.builtin_id, {}};
      if (!f.builtin_id.empty()) {
        cf.set = catalog.get(f.builtin_id, &run.errors);
        if (const std::string_view* t = catalog.builtin_text(f.builtin_id)) text.text = std::string(*t);
      } else {
        cf.set = catalog.get(f.path, &run.errors);
        std::string why;
        if (cf.set && !read_regular_file(f.path, &text.text, &why))
          run.errors.push_back({f.path, "", 0, "规则文件" + why});
      }
      if (!cf.set) continue;
      read_rule_cases(text, &cf.cases, &run.errors);
      files.push_back(std::move(cf));
    }
  }
  cap_errors(&run.errors);
  if (!run.errors.empty()) return run;

  // Which files' cases speak for each set: its own and those of the files it extends.
  std::map<std::string, std::vector<size_t>> results_of_file;
  for (const CaseFile& f : files) {
    for (const RuleCase& c : f.cases) {
      results_of_file[file_key(f.file)].push_back(run.cases.size());
      run_case(catalog, f, c, &run.cases.emplace_back());
    }
  }
  for (const auto& set : sets) {
    Coverage cov;
    cov.set = set->id;
    cov.rules = set->rules.size();
    for (const Rule& rule : set->rules) {
      // Cases count for the rule as this set defines it: from the file that last changed its
      // definition (defined_at) and the files below; those above tested another definition.
      const std::string defined_in = rule.defined_at.substr(0, rule.defined_at.rfind(':'));
      size_t from = 0;
      for (size_t k = 0; k < set->files.size(); ++k) {
        if (set->files[k].path == defined_in) from = k;
      }
      bool fired = false, clean = false;
      for (size_t k = from; k < set->files.size(); ++k) {
        for (size_t i : results_of_file[file_key(set->files[k])]) {
          const CaseResult& r = run.cases[i];
          if (r.test.rule != rule.id || !r.enabled) continue;
          if (r.test.fires)
            fired |= !r.findings.empty();
          else
            clean |= r.findings.empty();
        }
      }
      if (!fired) cov.never_fired.push_back(rule.id);
      if (!clean) cov.never_clean.push_back(rule.id);
    }
    run.coverage.push_back(std::move(cov));
  }
  return run;
}

std::string describe_failure(const CaseResult& r, Lang lang) {
  const bool en = lang == Lang::en;
  if (!r.enabled) {
    return en ? "the rule is not enabled in set " + r.set + ", so the case tests nothing"
              : "规则集 " + r.set + " 中没有启用这条规则，用例无从检验";
  }
  // Messages are shown when the case names some, or when a clean case fired (what fired matters).
  const bool with_messages =
      !r.test.fires ||
      (r.test.expect && std::any_of(r.test.expect->begin(), r.test.expect->end(),
                                    [](const RuleCase::Expected& e) { return e.message.has_value(); }));
  const auto place = [&](uint32_t line, const std::string* message) {
    std::string s = en ? "line " + std::to_string(line) : "第 " + std::to_string(line) + " 行";
    if (message) s += en ? " \"" + *message + "\"" : "“" + *message + "”";
    return s;
  };
  const auto list = [&](size_t count, const auto& item) {
    std::string s = std::to_string(count);
    s += en ? (count == 1 ? " finding (" : " findings (") : " 条结果（";
    for (size_t i = 0; i < count; ++i) s += (i ? (en ? "; " : "；") : "") + item(i);
    return s + (en ? ")" : "）");
  };
  const std::string got = r.findings.empty() ? (en ? "none" : "没有") : list(r.findings.size(), [&](size_t i) {
    return place(r.findings[i].line, with_messages ? &r.findings[i].message : nullptr);
  });
  std::string expected;
  if (!r.test.fires) {
    expected = en ? "no finding" : "没有结果";
  } else if (!r.test.expect) {
    expected = en ? "a finding" : "至少有 1 条结果";
  } else {
    std::vector<RuleCase::Expected> want = *r.test.expect;
    std::stable_sort(want.begin(), want.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    expected =
        list(want.size(), [&](size_t i) { return place(want[i].line, want[i].message ? &*want[i].message : nullptr); });
    if (!en) expected = "有 " + expected;
  }
  return en ? "expected " + expected + ", got " + got
            : "应" + expected + "，实际" + (r.findings.empty() ? "" : " ") + got;
}

}  // namespace gklint
