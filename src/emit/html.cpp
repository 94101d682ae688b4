// --format html: the supervising office's overview of a batch, one self-contained page (no network,
// no external assets): a row per report (agency, year, rule set, status, counts by severity) that
// links to that report's findings with the source text around each, a table of rules by the
// reports they hit, and the pairs checked across years. Sorting and filtering run in the page's
// own script; the page reads without it too (the findings open by their anchor, CSS :target), and
// prints (print CSS: every report shown is printed with its findings).
//
// Each report's findings are written as it arrives, so memory holds only the overview's rows; the
// overview comes last in the file and is shown first (CSS order, and the script moves it first
// so the keyboard reaches it first).
#include <algorithm>
#include <map>
#include <set>

#include "emit/writers.hpp"

namespace gklint {

namespace {

std::string h(std::string_view text) { return xml_escape(text, false); }
std::string attr(std::string_view text) { return xml_escape(text, true); }

// The page's words, in the language of the findings.
struct Words {
  const char* lang;
  const char* title;
  const char* reports;
  const char* report;
  const char* agency;
  const char* year;
  const char* ruleset;
  const char* status;
  const char* clean;
  const char* findings;
  const char* unreadable;
  const char* filter;
  const char* all;
  const char* rule;
  const char* severity;
  const char* shown;  // "显示 %1 / %2 份报告"
  const char* rules;
  const char* reports_hit;
  const char* count;
  const char* pairs;
  const char* previous;
  const char* no_pairs;
  const char* copies;
  const char* parts;  // a total's parts (sums)
  const char* other;
  const char* back;
  const char* compared;
  const char* basis;
  const char* no_findings;
  const char* unknown;
  const char* page_line;  // "第 %1 页第 %2 行"
};

const Words kZh = {"zh-CN",
                   "gklint 检查结果",
                   "报告",
                   "报告",
                   "机关",
                   "年度",
                   "规则集",
                   "状态",
                   "无问题",
                   "有问题",
                   "无法检查",
                   "筛选",
                   "全部",
                   "规则",
                   "严重程度",
                   "显示 %1 / %2 份报告",
                   "按规则",
                   "涉及报告",
                   "问题数",
                   "上下年度对照",
                   "上一年度报告",
                   "本次没有对照上一年度的报告",
                   "同年度其他机关报告对照",
                   "合计核对的下级报告",
                   "对照的报告",
                   "返回总览",
                   "对照",
                   "依据",
                   "未发现问题",
                   "未知",
                   "第 %1 页第 %2 行"};
const Words kEn = {"en",
                   "gklint results",
                   "Reports",
                   "Report",
                   "Agency",
                   "Year",
                   "Rule set",
                   "Status",
                   "clean",
                   "findings",
                   "unreadable",
                   "Filter",
                   "all",
                   "Rule",
                   "Severity",
                   "Showing %1 of %2 reports",
                   "By rule",
                   "Reports hit",
                   "Findings",
                   "Across years",
                   "Last year's report",
                   "No report was checked against last year's in this run",
                   "Compared with another agency's report of the year",
                   "Parts added up",
                   "Other report",
                   "Back to the overview",
                   "compared with",
                   "basis",
                   "No findings",
                   "unknown",
                   "page %1, line %2"};

std::string filled(std::string_view pattern, const std::string& a, const std::string& b) {
  std::string out(pattern);
  if (const size_t at = out.find("%1"); at != std::string::npos) out.replace(at, 2, a);
  if (const size_t at = out.find("%2"); at != std::string::npos) out.replace(at, 2, b);
  return out;
}

// What the page looks like on screen and on paper. Colours are never the only sign: every severity
// is also written out.
const char* const kStyle = R"css(
:root { color-scheme: light; --error: #b00020; --warning: #8a5a00; --info: #005a8a; }
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 72rem;
  padding: 1rem; display: flex; flex-direction: column; color: #1b1b1b; }
#overview { order: -1; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
caption { text-align: left; font-weight: bold; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: unset; cursor: pointer; font-weight: bold; }
th button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible, .report:focus-visible {
  outline: 3px solid #1a73e8; outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
#filters label { display: flex; flex-direction: column; font-size: .85rem; }
.status-unreadable { color: var(--error); font-weight: bold; }
.sev { font-weight: bold; } .error .sev, .sev.error { color: var(--error); }
.warning .sev, .sev.warning { color: var(--warning); } .info .sev, .sev.info { color: var(--info); }
.report { display: none; border-top: 3px solid #444; margin-top: 2rem; }
.report:target, .report.open { display: block; }
.findings { padding-left: 1.5rem; } .finding { margin: .75rem 0; }
.finding p { margin: .15rem 0; }
.context { white-space: pre-wrap; word-break: break-all; background: #f5f5f5; padding: .3rem .5rem; margin: .25rem 0;
  font: 14px/1.6 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
.context .ln { color: #666; user-select: none; margin-right: .75rem; }
mark { background: #ffe08a; outline: 1px solid #c90; }
.error mark { background: #ffd0d6; outline-color: var(--error); }
.rule { color: #555; } .meta { color: #444; }
@media print {
  body { display: block; max-width: none; font-size: 11pt; }
  #filters, .back, script { display: none; }
  .report { display: block; break-before: page; border: 0; }
  .report.filtered-out, tr[hidden] { display: none; }
  a { color: inherit; text-decoration: none; }
  mark { background: none; outline: none; text-decoration: underline 2px; font-weight: bold; }
  .finding { break-inside: avoid; }
}
)css";

// Sorting by a column header (a button, so the keyboard reaches it) and filtering by agency or
// path, year, rule, severity and status; the row count says how many are shown. Reports filtered
// out are not printed either.
const char* const kScript = R"js(
"use strict";
(function () {
  const overview = document.getElementById("overview");
  document.body.prepend(overview);
  const tbody = document.querySelector("#reports tbody");
  const rows = Array.from(tbody.rows);
  const field = (id) => document.getElementById(id);
  const shown = field("shown");
  function apply() {
    const text = field("f-agency").value.trim().toLowerCase(), year = field("f-year").value,
      rule = field("f-rule").value, severity = field("f-severity").value, status = field("f-status").value;
    let n = 0;
    for (const tr of rows) {
      const d = tr.dataset;
      const ok = (!text || (d.agency + " " + d.path).toLowerCase().includes(text)) && (!year || d.year === year) &&
        (!rule || d.rules.split(" ").includes(rule)) && (!severity || d.severities.split(" ").includes(severity)) &&
        (!status || d.status === status);
      tr.hidden = !ok;
      const section = document.getElementById(d.report);
      if (section) section.classList.toggle("filtered-out", !ok);
      if (ok) n++;
    }
    shown.textContent = shown.dataset.pattern.replace("%1", n).replace("%2", rows.length);
  }
  for (const id of ["f-agency", "f-year", "f-rule", "f-severity", "f-status"]) field(id).addEventListener("input", apply);
  for (const th of document.querySelectorAll("#reports th[data-key]")) {
    th.querySelector("button").addEventListener("click", () => {
      const up = th.getAttribute("aria-sort") !== "ascending";
      for (const other of th.parentNode.children) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      const key = th.dataset.key, numeric = th.classList.contains("n");
      const value = (tr) => tr.dataset[key];
      const sorted = rows.slice().sort((a, b) => {
        const x = value(a), y = value(b);
        if (x === y) return Number(a.dataset.order) - Number(b.dataset.order);
        if (x === "") return 1;  // unknown last, either way
        if (y === "") return -1;
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
        return up ? c : -c;
      });
      for (const tr of sorted) tbody.appendChild(tr);
    });
  }
  // A report opened from the overview takes the focus, so the keyboard continues in its findings.
  function opened() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("report")) target.focus();
  }
  window.addEventListener("hashchange", opened);
  opened();
  apply();
})();
)js";

struct Row {
  std::string path, agency, ruleset, status, previous_path, copy_of;
  int year = 0, previous_year = 0;
  int errors = 0, warnings = 0, infos = 0;
  std::set<std::string> rules;
  int count(Severity s) const { return s == Severity::error ? errors : s == Severity::warning ? warnings : infos; }
};

class HtmlWriter : public Writer {
 public:
  HtmlWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), options_(options), w_(options.style.lang == Lang::en ? kEn : kZh) {}

  void file(const FileResult& r) override {
    start();
    Row row;
    row.path = r.path;
    row.agency = r.agency;
    row.ruleset = r.ruleset;
    row.year = r.report_year;
    row.previous_path = r.previous_path;
    row.previous_year = r.previous_year;
    row.copy_of = r.copy_of;
    row.status = r.unreadable ? "unreadable" : r.diagnostics.empty() ? "clean" : "findings";
    for (const Diagnostic& d : r.diagnostics) {
      (d.severity == Severity::error ? row.errors : d.severity == Severity::warning ? row.warnings : row.infos) += 1;
      RuleCount& rule = rules_[d.rule];
      if (row.rules.insert(d.rule).second) ++rule.reports;
      ++rule.findings;
      rule.severity = std::max(rule.severity, d.severity);
    }
    rows_.push_back(std::move(row));
    write_report(r, rows_.size());
  }

  void finish(const Summary& s) override {
    start();
    out_ << "<section id=\"overview\" aria-labelledby=\"overview-title\">\n<h1 id=\"overview-title\">" << h(w_.title)
         << "</h1>\n<p class=\"summary\">" << h(summary_counts(s, options_.style.lang)) << "</p>\n";
    write_filters();
    write_reports_table();
    write_rules_table();
    write_pairs_table();
    write_copies_table();
    out_ << "</section>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
  }

 private:
  void start() {
    if (started_) return;
    started_ = true;
    out_ << "<!DOCTYPE html>\n<html lang=\"" << w_.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"gklint\">\n<title>" << h(w_.title) << "</title>\n<style>" << kStyle
         << "</style>\n</head>\n<body>\n";
  }

  std::string status_word(const std::string& status) const {
    return status == "clean" ? w_.clean : status == "unreadable" ? w_.unreadable : w_.findings;
  }

  std::string where(const Source& src, Span span) const {
    const Position p = src.position(span.begin);
    if (p.page) return filled(w_.page_line, std::to_string(p.page), std::to_string(p.page_line));
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  }

  // One report's findings, each with its line and the span marked, its basis, the places it names
  // (in this file or last year's) and its fix.
  void write_report(const FileResult& r, size_t n) {
    const std::string id = "r" + std::to_string(n);
    const Row& row = rows_.back();
    out_ << "<section class=\"report\" id=\"" << id << "\" tabindex=\"-1\" aria-labelledby=\"" << id << "-title\">\n"
         << "<h2 id=\"" << id << "-title\">" << h(r.path) << "</h2>\n<p class=\"meta\">"
         << h(r.agency.empty() ? w_.unknown : r.agency) << " · "
         << (r.report_year ? std::to_string(r.report_year) : std::string(w_.unknown)) << " · "
         << h(r.ruleset.empty() ? "—" : r.ruleset) << " · <span class=\"status-" << row.status << "\">"
         << h(status_word(row.status)) << "</span></p>\n";
    if (r.previous_year) {
      out_ << "<p class=\"previous\">" << h(w_.compared) << ": " << h(r.previous_path) << " (" << r.previous_year
           << ")</p>\n";
    }
    if (!r.copy_of.empty()) out_ << "<p class=\"copy-of\">" << h(w_.copies) << ": " << h(r.copy_of) << "</p>\n";
    if (!r.parts.empty()) {
      out_ << "<p class=\"parts\">" << h(w_.parts) << ":";
      for (size_t k = 0; k < r.parts.size(); ++k) out_ << (k ? ", " : " ") << h(r.parts[k]);
      out_ << "</p>\n";
    }
    if (r.diagnostics.empty()) out_ << "<p>" << h(w_.no_findings) << "</p>\n";
    const Source& src = *r.source;
    LineWindows windows;
    if (!r.diagnostics.empty()) out_ << "<ol class=\"findings\">\n";
    for (const Diagnostic& d : r.diagnostics) {
      const char* sev = severity_name(d.severity);
      out_ << "<li class=\"finding " << sev << "\" data-rule=\"" << attr(d.rule) << "\">\n<p><span class=\"sev\">"
           << h(severity_label(d.severity, options_.style.lang)) << "</span> <span class=\"loc\">"
           << h(where(src, d.span)) << "</span> " << h(d.message) << " <code class=\"rule\">" << h(d.rule)
           << "</code></p>\n";
      const LineWindow lw = windows.of(src, d.span);
      if (lw.shown) {
        const Position p = src.position(d.span.begin);  // a PDF: the line on its page, as the location says
        out_ << "<pre class=\"context\"><span class=\"ln\">" << (p.page ? p.page_line : p.line) << "</span>"
             << (lw.cut_before ? "…" : "") << h(lw.before) << "<mark>" << h(lw.marked) << "</mark>" << h(lw.after)
             << (lw.cut_after ? "…" : "") << "</pre>\n";
      }
      if (!d.cite.empty()) out_ << "<p class=\"cite\">" << h(w_.basis) << ": " << h(d.cite) << "</p>\n";
      if (!d.related.empty()) {
        out_ << "<ul class=\"related\">\n";
        for (const Related& rel : d.related) {
          const Source& at = rel.source ? *rel.source : src;
          out_ << "<li>" << h(rel.label) << " = " << h(rel.value) << " <span class=\"loc\">("
               << (rel.source ? h(w_.compared) + " " + h(rel.source->path()) + " " : "") << h(where(at, rel.span))
               << ")</span></li>\n";
        }
        out_ << "</ul>\n";
      }
      if (d.fix) out_ << "<p class=\"fix\">" << h(fix_description(src, *d.fix, options_.style.lang)) << "</p>\n";
      out_ << "</li>\n";
    }
    if (!r.diagnostics.empty()) out_ << "</ol>\n";
    out_ << "<p class=\"back\"><a href=\"#overview\">" << h(w_.back) << "</a></p>\n</section>\n";
  }

  void write_filters() {
    std::set<int> years;
    for (const Row& row : rows_) {
      if (row.year) years.insert(row.year);
    }
    out_ << "<div id=\"filters\" role=\"search\" aria-label=\"" << attr(w_.filter) << "\">\n<label>" << h(w_.agency)
         << " / " << h(w_.report) << " <input id=\"f-agency\" type=\"search\"></label>\n<label>" << h(w_.year)
         << " <select id=\"f-year\">"
         << "<option value=\"\">" << h(w_.all) << "</option>";
    for (int y : years) out_ << "<option>" << y << "</option>";
    out_ << "</select></label>\n<label>" << h(w_.rule) << " <select id=\"f-rule\"><option value=\"\">" << h(w_.all)
         << "</option>";
    for (const auto& [rule, count] : rules_) out_ << "<option>" << h(rule) << "</option>";
    out_ << "</select></label>\n<label>" << h(w_.severity) << " <select id=\"f-severity\"><option value=\"\">"
         << h(w_.all) << "</option>";
    for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
      out_ << "<option value=\"" << severity_name(s) << "\">" << h(severity_label(s, options_.style.lang))
           << "</option>";
    }
    out_ << "</select></label>\n<label>" << h(w_.status) << " <select id=\"f-status\"><option value=\"\">" << h(w_.all)
         << "</option>";
    for (const char* s : {"clean", "findings", "unreadable"}) {
      out_ << "<option value=\"" << s << "\">" << h(status_word(s)) << "</option>";
    }
    const std::string n = std::to_string(rows_.size());
    out_ << "</select></label>\n<output id=\"shown\" data-pattern=\"" << attr(w_.shown) << "\">"
         << h(filled(w_.shown, n, n)) << "</output>\n</div>\n";
  }

  void write_reports_table() {
    out_ << "<table id=\"reports\">\n<caption>" << h(w_.reports) << "</caption>\n<thead><tr>";
    const auto header = [&](const char* key, const std::string& label, bool numeric) {
      out_ << "<th scope=\"col\" data-key=\"" << key << "\"" << (numeric ? " class=\"n\"" : "")
           << "><button type=\"button\">" << h(label) << "</button></th>";
    };
    const Lang lang = options_.style.lang;
    header("path", w_.report, false);
    header("agency", w_.agency, false);
    header("year", w_.year, true);
    header("ruleset", w_.ruleset, false);
    header("status", w_.status, false);
    header("errors", severity_label(Severity::error, lang), true);
    header("warnings", severity_label(Severity::warning, lang), true);
    header("infos", severity_label(Severity::info, lang), true);
    out_ << "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < rows_.size(); ++i) {
      const Row& row = rows_[i];
      std::string rules, severities;
      for (const std::string& rule : row.rules) {
        if (!rules.empty()) rules += ' ';
        rules += rule;
      }
      for (Severity s : {Severity::info, Severity::warning, Severity::error}) {
        if (row.count(s) == 0) continue;
        if (!severities.empty()) severities += ' ';
        severities += severity_name(s);
      }
      const std::string year = row.year ? std::to_string(row.year) : "";
      out_ << "<tr data-report=\"r" << i + 1 << "\" data-order=\"" << i << "\" data-path=\"" << attr(row.path)
           << "\" data-agency=\"" << attr(row.agency) << "\" data-year=\"" << year << "\" data-ruleset=\""
           << attr(row.ruleset) << "\" data-status=\"" << row.status << "\" data-errors=\"" << row.errors
           << "\" data-warnings=\"" << row.warnings << "\" data-infos=\"" << row.infos << "\" data-rules=\""
           << attr(rules) << "\" data-severities=\"" << severities << "\">"
           << "<td><a href=\"#r" << i + 1 << "\">" << h(row.path) << "</a></td><td>" << h(row.agency)
           << "</td><td class=\"n\">" << year << "</td><td>" << h(row.ruleset) << "</td><td class=\"status-"
           << row.status << "\">" << h(status_word(row.status)) << "</td><td class=\"n\">" << row.errors
           << "</td><td class=\"n\">" << row.warnings << "</td><td class=\"n\">" << row.infos << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  void write_rules_table() {
    std::vector<std::pair<std::string, RuleCount>> rules(rules_.begin(), rules_.end());
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.second.reports > b.second.reports; });
    out_ << "<h2 id=\"rules-title\">" << h(w_.rules) << "</h2>\n<table id=\"rules\" aria-labelledby=\"rules-title\">\n"
         << "<thead><tr><th scope=\"col\">" << h(w_.rule) << "</th><th scope=\"col\">" << h(w_.severity)
         << "</th><th scope=\"col\" class=\"n\">" << h(w_.reports_hit) << "</th><th scope=\"col\" class=\"n\">"
         << h(w_.count) << "</th></tr></thead>\n<tbody>\n";
    for (const auto& [rule, count] : rules) {
      out_ << "<tr data-rule=\"" << attr(rule) << "\"><td><code>" << h(rule) << "</code></td><td class=\"sev "
           << severity_name(count.severity) << "\">" << h(severity_label(count.severity, options_.style.lang))
           << "</td><td class=\"n\">" << count.reports << "</td><td class=\"n\">" << count.findings << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  void write_pairs_table() {
    out_ << "<h2 id=\"pairs-title\">" << h(w_.pairs) << "</h2>\n";
    std::vector<size_t> paired;
    for (size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].previous_year) paired.push_back(i);
    }
    if (paired.empty()) {
      out_ << "<p id=\"no-pairs\">" << h(w_.no_pairs) << "</p>\n";
      return;
    }
    out_ << "<table id=\"pairs\" aria-labelledby=\"pairs-title\">\n<thead><tr><th scope=\"col\">" << h(w_.report)
         << "</th><th scope=\"col\" class=\"n\">" << h(w_.year) << "</th><th scope=\"col\">" << h(w_.previous)
         << "</th><th scope=\"col\" class=\"n\">" << h(w_.year) << "</th></tr></thead>\n<tbody>\n";
    for (size_t i : paired) {
      const Row& row = rows_[i];
      out_ << "<tr><td><a href=\"#r" << i + 1 << "\">" << h(row.path) << "</a></td><td class=\"n\">" << row.year
           << "</td><td>" << h(row.previous_path) << "</td><td class=\"n\">" << row.previous_year << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  // --find-copies: each report and the other agency's report it was compared with.
  void write_copies_table() {
    std::vector<size_t> compared;
    for (size_t i = 0; i < rows_.size(); ++i) {
      if (!rows_[i].copy_of.empty()) compared.push_back(i);
    }
    if (compared.empty()) return;
    out_ << "<h2 id=\"copies-title\">" << h(w_.copies)
         << "</h2>\n<table id=\"copies\" aria-labelledby=\"copies-title\">\n"
         << "<thead><tr><th scope=\"col\">" << h(w_.report) << "</th><th scope=\"col\">" << h(w_.other)
         << "</th></tr></thead>\n<tbody>\n";
    for (size_t i : compared) {
      out_ << "<tr><td><a href=\"#r" << i + 1 << "\">" << h(rows_[i].path) << "</a></td><td>" << h(rows_[i].copy_of)
           << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  struct RuleCount {
    int reports = 0;
    int findings = 0;
    Severity severity = Severity::info;  // the highest its findings had
  };

  std::ostream& out_;
  WriterOptions options_;
  const Words& w_;
  bool started_ = false;
  std::vector<Row> rows_;
  std::map<std::string, RuleCount> rules_;
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<HtmlWriter>(out, options);
}

}  // namespace gklint
