// gklint command line: the options of a lint run, and the subcommands (kSubcommands) beside it.
#include <fnmatch.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cli/annotate_cmd.hpp"
#include "cli/batch.hpp"
#include "cli/completion.hpp"
#include "cli/fix_cmd.hpp"
#include "cli/inspect.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "cli/pairs.hpp"
#include "cli/serve.hpp"
#include "cli/test_cmd.hpp"
#include "gklint/baseline.hpp"
#include "gklint/config.hpp"
#include "gklint/emit.hpp"
#include "gklint/input.hpp"
#include "gklint/lint.hpp"
#include "gklint/lsp.hpp"
#include "gklint/pool.hpp"
#include "gklint/read.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string rules;
  int year = 0;
  std::string format = "text";
  std::string fail_on = "error";
  std::string unreadable = "error";  // --unreadable: what an input that cannot be read does to the exit status
  std::string lang = "zh";
  std::string color = "auto";
  std::string explain_id;
  std::string rules_id;
  std::string outline_path;
  int jobs = 0;  // 0: every core
  std::string files_from;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool force_exclude = false;  // --force-exclude: files named are selected like files found in folders
  std::string stdin_filename;  // --stdin-filename: the path standard input's report is linted as
  bool quiet = false;
  bool profile = false;
  std::vector<std::string> extract_paths;
  std::vector<std::string> pairs_paths;  // gklint pairs PATHS
  std::string pairs_format = "text";
  bool pair_years = false;   // --pair-years
  bool find_copies = false;  // --find-copies
  std::string extract_format = "json";
  bool extract_bom = false;  // extract --bom: a UTF-8 byte order mark first, for Excel
  std::string cat_path;
  std::string encoding;
  std::string output;          // --output FILE; empty: standard output
  std::string config;          // --config FILE
  bool no_config = false;      // --no-config, or GKLINT_NO_CONFIG=1
  std::string root;            // --root DIR: what a config's rule files may not leave
  bool trust_config = false;   // --trust-config: they may name any file
  std::string previous;        // --previous FILE: last year's report, for the rules across years
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // --write-baseline FILE
  std::string init_dir = ".";  // gklint init [DIR]
  bool init_force = false;
  TestCommand test;          // gklint test
  FixCommand fix;            // gklint fix
  AnnotateCommand annotate;  // gklint annotate
  ServeCommand serve;        // gklint serve
};

// A folder's file is linted when its path below the folder, or its name, matches an include glob
// and no exclude glob; a folder matching an exclude glob is not entered.
bool matches_any(const std::vector<std::string>& globs, const fs::path& rel) {
  const std::string path = rel.generic_string(), name = rel.filename().string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), FNM_PATHNAME) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
  });
}

// *.txt *.md *.html … then the same in capitals, from the registry of input formats.
std::vector<std::string> default_include() {
  std::vector<std::string> lower, upper;
  for (const InputFormat& f : input_formats()) {
    for (const std::string& e : f.extensions) {
      lower.push_back("*" + e);
      std::string u = "*" + e;
      for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      upper.push_back(u);
    }
  }
  lower.insert(lower.end(), upper.begin(), upper.end());
  return lower;
}

// ".txt .md .html .htm .docx": the extensions of the formats gklint reads, for --help.
std::string readable_extensions() {
  std::string out;
  for (const InputFormat& f : input_formats()) {
    if (!f.readable) continue;
    for (const std::string& e : f.extensions) out += (out.empty() ? "" : " ") + e;
  }
  return out;
}

// "*.txt *.md … *.doc": the default --include as --help shows it (lower case only).
std::string include_help() {
  const std::vector<std::string> globs = default_include();
  std::string out;
  for (size_t i = 0; i < globs.size() / 2; ++i) out += (i ? " " : "") + globs[i];  // the lower-case half
  return out;
}

// Never reports, in folders (and for files named, with --force-exclude): a repository's own files
// and the documents every project has. A report named so is still linted when named.
const std::vector<std::string> kDefaultExclude = {".git",       "node_modules",  "README*",
                                                  "CHANGELOG*", "CONTRIBUTING*", "LICENSE*"};

// A file named on the command line that an exclude glob matches, or one of its folders does (as a
// folder walk would not have entered it).
bool excluded_named(const std::vector<std::string>& exclude, const fs::path& path) {
  fs::path prefix;
  for (const fs::path& part : path.lexically_normal()) {
    prefix /= part;
    if (part != "/" && part != "." && part != ".." && matches_any(exclude, prefix)) return true;
  }
  return false;
}

// An input as given ("-": standard input), and whether it was named rather than found in a folder.
struct Input {
  std::string path;
  bool named = false;
};

// ".git node_modules README* …": the excludes always applied, for --help.
std::string exclude_help() {
  std::string out;
  for (const std::string& g : kDefaultExclude) out += (out.empty() ? "" : " ") + g;
  return out;
}

// Paths in the order given; a folder's matching files sorted, so output is the same every run.
// Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
// Files named explicitly are always linted, unless `force_exclude` selects them like the rest;
// `stdin_name` is what standard input is selected as.
std::vector<Input> expand(const std::vector<std::string>& paths, std::vector<std::string> include,
                          std::vector<std::string> exclude, bool force_exclude = false,
                          const std::string& stdin_name = "") {
  // The input formats' extensions, in both cases: .doc files are listed too, so a folder of old
  // drafts says which ones could not be checked.
  if (include.empty()) include = default_include();
  exclude.insert(exclude.end(), kDefaultExclude.begin(), kDefaultExclude.end());
  std::vector<Input> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    // A folder named like a report (x.txt) was meant as a file: the reader says it is not one,
    // instead of an empty walk that checks nothing and passes.
    if (p != "-" && fs::is_directory(p, ec) && !matches_any(include, fs::path(p).filename())) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path rel = it->path().lexically_relative(p);
        if (matches_any(exclude, rel)) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        // Not only regular files: a FIFO, device or dangling link named like a report is listed so
        // that the reader says why it was not checked, rather than skipping it in silence.
        // Word's lock file (~$报告.docx, written beside a document while it is open) is no report:
        // listing it would report a broken .docx the user never made.
        std::error_code type_ec;
        if (it->is_directory(type_ec) || !matches_any(include, rel) || rel.filename().string().starts_with("~$"))
          continue;
        found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      for (std::string& f : found) out.push_back({std::move(f), false});
    } else if (force_exclude) {
      const fs::path as = p == "-" && !stdin_name.empty() ? fs::path(stdin_name) : fs::path(p);
      if (p == "-" && stdin_name.empty()) {
        out.push_back({p, true});
      } else if (matches_any(include, as) && !excluded_named(exclude, as)) {
        out.push_back({p, false});  // selected like a file found in a folder: the config's globs apply too
      }
    } else {
      out.push_back({p, true});
    }
  }
  return out;
}

