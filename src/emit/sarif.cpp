// --format sarif: SARIF 2.1.0 (OASIS), one run, for GitHub code scanning, Azure DevOps, VS Code's
// SARIF viewer and other tools that read static-analysis results.
//
// Results are written as files are linted (so memory stays flat); the run's `tool` object, whose
// rules array must describe every rule of every rule set used, comes after `results` in the run
// (JSON members are unordered) and is written at the end. A rule set's rules join the list when
// its first file arrives, so each result's ruleIndex is known when the result is written.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "emit/writers.hpp"
#include "gklint/diagnostic_json.hpp"
#include "gklint/fingerprint.hpp"
#include "gklint/report.hpp"
#include "gklint/tool_rules.hpp"

namespace gklint {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// A path as given, as a URI reference (RFC 3986): relative paths stay relative (GitHub resolves
// them against the repository root), absolute ones become file:// URIs; every byte outside the
// unreserved set and '/' is percent-encoded (Chinese names become %E6%8A%A5…).
std::string uri_of(std::string_view path) {
  return (!path.empty() && path.front() == '/' ? "file://" : "") + percent_encoded(path, "/");
}

// section.missing -> SectionMissing, table.results-total -> TableResultsTotal: SARIF's `name`
// is meant to read as an identifier.
std::string pascal_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

Json message(const std::string& text) { return {{"text", text}}; }

// Lines are counted over the whole file; for a PDF (no lines of its own) as `gklint cat` lists
// them, with the page and the line on it in the region's properties.
Json region_of(const Range& at) {
  Json r = {{"startLine", at.begin.line},
            {"startColumn", at.begin.column},
            {"endLine", at.end.line},
            {"endColumn", at.end.column}};
  if (at.begin.page) r["properties"] = {{"page", at.begin.page}, {"lineOnPage", at.begin.page_line}};
  return r;
}

class SarifWriter : public Writer {
 public:
  SarifWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {
    const bool en = options_.style.lang == Lang::en;
    for (const ToolRule& t : kToolRules) {
      Json d = descriptor(t.id, t.kind, t.severity, en ? t.summary_en : t.summary_zh, en ? t.en : t.zh);
      add_rule(t.id, std::move(d));
    }
    out_ << "{\"$schema\":\"" << kSarifSchema << "\",\"version\":\"2.1.0\",\"runs\":[{"
         << "\"language\":\"" << (en ? "en-US" : "zh-CN") << "\",\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  }

  void file(const FileResult& r) override {
    add_ruleset(r.ruleset);
    const Source& src = *r.source;
    const std::string uri = uri_of(r.path);
    const std::vector<std::string> prints = fingerprints(src, r.diagnostics);
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      const Range at = range_of(src, d.span);
      Json res;
      res["ruleId"] = d.rule;
      res["ruleIndex"] = rule_index(d);
      res["level"] = severity_word(d.severity);
      res["message"] = message(d.message);
      Json region = region_of(at);
      // The text the finding is about, when the file is plain text (in a page or a .docx the
      // text read is not the file's bytes at that place).
      if (src.format() == "text" && d.span.end > d.span.begin && d.span.end <= src.text().size()) {
        region["snippet"] = {{"text", std::string(span_text(src, d.span))}};
      }
      res["locations"] =
          Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region}}}}});
      // Every cell a sum was made of, with its label and value as printed.
      int id = 0;
      for (const Related& rel : d.related) {
        const Position p = (rel.source ? *rel.source : src).position(rel.span.begin);
        res["relatedLocations"].push_back(
            {{"id", ++id},
             {"physicalLocation",
              {{"artifactLocation", {{"uri", rel.source ? uri_of(rel.source->path()) : uri}}},
               {"region", {{"startLine", p.line}, {"startColumn", p.column}}}}},
             {"message", message(rel.label + " = " + rel.value)}});
      }
      // A certain fix, where the file is plain text (in a page or a .docx the region is not where
      // the text read sits in the file's bytes).
      if (d.fix && src.format() == "text") {
        Json deleted = region_of(range_of(src, d.fix->span));
        res["fixes"] = Json::array(
            {{{"description", message(fix_description(src, *d.fix, options_.style.lang))},
              {"artifactChanges",
               Json::array(
                   {{{"artifactLocation", {{"uri", uri}}},
                     {"replacements", Json::array({{{"deletedRegion", std::move(deleted)},
                                                    {"insertedContent", {{"text", d.fix->replacement}}}}})}}})}}});
      }
      res["partialFingerprints"] = {{"gklint/v1", prints[i]}};
      // With --baseline, what is reported is what the baseline does not hold.
      if (options_.baseline) res["baselineState"] = "new";
      // What the JSON output carries beyond the location and message (docs/json-output.md).
      Json props;
      props["kind"] = d.kind;
      if (!d.cite.empty()) props["cite"] = d.cite;
      if (at.begin.grid.table) props["cell"] = cell_json<Json>(at.begin.grid);
      for (const auto& [k, v] : d.fields) props[k] = v;
      if (d.inferred) props["inferred"] = true;
      if (d.expected) props["expected"] = number_json<Json>(*d.expected);
      if (d.actual) props["actual"] = number_json<Json>(*d.actual);
      res["properties"] = std::move(props);
      out_ << (first_ ? "\n" : ",\n") << res.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      first_ = false;

      // A file that could not be checked is also a tool execution problem, said where SARIF
      // viewers look for them.
      if (r.unreadable) {
        notifications_.push_back(
            {{"level", "error"},
             {"message", message(d.message)},
             {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}}})},
             {"associatedRule", {{"id", d.rule}, {"index", res["ruleIndex"]}}}});
      }
    }
  }

  void finish(const Summary& s) override {
    const bool en = options_.style.lang == Lang::en;
    Json rules = Json::array();
    for (RuleEntry& e : rules_) {
      // Where each rule set used in this run rests the rule (the articles differ by regime).
      if (!e.basis.empty()) {
        std::string help = en ? "Basis, by rule set:" : "依据（按规则集）：";
        for (const auto& [set, cite] : e.basis) help += "\n" + set + ": " + (cite.empty() ? "-" : cite);
        e.descriptor["help"] = message(help);
      }
      rules.push_back(std::move(e.descriptor));
    }
    Json driver = {{"name", "gklint"},
                   {"version", GKLINT_VERSION},
                   {"semanticVersion", GKLINT_VERSION},
                   {"rules", std::move(rules)}};
    Json invocation = {{"executionSuccessful", s.unreadable == 0}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
    out_ << "\n],\"tool\":{\"driver\":" << driver.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
         << "},\"invocations\":[" << invocation.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
         << "]}]}\n";
    out_.flush();
  }

 private:
  struct RuleEntry {
    Json descriptor;
    std::vector<std::pair<std::string, std::string>> basis;  // rule set id -> cite
  };

  static Json descriptor(const std::string& id, const std::string& kind, Severity severity, const std::string& summary,
                         const std::string& doc) {
    Json d;
    d["id"] = id;
    d["name"] = pascal_name(id);
    if (!summary.empty()) d["shortDescription"] = message(summary);
    if (!doc.empty()) d["fullDescription"] = message(doc);
    d["defaultConfiguration"] = {{"level", severity_word(severity)}};
    d["properties"] = {{"kind", kind}};
    return d;
  }

  void add_rule(const std::string& id, Json d) {
    index_[id] = static_cast<int>(rules_.size());
    rules_.push_back({std::move(d), {}});
  }

  // The rules of a rule set the first time one of its files arrives. A rule id several sets
  // share (section.missing) is described once, by the first set, with each set's basis.
  void add_ruleset(const std::string& id) {
    if (id.empty() || !sets_seen_.insert(id).second) return;
    const auto set = ruleset_of(options_, id);
    if (!set) return;
    const Lang lang = options_.style.lang;
    for (const Rule& rule : set->rules) {
      if (!index_.count(rule.id)) {
        add_rule(rule.id, descriptor(rule.id, rule.kind, rule.severity, rule.summary.in(lang), rule.doc.in(lang)));
      }
      rules_[static_cast<size_t>(index_[rule.id])].basis.emplace_back(set->id, rule.cite);
    }
  }

  // A rule reported but described nowhere (a rule set that could not be looked up again) still
  // gets an entry, so every ruleIndex is valid.
  int rule_index(const Diagnostic& d) {
    auto it = index_.find(d.rule);
    if (it != index_.end()) return it->second;
    add_rule(d.rule, descriptor(d.rule, d.kind, d.severity, "", ""));
    return index_[d.rule];
  }

  std::ostream& out_;
  WriterOptions options_;
  bool first_ = true;
  std::vector<RuleEntry> rules_;
  std::map<std::string, int> index_;  // rule id -> index in rules_
  std::set<std::string> sets_seen_;
  Json notifications_ = Json::array();
};

}  // namespace

std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<SarifWriter>(out, options);
}

}  // namespace gklint
