#include "gklint/lint.hpp"

#include <algorithm>
#include <chrono>

#include "gklint/report.hpp"
#include "gklint/view.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// The base rule set holds the patterns that find the title and year; every built-in set extends it.
constexpr const char* kBaseRuleSet = "base";

std::string choose_text(Lang lang, const std::string& zh, const std::string& en) { return lang == Lang::en ? en : zh; }

// A finding about the input itself (it cannot be read, or has bad bytes), at the problem's place.
Diagnostic input_diagnostic(const char* rule, const char* kind, Severity severity, const InputProblem& p, Lang lang) {
  Diagnostic d;
  d.rule = rule;
  d.kind = kind;
  d.severity = severity;
  d.span = {p.offset, p.offset};
  d.message = choose_text(lang, p.message_zh, p.message_en);
  return d;
}

}  // namespace

Linter::Linter(Catalog& catalog, std::shared_ptr<const RuleSet> fixed, LintOptions options)
    : catalog_(catalog), fixed_(std::move(fixed)), options_(std::move(options)) {
  if (!fixed_) {
    std::vector<RuleError> errors;
    base_ = catalog_.get(kBaseRuleSet, &errors);  // built in; its loading is covered by tests
  }
}

// The rule set for a file: --rules, or the built-in set for the year found with base's facts
// patterns (`facts` is left with what they found).
std::shared_ptr<const RuleSet> Linter::choose(const Source& source, const View& view, Facts* found) const {
  if (fixed_) return fixed_;
  *found = read_facts(source, view, base_->model, options_.year);
  const Facts& facts = *found;
  std::vector<RuleError> errors;  // built-in sets load cleanly; the tests load every one
  for (const YearRuleSet& y : options_.by_year) {
    if (facts.report_year && (!y.from || facts.report_year >= y.from) && (!y.to || facts.report_year <= y.to)) {
      return y.rules;
    }
  }
  if (facts.report_year == 0) return catalog_.get(catalog_.newest_id(), &errors);
  if (auto set = catalog_.for_year(facts.report_year)) return set;
  // Outside every set's years: before the first regime use the oldest, after it the newest.
  std::string oldest;
  int oldest_from = 0;
  for (const auto& [id, range] : catalog_.builtin_years()) {
    if (range.first > 0 && (oldest.empty() || range.first < oldest_from)) {
      oldest = id;
      oldest_from = range.first;
    }
  }
  if (!oldest.empty() && facts.report_year < oldest_from) return catalog_.get(oldest, &errors);
  return catalog_.get(catalog_.newest_id(), &errors);
}

std::shared_ptr<const RuleSet> Linter::choose_and_read_facts(const Source& source, const View& view,
                                                             Facts* facts) const {
  Facts base_facts;
  std::shared_ptr<const RuleSet> rules = choose(source, view, &base_facts);
  // The built-in sets use base's facts patterns: what choose() read stands.
  *facts = !fixed_ && rules->facts_origin == base_->facts_origin
               ? std::move(base_facts)
               : read_facts(source, view, rules->model, options_.year);
  return rules;
}

namespace {

// Adds the time since the last mark to a profile entry; free when no profile is kept.
class Stopwatch {
 public:
  explicit Stopwatch(Profile* p)
      : profile_(p), last_(p ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{}) {}
  void mark(std::map<std::string, int64_t>& into, const std::string& name) {
    if (!profile_) return;
    const auto now = std::chrono::steady_clock::now();
    into[name] += std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count();
    last_ = now;
  }
  void stage(const char* name) {
    if (profile_) mark(profile_->stages, name);
  }
  void rule(const std::string& id) {
    if (profile_) mark(profile_->rules, id);
  }