std::vector<std::string> paths_of(const std::vector<Input>& inputs) {
  std::vector<std::string> out;
  out.reserve(inputs.size());
  for (const Input& i : inputs) out.push_back(i.path);
  return out;
}

// Like clang-tidy's -enable-check-profile: where the time went, per stage and per rule.
void print_profile(const Profile& p, std::chrono::steady_clock::duration wall) {
  const auto ms = [](int64_t ns) { return static_cast<double>(ns) / 1e6; };
  int64_t total = 0;
  for (const auto& [k, v] : p.stages) total += v;
  for (const auto& [k, v] : p.rules) total += v;
  std::vector<std::pair<std::string, int64_t>> rows;
  for (const auto& [k, v] : p.stages) rows.emplace_back("stage " + k, v);
  for (const auto& [k, v] : p.rules) rows.emplace_back("rule  " + k, v);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::fprintf(stderr, "gklint profile: %lld files, %.1f ms wall, %.1f ms in linting (all threads)\n",
               static_cast<long long>(p.files), std::chrono::duration<double, std::milli>(wall).count(), ms(total));
  for (const auto& [name, ns] : rows) {
    std::fprintf(stderr, "  %6.1f%%  %10.2f ms  %s\n",
                 total ? 100.0 * static_cast<double>(ns) / static_cast<double>(total) : 0.0, ms(ns), name.c_str());
  }
}

// `gklint init`: a commented starting config, never over an existing one unless --force.
int init(const Options& o, Lang lang) {
  const fs::path file = fs::path(o.init_dir) / kConfigFileName;
  std::error_code ec;
  if (fs::exists(file, ec) && !o.init_force) {
    std::cerr << "gklint: " << msg::text(lang, msg::kConfigExists, {file.string()}) << "\n";
    return 2;
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!(out << config_template()) || !out.flush()) {
    std::cerr << "gklint: " << msg::text(lang, msg::kConfigCannotWrite, {file.string()}) << "\n";
    return 2;
  }
  std::cout << msg::text(lang, msg::kConfigWritten, {file.string()}) << "\n";
  return 0;
}

// Run-wide defaults from the config that applies here (--config, or the nearest .gklint.yaml
// above the current folder): what the command line did not set. False when it has errors.
bool apply_config_defaults(const CLI::App& app, Options& o, std::vector<FileResult>* errors) {
  // find_config looks in a file's folder and above: a file named in the current folder.
  const std::string here = std::string("./") + kConfigFileName;
  const std::string file = !o.config.empty() ? o.config : o.no_config ? "" : find_config(here);
  if (file.empty()) return true;
  std::vector<RuleError> problems;
  Config c;
  load_config(file, {o.root, o.trust_config}, &c, &problems);
  cap_errors(&problems);
  add_rule_error_results(problems, "config.error", errors);
  if (!problems.empty()) return false;
  const auto fill = [&](const char* option, const std::optional<std::string>& value, std::string& into) {
    if (value && app.count(option) == 0) into = *value;
  };
  fill("--format", c.format, o.format);
  fill("--fail-on", c.fail_on, o.fail_on);
  fill("--lang", c.lang, o.lang);
  fill("--color", c.color, o.color);
  fill("--unreadable", c.unreadable, o.unreadable);
  return true;
}

// "output format: text, json (docs/json-output.md), …", from the registry of formats.
std::string format_help() {
  std::string help = "output format: ";
  for (const OutputFormat& f : output_format_registry()) {
    if (&f != &output_format_registry().front()) help += ", ";
    help += f.name + (f.brief.empty() ? "" : " (" + f.brief + ")");
  }
  return help;
}

WriterOptions writer_options(const Options& o, const TextStyle& style, Catalog& catalog,
                             std::shared_ptr<const RuleSet> fixed) {
  WriterOptions w;
  w.style = style;
  w.quiet = o.quiet;
  Severity threshold = Severity::error;
  if (o.fail_on == "never")
    w.fail_on.reset();
  else if (parse_severity(o.fail_on, &threshold))
    w.fail_on = threshold;
  w.catalog = &catalog;
  w.fixed = std::move(fixed);
  // GitHub Actions names the job summary's file; only the github format writes to it.
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && o.format == "github")
    w.step_summary = summary;
  return w;
}

// What a run has once the command line is parsed: the options, the rule sets, and the settings
// every subcommand that reads reports shares.
struct Session {
  Options& o;
  const CLI::App& app;
  Catalog catalog;
  Lang lang = Lang::zh;
  TextStyle style;
  std::vector<FileResult> setup_errors;   // config and rule file errors, reported before any report is read
  std::vector<std::string> inputs_known;  // files --output must not overwrite
  std::unique_ptr<LinterPool> pool;
  PoolOptions pool_options;  // what `pool` was made with

  Session(Options& options, const CLI::App& a) : o(options), app(a) {}

  // Errors in a config or a rule file stop the run before any report is read: what they would
  // have set (rule sets, disabled rules) changes every finding. Reported in --format; exit 2.
  int report_setup_errors() {
    Summary summary;
    OutputFile report_file;
    if (!report_file.open("--output", o.output, inputs_known, lang)) return 2;
    const auto writer = make_writer(o.format, report_file.stream(), writer_options(o, style, catalog, nullptr));
    for (const FileResult& r : setup_errors) {
      summary.add(r);
      writer->file(r);
    }
    writer->finish(summary);
    report_file.commit();
    return 2;
  }

  // The path a report's settings are chosen by: standard input's is --stdin-filename.
  std::string settings_path(const std::string& path) const {
    return path == "-" && !o.stdin_filename.empty() ? o.stdin_filename : path;
  }

  // The pairs the reports' configs name (`pairs:`), for --pair-years and gklint pairs.
  ConfiguredPairs configured_pairs_of(const std::vector<std::string>& files) {
    return configured_pairs(files, [&](const std::string& f) { return config_of(f); });
  }
  ConfiguredSums configured_sums_of(const std::vector<std::string>& files) {
    return configured_sums(files, [&](const std::string& f) { return config_of(f); });
  }
  const Config* config_of(const std::string& file) {
    bool ok = true;
    return pool->config_for(settings_path(file), &setup_errors, &ok);
  }

  // The reports to lint among `paths`: the files named, and the files found in folders (or named,
  // with --force-exclude) that their config's include and exclude select.
  std::vector<std::string> reports(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const Input& in : expand(paths, o.include, o.exclude, o.force_exclude, o.stdin_filename)) {
      const std::string as = settings_path(in.path);
      bool ok = true;
      // A config with errors selects nothing here: for_file reports its errors.
      const Config* c = in.named ? nullptr : pool->config_for(as, &setup_errors, &ok);
      if (c && config_glob_matches(*c, c->exclude, as)) continue;
      if (c && o.include.empty() && !c->include.empty() && !config_glob_matches(*c, c->include, as)) continue;
      out.push_back(in.path);
    }
    return out;
  }

  // One file through the Linter its settings give: for outline, cat and extract.
  std::optional<FileResult> lint_one(const std::string& path) {
    const Linter* linter = pool->for_file(path, &setup_errors);
    if (!linter) return std::nullopt;
    return lint_path(*linter, path, lang, nullptr);
  }
};

// --- The subcommands -----------------------------------------------------------------------------
// Each adds its arguments to its CLI11 subcommand and runs on the parsed options; `kSubcommands`
// below lists them in the order --help shows them (ninja's kTools[] shape).

int run_rules(Session& s) { return list_rules(s.catalog, s.o.rules_id, s.lang); }
int run_explain(Session& s) { return explain(s.catalog, s.o.explain_id, s.lang); }
int run_init(Session& s) { return init(s.o, s.lang); }

int run_extract(Session& s) {
  const Options& o = s.o;
  const bool csv = o.extract_format == "csv";
  bool first = true, unreadable = false;
  if (csv && o.extract_bom) std::cout << "\xEF\xBB\xBF";
  if (csv)
    std::cout << "path,table,row_id,row_label,column_id,column_label,value,text,line,column,inferred,page\n";
  else
    std::cout << "{\"version\":1,\"files\":[";
  for (const std::string& path : s.reports(o.extract_paths)) {
    std::optional<FileResult> r = s.lint_one(path);
    if (!r) return s.report_setup_errors();
    if (r->unreadable) {
      std::cerr << "gklint: " << path << ": " << r->diagnostics.front().message << "\n";
      unreadable = true;
      continue;
    }
    extract(*r, csv, &first, std::cout);
  }
  if (!csv) std::cout << "\n]}\n";
  return unreadable ? 2 : 0;
}