 private:
  Profile* profile_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

// A config's disabled rules and severity overrides, applied to what the checks found.
void Linter::apply_overrides(std::vector<Diagnostic>* diagnostics) const {
  if (options_.disabled.empty() && options_.severity.empty()) return;
  std::erase_if(*diagnostics, [&](const Diagnostic& d) { return options_.disabled.count(d.rule) > 0; });
  for (Diagnostic& d : *diagnostics) {
    if (auto it = options_.severity.find(d.rule); it != options_.severity.end()) d.severity = it->second;
  }
}

namespace {

// Why last year's report (--previous) cannot be compared with `r`, or nothing when it can: the
// rules across years then find nothing, and this warning says so once.
std::optional<Diagnostic> previous_unusable(const FileResult& previous, const FileResult& r, Lang lang) {
  const int year = r.report_year, last = previous.report_year;
  if (!previous.unreadable && year > 0 && last == year - 1) return std::nullopt;
  Diagnostic d;
  d.rule = "cross.previous";
  d.kind = "cross-previous";
  d.severity = Severity::warning;
  d.span = r.report.facts.title.value_or(Span{0, 0});
  d.fields = {{"previous_year", std::to_string(last)}};
  const std::string shown = previous.path;
  if (previous.unreadable) {
    d.message = choose_text(lang, "未做跨年度核对：上一年度报告 " + shown + " 无法读取",
                            "nothing checked across years: last year's report " + shown + " could not be read");
  } else if (year == 0 || last == 0) {
    d.message = choose_text(lang,
                            "未做跨年度核对：" + std::string(year == 0 ? "本报告" : "上一年度报告 " + shown) +
                                "没有读出报告年度（可用 --year 指定本报告的年度）",
                            "nothing checked across years: the report year of " +
                                std::string(year == 0 ? "this report" : "last year's report " + shown) +
                                " was not found (--year gives this report's)");
  } else {
    d.message = choose_text(
        lang,
        "未做跨年度核对：上一年度报告 " + shown + " 是 " + std::to_string(last) + " 年度的，本报告是 " +
            std::to_string(year) + " 年度的，应为 " + std::to_string(year - 1) + " 年度的报告",
        "nothing checked across years: last year's report " + shown + " is for " + std::to_string(last) +
            " and this one for " + std::to_string(year) + "; it should be the report for " + std::to_string(year - 1));
  }
  return d;
}

}  // namespace

bool Linter::identify(const std::string& path, std::string bytes, std::string* agency, int* year,
                      std::vector<uint64_t>* prints) const {
  const Source source = Source::read(path, std::move(bytes), ReadOptions{options_.encoding});
  if (source.problem()) return false;
  const View view = View::build(source.text(), /*valid=*/true);
  Report report;
  const std::shared_ptr<const RuleSet> rules = choose_and_read_facts(source, view, &report.facts);
  *agency = report.facts.agency ? std::string(span_text(source, *report.facts.agency)) : std::string();
  *year = report.facts.report_year;
  if (!prints) return true;
  report.tables = read_tables(view, rules->tables);
  report.headings = read_outline(source, view, rules->model, report.facts, report.tables);
  const std::vector<int> section_heading;  // no check that compares a batch needs the sections
  const Prose prose = prose_of(view, report);
  const Partners none;
  const CheckContext ctx{
      source, view, report, *rules, options_.lang, section_heading, options_.blank_cells.value_or(rules->blank_cells),
      &prose, none};
  for (const Rule& rule : rules->rules) {
    if (!options_.disabled.count(rule.id)) rule.check->sentence_prints(ctx, prints);
  }
  return true;
}

void Profile::merge(const Profile& other) {
  for (const auto& [k, v] : other.stages) stages[k] += v;
  for (const auto& [k, v] : other.rules) rules[k] += v;
  files += other.files;
}

FileResult Linter::lint(const std::string& path, std::string bytes, Profile* profile, const Partners& partners) const {
  FileResult r;
  r.path = path;
  Stopwatch clock(profile);
  if (profile) ++profile->files;
  auto source = std::make_shared<Source>(Source::read(path, std::move(bytes), ReadOptions{options_.encoding}));
  clock.stage("decode");
  r.source = source;
  const Lang lang = options_.lang;

  if (const auto& problem = source->problem()) {
    r.diagnostics.push_back(input_diagnostic("input.error", "input-error", Severity::error, *problem, lang));
    r.unreadable = true;
    return r;
  }

  // Bytes that were not valid in the file's encoding: said once, at the first, and the rest of
  // the file is still checked (a report with one stray byte is worth linting).
  if (const auto& bad = source->decode_warning()) {
    Diagnostic d = input_diagnostic("input.encoding", "input-encoding", Severity::warning, *bad, lang);
    d.fields = {{"encoding", source->encoding()}};
    r.diagnostics.push_back(std::move(d));
  }

  const View view = View::build(source->text(), /*valid=*/true);
  clock.stage("normalize");
  Report& report = r.report;
  const std::shared_ptr<const RuleSet> rules = choose_and_read_facts(*source, view, &report.facts);
  r.ruleset = rules->id;
  clock.stage("facts");
  report.tables = read_tables(view, rules->tables);
  clock.stage("tables");
  report.headings = read_outline(*source, view, rules->model, report.facts, report.tables);
  clock.stage("outline");
  r.report_year = report.facts.report_year;
  r.year_source = report.facts.year_source;
  if (report.facts.title) r.title = std::string(span_text(*source, *report.facts.title));
  if (report.facts.agency) r.agency = std::string(span_text(*source, *report.facts.agency));

  // Nothing of an annual report at all (no title, no year, no heading, no table): a README or a
  // notes file in a crawled folder. One warning says it was not checked, instead of an error for
  // every section "missing" from a text that never was a report.
  if (!report.facts.title && report.facts.report_year == 0 && report.headings.empty() && report.tables.empty()) {
    Diagnostic d;
    d.rule = "input.not-report";
    d.kind = "input-not-report";
    d.severity = Severity::warning;
    d.span = {0, 0};
    d.message = choose_text(
        lang, "未检查：没有找到年度报告的标题、年度、章节标题或表格，这个文件看来不是政府信息公开工作年度报告",
        "not checked: no title, year, section heading or table of an annual report was found; this "
        "file does not look like a government information disclosure annual report");
    r.diagnostics.push_back(std::move(d));
    apply_overrides(&r.diagnostics);
    return r;
  }

  const std::vector<int> section_heading = section_headings(*rules, report);
  const Prose prose = prose_of(view, report);
  const CheckContext ctx{
      *source, view,    report, *rules, lang, section_heading, options_.blank_cells.value_or(rules->blank_cells),
      &prose,  partners};
  for (const Rule& rule : rules->rules) {
    rule.check->run(rule, ctx, r.diagnostics);
    clock.rule(rule.id);
  }

  if (partners.copy_of) r.copy_of = partners.copy_of->path;
  for (const FileResult* part : partners.parts) r.parts.push_back(part->path);
  if (const FileResult* previous = partners.previous) {
    if (std::optional<Diagnostic> d = previous_unusable(*previous, r, lang)) {
      r.diagnostics.push_back(std::move(*d));
    } else {
      r.previous_path = previous->path;
      r.previous_year = previous->report_year;
    }
  }

  // A set chosen by hand for a year it was not written for: say so, the findings may not apply.
  if (fixed_ && r.report_year > 0 && (rules->year_from || rules->year_to) && !rules->applies_to(r.report_year)) {
    Diagnostic d;
    d.rule = "ruleset.year";
    d.kind = "ruleset-year";
    d.severity = Severity::info;
    d.span = report.facts.title.value_or(Span{0, 0});
    std::string years = std::to_string(rules->year_from) + "–" + (rules->year_to ? std::to_string(rules->year_to) : "");
    d.message = choose_text(
        lang,
        "报告年度为 " + std::to_string(r.report_year) + " 年，但规则集 " + rules->id + " 适用于 " + years + " 年度报告",
        "the report year is " + std::to_string(r.report_year) + " but rule set " + rules->id + " is for reports of " +
            years);
    r.diagnostics.push_back(std::move(d));
  }

  apply_overrides(&r.diagnostics);
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.rule < b.rule;
  });
  return r;
}