int jobs_of(const Options& o) {
  return o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// gklint pairs: which report of a batch is checked against which (--pair-years), and why the
// others are not.
int run_pairs(Session& s) {
  const std::vector<std::string> files = s.reports(s.o.pairs_paths);
  std::vector<const Linter*> linters;
  linters.reserve(files.size());
  for (const std::string& f : files) linters.push_back(s.pool->for_file(s.settings_path(f), &s.setup_errors));
  if (!s.setup_errors.empty()) return s.report_setup_errors();
  const std::vector<ReportId> ids = identify_reports(linters, files, jobs_of(s.o));
  const ConfiguredPairs configured = s.configured_pairs_of(files);
  const Pairing pairing = pair_years(ids, s.lang, &configured);
  const ConfiguredSums sums = s.configured_sums_of(files);
  const bool en = s.lang == Lang::en;
  if (s.o.pairs_format == "json") {
    nlohmann::ordered_json j = {
        {"version", 1}, {"pairs", nlohmann::ordered_json::array()}, {"unpaired", nlohmann::ordered_json::array()}};
    for (size_t i = 0; i < ids.size(); ++i) {
      const ReportId& r = ids[i];
      if (pairing.previous[i] >= 0) {
        const ReportId& last = ids[static_cast<size_t>(pairing.previous[i])];
        j["pairs"].push_back({{"from", pairing.configured[i] ? "config" : "agency"},
                              {"agency", r.agency},
                              {"agency_key", agency_key(r.agency)},
                              {"previous", {{"path", last.path}, {"report_year", last.year}, {"agency", last.agency}}},
                              {"current", {{"path", r.path}, {"report_year", r.year}}}});
      } else {
        using Json = nlohmann::ordered_json;
        j["unpaired"].push_back({{"path", r.path},
                                 {"agency", r.agency.empty() ? Json(nullptr) : Json(r.agency)},
                                 {"report_year", r.year ? Json(r.year) : Json(nullptr)},
                                 {"why", pairing.why[i]}});
      }
    }
    // The totals a .gklint.yaml's sums declares: checked against their parts in every run.
    if (sums.totals > 0) {
      j["sums"] = nlohmann::ordered_json::array();
      for (size_t i = 0; i < ids.size(); ++i) {
        if (sums.parts[i].empty() && sums.missing[i].empty()) continue;
        nlohmann::ordered_json parts = nlohmann::ordered_json::array();
        for (const int k : sums.parts[i]) parts.push_back(ids[static_cast<size_t>(k)].path);
        j["sums"].push_back({{"total", ids[i].path}, {"parts", parts}, {"missing", sums.missing[i]}});
      }
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  size_t paired = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (pairing.previous[i] < 0) continue;
    const ReportId& r = ids[i];
    const ReportId& last = ids[static_cast<size_t>(pairing.previous[i])];
    std::cout << last.year << " → " << r.year << "  " << r.agency
              << (pairing.configured[i] ? (en ? "  (named in .gklint.yaml)" : "（.gklint.yaml 指定）") : "") << "\n  "
              << last.path << "\n  " << r.path << "\n";
    ++paired;
  }
  if (paired < ids.size()) std::cout << (en ? "not paired:\n" : "未配对：\n");
  for (size_t i = 0; i < ids.size(); ++i) {
    if (pairing.previous[i] >= 0) continue;
    const ReportId& r = ids[i];
    std::cout << "  " << r.path << "  (" << (r.year ? std::to_string(r.year) : "-") << ", "
              << (r.agency.empty() ? "-" : r.agency) << ")  " << pairing.why[i] << "\n";
  }
  std::cout << (en ? std::to_string(paired) + " of " + std::to_string(ids.size()) +
                         " reports paired with last year's (gklint --pair-years checks them)"
                   : std::to_string(ids.size()) + " 份报告中 " + std::to_string(paired) +
                         " 份与上一年度报告配对（gklint --pair-years 检查）")
            << "\n";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (sums.parts[i].empty() && sums.missing[i].empty()) continue;
    std::cout << (en ? "total (.gklint.yaml sums): " : "合计报告（.gklint.yaml 的 sums）：") << ids[i].path << "\n";
    for (const int k : sums.parts[i]) std::cout << "  + " << ids[static_cast<size_t>(k)].path << "\n";
    for (const std::string& glob : sums.missing[i])
      std::cout << "  " << glob << (en ? "  matches no report of this batch" : "  没有匹配本次检查的报告") << "\n";
  }
  return 0;
}

int run_cat(Session& s) {
  std::optional<FileResult> r = s.lint_one(s.o.cat_path);
  if (!r) return s.report_setup_errors();
  if (r->unreadable) {
    write_text(std::cout, *r, s.style);
    return 2;
  }
  print_cat(*r);
  return 0;
}

int run_outline(Session& s) {
  std::optional<FileResult> r = s.lint_one(s.o.outline_path);
  if (!r) return s.report_setup_errors();
  if (r->unreadable) {
    write_text(std::cout, *r, s.style);
    return 2;
  }
  print_outline(*r, s.lang == Lang::en);
  // Which settings applied: a surprise config (or none where one was expected) explains a lot.
  bool config_ok_here = true;
  const Config* config = s.pool->config_for(s.o.outline_path, &s.setup_errors, &config_ok_here);
  std::cout << (s.lang == Lang::en ? "config:       " : "配置：    ") << (config ? config->path : "-") << "\n";
  return 0;
}

int run_lsp(Session& s) {
  std::ios::sync_with_stdio(false);  // buffered standard streams; the server reads and writes whole messages
  const Options& o = s.o;
  return run_language_server(std::cin, std::cout,
                             {.rules = o.rules, .year = o.year, .lang = o.lang, .log = &std::cerr});
}

int run_test(Session& s) { return run_test_command(s.o.test, s.o.lang); }

int run_serve(Session& s) {
  std::ios::sync_with_stdio(false);
  return run_serve_command(s.o.serve, s.catalog, s.lang);
}

int run_annotate(Session& s) {
  const Linter* linter = s.pool->for_file(s.o.annotate.path, &s.setup_errors);
  if (!linter) return s.report_setup_errors();
  std::optional<Severity> fail_on;
  if (Severity threshold; s.o.fail_on != "never" && parse_severity(s.o.fail_on, &threshold)) fail_on = threshold;
  return run_annotate_command(s.o.annotate, *linter, s.lang, fail_on);
}

int run_fix(Session& s) {
  const std::vector<std::string> files = s.reports(s.o.fix.paths);
  std::vector<const Linter*> linters;
  linters.reserve(files.size());
  for (const std::string& f : files) linters.push_back(s.pool->for_file(f, &s.setup_errors));
  if (!s.setup_errors.empty()) return s.report_setup_errors();
  size_t next = 0;
  return run_fix_command(
      files, [&](const std::string&) { return linters[next++]; }, s.o.fix.in_place, s.lang);
}

void rules_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("id", o.rules_id, "one rule set (a built-in id or a YAML file)");
}
void explain_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("rule", o.explain_id, "rule id, e.g. section.missing")->required();
}
void extract_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("paths", o.extract_paths, "report files or folders")->required();
  cmd.add_option("--format", o.extract_format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  // Off by default: programs that read the CSV (Python's csv, pandas, csvkit) would take a BOM for
  // part of the first column's name; Excel needs it to read UTF-8 Chinese rather than garble it.
  cmd.add_flag("--bom", o.extract_bom, "CSV: begin with a UTF-8 byte order mark, so Excel reads the Chinese correctly");
}
void pairs_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("paths", o.pairs_paths, "report files or folders")->required();
  cmd.add_option("--format", o.pairs_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd.add_option("--lang", o.lang, "language of the reasons")->check(CLI::IsMember({"zh", "en"}));
  cmd.add_option("-j,--jobs", o.jobs, "worker threads (default: every core)")->check(CLI::PositiveNumber);
}
void outline_arguments(CLI::App& cmd, Options& o) { cmd.add_option("file", o.outline_path, "report file")->required(); }
void init_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("dir", o.init_dir, "folder to write it in (default: the current folder)");
  cmd.add_flag("--force", o.init_force, "replace an existing .gklint.yaml");
}
void cat_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("file", o.cat_path, "report file (.txt, .html, .docx, …)")->required();
}
void test_arguments(CLI::App& cmd, Options& o) { add_test_arguments(cmd, &o.test, &o.lang); }
void serve_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("--port", o.serve.port, "port to listen on (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd.add_option(
         "--host", o.serve.host,
         "address to listen on (default: the loopback, this machine only; another address lets others reach it)")
      ->capture_default_str();
  cmd.add_option("--lang", o.lang, "language of the page when the URL does not say (?lang=en)")
      ->check(CLI::IsMember({"zh", "en"}));
}
void annotate_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("file", o.annotate.path, "the draft (.docx)")->required();
  cmd.add_option("-o,--output", o.annotate.output, "write the copy to FILE (default: DRAFT.gklint.docx beside it)")
      ->type_name("FILE");
}
void fix_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("paths", o.fix.paths, "report files (.txt, .md) or folders")->required();
  cmd.add_flag("--in-place", o.fix.in_place, "fix the report itself, keeping the original as REPORT.bak");
}
void lsp_arguments(CLI::App& cmd, Options& o) {
  cmd.add_option("--rules", o.rules, "rule set: a built-in id or a YAML file (default: chosen by report year)")
      ->type_name("ID|FILE");
  cmd.add_option("--year", o.year, "report year, overriding the one found in each report")
      ->check(CLI::Range(1990, 2100));
  cmd.add_option("--lang", o.lang, "language of messages")->check(CLI::IsMember({"zh", "en"}));
  cmd.add_flag("--stdio")->description(
      "accepted for clients that pass it; standard input/output is the only transport");
}

// What a subcommand needs before it runs, lowest first: each level includes the ones before it.
enum class Needs {
  nothing,  // lsp: its own settings, from the client
  catalog,  // rules, explain, init: the built-in rule sets and --lang
  config,   // the nearest .gklint.yaml's defaults (--format, --lang …), applied and checked
  linters,  // and --rules loaded, and a LinterPool that gives each report its Linter
};

struct Subcommand {
  const char* name;
  const char* usage;    // as --help's overview shows it: "rules [ID]"
  const char* brief;    // the overview's line
  const char* summary;  // the list of subcommands in --help, and `gklint NAME --help`
  void (*arguments)(CLI::App& cmd, Options& o);
  int (*run)(Session& s);
  Needs needs;
};

const Subcommand kSubcommands[] = {
    {"rules", "rules [ID]", "list the built-in rule sets and their rules",
     "list the built-in rule sets, their sections and rules", rules_arguments, run_rules, Needs::catalog},
    {"explain", "explain RULE-ID", "what a rule checks, why, and the article it cites",
     "explain a rule: what it checks, why, the article it cites", explain_arguments, run_explain, Needs::catalog},
    {"extract", "extract FILE --format csv", "the tables as data, one record per cell",
     "write the tables as data: one record per cell (JSON or CSV)", extract_arguments, run_extract, Needs::linters},
    {"pairs", "pairs PATHS…", "which reports --pair-years checks against last year's, and why others not",
     "show how a batch's reports are paired with the same agency's report of the year before (agency as read from\n"
     "the title, normalized; consecutive report years; exactly one report of each), and why the others are not;\n"
     "then the totals a .gklint.yaml's sums declares, with the parts found for each",
     pairs_arguments, run_pairs, Needs::linters},
    {"outline", "outline FILE", "what gklint read: body, title, year, period, agency, headings",
     "show what gklint reads from a report: title, year, headings", outline_arguments, run_outline, Needs::linters},
    {"serve", "serve [--port N]", "a local web page: drop a report, see the findings on its text", kServeSummary,
     serve_arguments, run_serve, Needs::catalog},
    {"annotate", "annotate DRAFT.docx", "a copy of a Word draft with the findings as comments (批注)", kAnnotateSummary,
     annotate_arguments, run_annotate, Needs::linters},
    {"fix", "fix FILE [--in-place]", "write the certain fixes (year typo, missing 日, heading number, statute name)",
     kFixSummary, fix_arguments, run_fix, Needs::linters},
    {"cat", "cat FILE", "the text gklint reads, numbered as findings are located",
     "print the text gklint reads from a file, numbered as findings are located", cat_arguments, run_cat,
     Needs::linters},
    {"lsp", "lsp", "a language server for editors (LSP over standard input/output)",
     "run a language server (LSP 3.17, JSON-RPC over standard input/output): editors show findings as you type,\n"
     "hover explains them, a quick fix disables a rule in .gklint.yaml; changed configs and settings are picked up.\n"
     "initializationOptions {rules, year, lang}, then the client's settings under gklint, override these options\n"
     "(README: Editors)",
     lsp_arguments, run_lsp, Needs::nothing},
    {"test", "test [RULES...]", "run the test cases rule files carry; list the rules none exercises", kTestSummary,
     test_arguments, run_test, Needs::nothing},
    {"init", "init", "write a commented .gklint.yaml (settings per project)",
     "write a commented .gklint.yaml to start a project's settings from", init_arguments, run_init, Needs::catalog},
    {"completion", "completion bash|zsh|fish", "a shell completion script, made from these options", kCompletionSummary,
     [](CLI::App& cmd, Options&) { add_completion_arguments(cmd); },
     [](Session& s) { return run_completion_command(s.app); }, Needs::nothing},
};

// Optimal string alignment distance: edits, a swap of neighbours counting one (explian -> explain).
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The subcommand a first argument was meant to be: a word (no path separator or extension) that is
// not a file and is one or two edits from a subcommand's name. Nothing for a real path.
const Subcommand* misspelt_subcommand(const std::string& arg) {
  if (arg.empty() || arg.size() > 16 || arg.find_first_of("/.\\") != std::string::npos) return nullptr;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(arg, ec))) return nullptr;
  const Subcommand* best = nullptr;
  size_t best_distance = 0;
  for (const Subcommand& c : kSubcommands) {
    const std::string name = c.name;
    const size_t distance = edit_distance(arg, name);
    if (distance <= (name.size() >= 5 ? 2u : 1u) && (!best || distance < best_distance)) {
      best = &c;
      best_distance = distance;
    }
  }
  return best;
}

// --help's description: how gklint is used, with a line for each subcommand from kSubcommands.
std::string description() {
  std::string d =
      "gklint " GKLINT_VERSION
      " — 政府信息公开工作年度报告检查工具 / linter for government information-disclosure annual reports\n\n"
      "  gklint report.txt                 lint one report (exit 1 if it has errors)\n"
      "  gklint reports/ --format json     lint every report below a folder (" +
      readable_extensions() +
      ")\n"
      "  gklint --rules gov-2007 a.txt     force a rule set (default: chosen by the report year)\n";
  for (const Subcommand& c : kSubcommands) {
    std::string usage = std::string("  gklint ") + c.usage;
    usage.resize(std::max<size_t>(usage.size() + 1, 36), ' ');
    d += usage + c.brief + "\n";
  }
  d += "  gklint --baseline b.json reports/  only findings not recorded by --write-baseline b.json\n\n"
       "Inputs: plain text in UTF-8, UTF-16 (with BOM), GB18030/GBK/GB2312 or Big5 (detected; or\n"
       "--encoding), HTML pages, Word .docx (a finding's line is then the paragraph number) and text\n"
       "PDFs (page:line:column).\n\n"
       "Settings: the nearest .gklint.yaml in a report's folder or above (or --config); options win.\n\n"
       "Exit status: 0 no finding at or above --fail-on; 1 findings; 2 usage error, a rule file or\n"
       "config error, or an input that could not be read at all (see --unreadable; never with\n"
       "--fail-on never); 3 an internal error in gklint.\n"
       "`-` reads a report from standard input.";
  return d;
}