void add_rule_error_results(const std::vector<RuleError>& errors, const std::string& rule,
                            std::vector<FileResult>* results) {
  const size_t first = results->size();
  for (const RuleError& error : errors) {
    auto same_file = [&](const FileResult& r) { return r.path == error.file; };
    auto it = std::find_if(results->begin() + static_cast<std::ptrdiff_t>(first), results->end(), same_file);
    if (it == results->end()) {
      FileResult r;
      r.path = error.file;
      r.source = std::make_shared<Source>(Source::decode(error.file, error.file_text.str()));
      r.unreadable = true;
      results->push_back(std::move(r));
      it = results->end() - 1;
    }
    Diagnostic d;
    d.rule = rule;
    d.kind = rule;
    std::replace(d.kind.begin(), d.kind.end(), '.', '-');
    d.severity = Severity::error;
    d.span = {error.offset, error.offset};
    d.message = error.message;  // rule file errors carry both languages
    it->diagnostics.push_back(std::move(d));
  }
}

FileResult unreadable_result(const std::string& path, const std::string& message) {
  FileResult r;
  r.path = path;
  r.source = std::make_shared<Source>(Source::decode(path, ""));
  r.unreadable = true;
  Diagnostic d;
  d.rule = "input.error";
  d.kind = "input-error";
  d.severity = Severity::error;
  d.message = message;
  r.diagnostics.push_back(std::move(d));
  return r;
}

}  // namespace gklint