// The options of a lint run (no subcommand).
void lint_arguments(CLI::App& app, Options& o) {
  app.add_option("paths", o.paths, "report files (" + readable_extensions() + ") or folders; - for standard input");
  app.add_option("--rules", o.rules, "rule set: a built-in id (gov-2007, gov-2019, gov-2021, …) or a YAML file")
      ->type_name("ID|FILE");
  app.add_option("--year", o.year, "report year, overriding the one found in the report")
      ->check(CLI::Range(1990, 2100));
  app.add_option("--format", o.format, format_help())->check(CLI::IsMember(output_formats()))->capture_default_str();
  app.add_option("--output", o.output,
                 "write the report to FILE (a regular file, replaced when complete; never a device, FIFO, "
                 "folder or input) instead of standard output; - /dev/stdout /dev/stderr: that stream")
      ->type_name("FILE");
  app.add_option("--config", o.config,
                 "settings from FILE for every report (default: the nearest .gklint.yaml "
                 "in each report's folder or above)")
      ->type_name("FILE");
  app.add_flag("--no-config", o.no_config, "ignore .gklint.yaml files (also: environment GKLINT_NO_CONFIG=1)");
  app.add_option("--root", o.root,
                 "project root: rule files a config names must lie inside DIR (default: the repository root "
                 "holding .git, else the folder of the highest .gklint.yaml)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--trust-config", o.trust_config,
               "let a config name rule files anywhere, outside the project root too (only for configs you wrote)");
  CLI::Option* previous =
      app.add_option("--previous", o.previous,
                     "the same agency's report of the year before: check this report against it (cross.* rules; one "
                     "report at a time)")
          ->type_name("FILE");
  // One report against one named by hand, or a batch paired by gklint: never both in one run.
  previous->excludes(app.add_flag("--pair-years", o.pair_years,
                                  "in a batch, check each report against the same agency's report of the year before "
                                  "when the batch holds exactly one (gklint pairs shows the pairing)"));
  previous->excludes(app.add_flag("--find-copies", o.find_copies,
                                  "in a batch, compare each report with the report of another agency and the same year "
                                  "that shares the most sentences with it (cross.copy)"));
  app.add_option("--baseline", o.baseline, "report only findings not recorded in FILE (see --write-baseline)")
      ->type_name("FILE");
  app.add_option("--write-baseline", o.write_baseline,
                 "record this run's findings in FILE, to accept them with --baseline (written like --output)")
      ->type_name("FILE");
  app.add_option("--fail-on", o.fail_on, "lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  app.add_option(
         "--unreadable", o.unreadable,
         "an input that cannot be read (empty, a scanned PDF, a damaged .docx, missing): error = exit 2 (unless "
         "--fail-on never); warning = its input.error is a warning, counted by --fail-on; ignore = reported, "
         "but never changes the exit status")
      ->check(CLI::IsMember({"error", "warning", "ignore"}))
      ->capture_default_str();
  app.add_option("--lang", o.lang, "language of messages")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  app.add_option("-j,--jobs", o.jobs, "worker threads (default: every core); output stays in input order")
      ->check(CLI::Range(1, 256));
  app.add_option("--files-from", o.files_from, "also lint the paths listed in FILE, one a line (- for standard input)")
      ->type_name("FILE");
  // One glob per option (repeat it for more), so `--include '*.txt' reports/` keeps reports/ a path.
  app.add_option("--include", o.include,
                 "in folders, lint files matching GLOB (repeatable; default: " + include_help() + ")")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option(
         "--exclude", o.exclude,
         "in folders, skip files and folders matching GLOB (repeatable; always skipped: " + exclude_help() + ")")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_flag("--force-exclude", o.force_exclude,
               "select files named on the command line like files found in folders: --include, --exclude, the "
               "config's include/exclude and the default excludes (" +
                   exclude_help() + ") apply to them too (for hooks, which name every file changed)");
  app.add_option("--stdin-filename", o.stdin_filename,
                 "lint standard input (-) as the file PATH: PATH's .gklint.yaml and by_path rule set, its format by "
                 "extension, PATH in findings and baselines (how the git hook lints staged content)")
      ->type_name("PATH");
  app.add_option("--encoding", o.encoding,
                 "encoding of text files and pages (GB18030, GBK, Big5, UTF-8, UTF-16LE, …; default: detected)")
      ->type_name("NAME")
      ->check(
          [](const std::string& name) { return encoding_known(name) ? std::string() : "unknown encoding: " + name; });
  app.add_flag("-q,--quiet", o.quiet, "only the findings: no summary, no progress");
  app.add_flag("--profile", o.profile, "print the time spent per stage and per rule on standard error");
  app.add_option("--color", o.color, "colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

// Inputs: the paths given, then the lines of --files-from. False (with a message) when the list
// cannot be read or is too large.
bool collect_inputs(const Options& o, Lang lang, std::vector<std::string>* inputs) {
  *inputs = o.paths;
  if (o.files_from.empty()) return true;
  std::ifstream list_file;
  if (o.files_from != "-") list_file.open(o.files_from);
  std::istream& list = o.files_from == "-" ? std::cin : list_file;
  if (!list) {
    std::cerr << "gklint: " << msg::text(lang, msg::kFilesFromUnreadable, {o.files_from}) << "\n";
    return false;
  }
  // Read in blocks and bounded like every input: `yes | gklint --files-from -` stops at the cap
  // instead of filling memory (a pipe is fine here: `--files-from <(find …)`).
  std::string line;
  uint64_t total = 0;
  char block[65536];
  const auto take = [&] {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) inputs->push_back(line);
    line.clear();
  };
  while (list.read(block, sizeof block) || list.gcount() > 0) {
    const std::streamsize n = list.gcount();
    total += static_cast<uint64_t>(n);
    // Bytes, and paths: four million is a national corpus several times over.
    constexpr size_t kMaxListedPaths = size_t{4} << 20;
    if (total > kMaxInputBytes || inputs->size() > kMaxListedPaths) {
      std::cerr << "gklint: " << msg::text(lang, msg::kFilesFromTooLarge, {o.files_from}) << "\n";
      return false;
    }
    for (std::streamsize k = 0; k < n; ++k) {
      if (block[k] == '\n')
        take();
      else
        line += block[k];
    }
  }
  take();
  return true;
}

// `gklint [options] PATHS`: lint the reports, in input order, into one output.
int run_lint(Session& s, const std::shared_ptr<const RuleSet>& fixed) {
  const Options& o = s.o;
  const Lang lang = s.lang;
  std::vector<std::string> inputs;
  if (!collect_inputs(o, lang, &inputs)) return 2;
  const std::vector<std::string> files = s.reports(inputs);
  s.inputs_known = files;
  // Each report's Linter, from its config, resolved before any is read.
  std::vector<const Linter*> linters;
  linters.reserve(files.size());
  for (const std::string& f : files) linters.push_back(s.pool->for_file(s.settings_path(f), &s.setup_errors));
  // --previous: last year's report, read with its own config, before this year's is linted.
  std::optional<FileResult> previous;
  if (!o.previous.empty()) {
    if (files.size() != 1) {
      std::cerr << "gklint: --previous: " << msg::text(lang, msg::kPreviousOneReport, {std::to_string(files.size())})
                << "\n";
      return 2;
    }
    // --year is this year's report's year: last year's is read from it.
    std::unique_ptr<LinterPool> own_year;
    if (o.year) {
      PoolOptions options = s.pool_options;
      options.base.year = 0;
      own_year = std::make_unique<LinterPool>(s.catalog, options);
    }
    const Linter* linter = (own_year ? *own_year : *s.pool).for_file(s.settings_path(o.previous), &s.setup_errors);
    if (!s.setup_errors.empty()) return s.report_setup_errors();
    previous = lint_path(*linter, o.previous, lang, nullptr);
    if (previous->unreadable) {
      const std::string why = previous->diagnostics.empty() ? "" : previous->diagnostics.front().message;
      std::cerr << "gklint: --previous " << o.previous << ": " << why << "\n";
      return 2;
    }
  }
  if (!s.setup_errors.empty()) return s.report_setup_errors();

  // Baselines: the accepted findings to leave out, and where to record this run's.
  std::optional<Baseline> baseline;
  if (!o.baseline.empty()) {
    std::string error;
    if (!Baseline::read(o.baseline, &baseline.emplace(), &error)) {
      std::cerr << "gklint: --baseline " << o.baseline << ": " << error << "\n";
      return 2;
    }
  }
  // Where the report and the baseline go, checked and opened before any report is read, so a
  // refusal (a device, a FIFO, an input file) costs no linting and leaves nothing behind.
  const auto is_stream = [](const std::string& p) {
    return p.empty() || p == "-" || p == "/dev/stdout" || p == "/dev/stderr";
  };
  // Written to a file: its paths relative to that file's folder; to a stream: to the current folder.
  Baseline recording = is_stream(o.write_baseline) ? Baseline() : Baseline(o.write_baseline);
  if (!is_stream(o.output) && !is_stream(o.write_baseline) && same_output(o.output, o.write_baseline)) {
    std::cerr << "gklint: --output " << o.output << ": " << msg::text(lang, msg::kSameAsBaseline) << "\n";
    return 2;
  }
  OutputFile report_file, baseline_file;
  if (!report_file.open("--output", o.output, files, lang)) return 2;
  if (!o.write_baseline.empty() && !baseline_file.open("--write-baseline", o.write_baseline, files, lang)) return 2;

  Summary summary;
  WriterOptions output_options = writer_options(o, s.style, s.catalog, fixed);
  output_options.baseline = baseline.has_value();
  const auto writer = make_writer(o.format, report_file.stream(), output_options);
  Severity threshold = Severity::error;
  const bool never = o.fail_on == "never";
  if (!never) parse_severity(o.fail_on, &threshold);
  bool failed = false;

  // A progress line on a terminal, for runs longer than a moment.
  const bool show_progress = !o.quiet && isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  bool progress_shown = false;
  const auto progress = [&](size_t done) {
    if (!show_progress || (done % 64 != 0 && done != files.size())) return;
    if (std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500)) return;
    std::cerr << "\rgklint: " << done << "/" << files.size() << std::flush;
    progress_shown = true;
  };
  Profile profile;
  bool internal_error = false;
  const auto emit = [&](FileResult& r) {
    internal_error |= r.internal_error;
    // --unreadable warning: what could not be read is a warning like any other (gklint's own
    // failures stay errors: they are never the report's fault).
    if (r.unreadable && !r.internal_error && o.unreadable == "warning") {
      for (Diagnostic& d : r.diagnostics) d.severity = Severity::warning;
    }
    if (!o.write_baseline.empty()) recording.record(r);
    if (baseline) summary.suppressed += baseline->suppress(r);
    summary.add(r);
    for (const Diagnostic& d : r.diagnostics) {
      if (!never && d.severity >= threshold && !(r.unreadable && o.unreadable == "ignore")) failed = true;
    }
    writer->file(r);
  };
  const std::string stdin_name = o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
  // The other reports each is compared with: --pair-years, the same agency's report of the year
  // before; --find-copies, another agency's of the same year; a config's sums, a total's parts.
  BatchPartners partners;
  if (o.pair_years || previous) summary.without_previous = 0;
  if (!previous) {
    ConfiguredSums sums = s.configured_sums_of(files);
    if (sums.totals > 0) {
      std::set<int> parts;
      for (const std::vector<int>& of : sums.parts) parts.insert(of.begin(), of.end());
      if (!o.quiet)
        std::cerr << "gklint: sums: "
                  << msg::text(lang, msg::kSumsChecked, {std::to_string(sums.totals), std::to_string(parts.size())})
                  << "\n";
      partners.parts = std::move(sums.parts);
      partners.missing_parts = std::move(sums.missing);
    }
  }
  if ((o.pair_years || o.find_copies) && !previous) {
    const std::vector<ReportId> ids = identify_reports(linters, files, jobs_of(o), o.find_copies);
    const auto count = [](const std::vector<int>& v) {
      return std::to_string(std::count_if(v.begin(), v.end(), [](int j) { return j >= 0; }));
    };
    if (o.pair_years) {
      const ConfiguredPairs configured = s.configured_pairs_of(files);
      partners.previous = pair_years(ids, lang, &configured).previous;
      if (!o.quiet)
        std::cerr << "gklint: --pair-years: "
                  << msg::text(lang, msg::kPaired, {count(partners.previous), std::to_string(files.size())}) << "\n";
    }
    if (o.find_copies) {
      partners.copies = find_copies(ids);
      if (!o.quiet)
        std::cerr << "gklint: --find-copies: "
                  << msg::text(lang, msg::kCopiesCompared, {count(partners.copies), std::to_string(files.size())})
                  << "\n";
    }
  }
  if (previous) {  // one report, against last year's
    FileResult r = lint_path(*linters.front(), files.front(), lang, o.profile ? &profile : nullptr, stdin_name,
                             Partners::last_year(&*previous));
    emit(r);
  } else {
    lint_batch(linters, files, stdin_name, jobs_of(o), lang, emit, progress, o.profile ? &profile : nullptr, &partners);
  }
  if (progress_shown) std::cerr << "\r\033[K" << std::flush;
  if (o.profile) print_profile(profile, std::chrono::steady_clock::now() - started);
  if (baseline) summary.baseline_unmatched = static_cast<int>(baseline->unmatched());
  writer->finish(summary);
  if (!report_file.commit()) return 2;
  if (!o.write_baseline.empty()) {
    recording.write(baseline_file.stream());
    if (!baseline_file.commit()) return 2;
    std::cerr << "gklint: "
              << msg::text(lang, msg::kBaselineWritten, {o.write_baseline, std::to_string(recording.size())}) << "\n";
  }
  // The exit status contract (README, "Exit status"): gklint's own failure 3; then an input that
  // could not be read 2, unless --unreadable says otherwise or --fail-on never asks for 0.
  if (internal_error) return 3;
  if (summary.unreadable > 0 && o.unreadable == "error" && !never) return 2;
  // Recording a baseline accepts today's findings: not a failure.
  if (!o.write_baseline.empty()) return 0;
  return failed ? 1 : 0;
}

// --lang en or --lang=en among the arguments (Chinese otherwise): for the parse's own errors, when
// the parsed value is not there to ask.
Lang lang_of_arguments(int argc, char** argv) {
  Lang lang = Lang::zh;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") break;
    if (a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en")) lang = Lang::en;
    if (a == "--lang=zh" || (a == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "zh")) lang = Lang::zh;
  }
  return lang;
}

int run(int argc, char** argv) {
  Options o;
  CLI::App app{description(), "gklint"};
  app.set_version_flag("--version", "gklint " GKLINT_VERSION);
  lint_arguments(app, o);
  std::vector<std::pair<const Subcommand*, CLI::App*>> commands;
  for (const Subcommand& c : kSubcommands) {
    CLI::App* cmd = app.add_subcommand(c.name, c.summary);
    c.arguments(*cmd, o);
    commands.emplace_back(&c, cmd);
  }
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // In the language of the findings: --lang as given, even where the parse stopped before it.
    std::string help = "gklint";
    for (const auto& [c, cmd] : commands) {
      if (cmd->parsed()) help += std::string(" ") + c->name;
    }
    std::cerr << "gklint: " << msg::usage_error(lang_of_arguments(argc, argv), e.what(), help) << "\n";
    return 2;
  }
  const Subcommand* chosen = nullptr;
  for (const auto& [c, cmd] : commands) {
    if (*cmd) chosen = c;
  }

  Session s(o, app);
  if (chosen && chosen->needs == Needs::nothing) return chosen->run(s);
  // A portal sets it once for every run rather than adding --no-config to each command.
  if (no_config_from_environment()) o.no_config = true;
  const bool config_ok = (chosen && chosen->needs < Needs::config) || apply_config_defaults(app, o, &s.setup_errors);
  s.lang = o.lang == "en" ? Lang::en : Lang::zh;
  if (chosen && chosen->needs == Needs::catalog) return chosen->run(s);
  // Of what reads reports, only SARIF shows the rules' docs: the rest loads the built-in rules
  // without them (half the YAML read at start-up).
  if (o.format != "sarif") s.catalog.set_docs(false);

  if (!chosen && o.paths.empty() && o.files_from.empty()) {
    std::cerr << "gklint: " << msg::text(s.lang, msg::kNoInputFiles) << "\n";
    return 2;
  }
  if (!o.stdin_filename.empty() && std::find(o.paths.begin(), o.paths.end(), "-") == o.paths.end()) {
    std::cerr << "gklint: " << msg::text(s.lang, msg::kStdinFilenameAlone) << "\n";
    return 2;
  }
  // `gklint explian x`: a mistyped subcommand, not a report that is missing.
  if (const Subcommand* meant = !chosen && !o.paths.empty() ? misspelt_subcommand(o.paths.front()) : nullptr) {
    std::cerr << "gklint: " << msg::text(s.lang, msg::kDidYouMean, {o.paths.front(), meant->name}) << "\n";
    return 2;
  }

  s.style.lang = s.lang;
  // auto: colour on a terminal only (a report written to --output FILE gets none).
  const bool to_stdout = o.output.empty() || o.output == "-" || o.output == "/dev/stdout";
  s.style.color =
      o.color == "always" || (o.color == "auto" && to_stdout && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));

  // The files to lint, which --output must not overwrite: those below the folders given until
  // --files-from is read, then all of them.
  s.inputs_known = paths_of(expand(o.paths, o.include, o.exclude));
  std::shared_ptr<const RuleSet> fixed;
  if (!o.rules.empty()) {
    std::vector<RuleError> errors;
    fixed = s.catalog.get(o.rules, &errors);
    add_rule_error_results(errors, "rule.error", &s.setup_errors);
  }
  if (!config_ok || !s.setup_errors.empty()) return s.report_setup_errors();

  PoolOptions pool_options;
  pool_options.rules = o.rules;
  pool_options.base.year = o.year;
  pool_options.base.lang = s.lang;
  pool_options.base.encoding = o.encoding;
  pool_options.config = o.config;
  pool_options.search = !o.no_config;
  pool_options.trust = {o.root, o.trust_config};
  s.pool_options = pool_options;
  s.pool = std::make_unique<LinterPool>(s.catalog, pool_options);
  return chosen ? chosen->run(s) : run_lint(s, fixed);
}

}  // namespace

// Anything unexpected ends with a message and exit status 3, never an abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "gklint: 内部错误 (internal error): " << e.what() << "\n";
  } catch (...) {
    std::cerr << "gklint: 内部错误 (internal error)\n";
  }
  return 3;
}
