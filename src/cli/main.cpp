// gklint command line: lint reports, list rule sets, explain a rule.
#include <fnmatch.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/batch.hpp"
#include "input/decode.hpp"
#include "gklint/emit.hpp"
#include "gklint/lint.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string rules;
  int year = 0;
  std::string format = "text";
  std::string fail_on = "error";
  std::string lang = "zh";
  std::string color = "auto";
  std::string explain_id;
  std::string rules_id;
  std::string outline_path;
  int jobs = 0;  // 0: every core
  std::string files_from;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool quiet = false;
  bool profile = false;
  std::vector<std::string> extract_paths;
  std::string extract_format = "json";
  std::string cat_path;
  std::string encoding;
};

// Diagnostics gklint itself emits (not from a rule file), for `gklint explain`.
struct ToolRule {
  const char* id;
  const char* kind;
  const char* zh;
  const char* en;
};
const ToolRule kToolRules[] = {
    {"input.error", "input-error",
     "输入文件无法作为报告读取：文件不存在或无法读取、为空、是二进制文件（PDF、图片、旧版 .doc、加密文档），"
     ".docx 已损坏或过大，或无法识别其文字编码。该文件的其他内容都没有检查。",
     "The input could not be read as a report: missing or unreadable, empty, binary (a PDF, an image, a legacy "
     ".doc, an encrypted document), a damaged or oversized .docx, or text in an encoding that could not be "
     "recognised. Nothing else in that file was checked."},
    {"input.encoding", "input-encoding",
     "文件中有不能按其编码（UTF-8、GB18030、Big5 等）解码的字节，已替换为 �。位置指向第一处；文件其余部分照常检查，"
     "但被替换处的文字可能影响检查结果。可用 --encoding 指定编码。",
     "The file has bytes that are not valid in its encoding (UTF-8, GB18030, Big5…); they were replaced by �. "
     "The location is the first one; the rest of the file is checked as usual, but findings near the replaced "
     "text may be affected. Name the encoding with --encoding."},
    {"rule.error", "rule-error",
     "规则文件有错误（YAML 语法、未知的键、错误的类型、无效的正则表达式、extends 指向不存在的规则集）。位置指向规则文件中的行和列。",
     "A rule file has an error (YAML syntax, an unknown key, a wrong type, an invalid pattern, an extends that "
     "names no rule set). The location is the line and column in the rule file."},
    {"ruleset.year", "ruleset-year",
     "用 --rules 指定的规则集并非为该报告年度制定（例如用 gov-2007 检查 2020 年报告），检查结果可能不适用。",
     "The rule set named with --rules was not written for the report's year (e.g. gov-2007 on a 2020 report); "
     "its findings may not apply."},
};

// A folder's file is linted when its path below the folder, or its name, matches an include glob
// and no exclude glob; a folder matching an exclude glob is not entered.
bool matches_any(const std::vector<std::string>& globs, const fs::path& rel) {
  const std::string path = rel.generic_string(), name = rel.filename().string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), FNM_PATHNAME) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
  });
}

// Paths in the order given; a folder's matching files sorted, so output is the same every run.
// Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
// Files named explicitly are always linted.
std::vector<std::string> expand(const std::vector<std::string>& paths, std::vector<std::string> include,
                                const std::vector<std::string>& exclude) {
  // .doc files are listed too, so a folder of old drafts says which ones could not be checked.
  if (include.empty()) {
    include = {"*.txt", "*.md", "*.html", "*.htm", "*.docx", "*.doc", "*.TXT", "*.MD", "*.HTML", "*.HTM", "*.DOCX", "*.DOC"};
  }
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path rel = it->path().lexically_relative(p);
        if (matches_any(exclude, rel)) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && matches_any(include, rel)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
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
               static_cast<long long>(p.files),
               std::chrono::duration<double, std::milli>(wall).count(), ms(total));
  for (const auto& [name, ns] : rows) {
    std::fprintf(stderr, "  %6.1f%%  %10.2f ms  %s\n", total ? 100.0 * static_cast<double>(ns) / static_cast<double>(total) : 0.0,
                 ms(ns), name.c_str());
  }
}

int list_rules(Catalog& catalog, const Options& o, Lang lang) {
  std::vector<std::string> ids = o.rules_id.empty() ? catalog.builtin_ids() : std::vector<std::string>{o.rules_id};
  for (const std::string& id : ids) {
    std::vector<RuleError> errors;
    auto set = catalog.get(id, &errors);
    if (!set) {
      for (const auto& e : errors) std::cerr << "gklint: " << e.file << ": " << e.message << "\n";
      return 2;
    }
    if (set->abstract && o.rules_id.empty()) continue;
    std::cout << set->id << "  " << set->title.in(lang);
    if (set->year_from || set->year_to) {
      std::cout << "  [" << (set->year_from ? std::to_string(set->year_from) : "") << "–"
                << (set->year_to ? std::to_string(set->year_to) : "") << "]";
    } else {
      std::cout << (lang == Lang::en ? "  [only with --rules]" : "  [仅在 --rules 指定时使用]");
    }
    std::cout << "\n";
    if (set->lineage.size() > 1) {
      std::cout << "  extends:";
      for (size_t i = 0; i + 1 < set->lineage.size(); ++i) std::cout << " " << set->lineage[i];
      std::cout << "\n";
    }
    std::cout << (lang == Lang::en ? "  sections:\n" : "  章节：\n");
    for (const Section& s : set->sections) {
      std::cout << "    " << s.id << "  " << s.title.in(lang)
                << (s.required ? "" : (lang == Lang::en ? " (optional)" : "（可选）")) << "\n";
    }
    std::cout << (lang == Lang::en ? "  rules:\n" : "  规则：\n");
    for (const Rule& r : set->rules) {
      std::cout << "    " << r.id << "  " << severity_name(r.severity) << "  " << r.summary.in(lang) << "\n";
    }
  }
  return 0;
}

int explain(Catalog& catalog, const std::string& id, Lang lang) {
  for (const ToolRule& t : kToolRules) {
    if (id == t.id) {
      std::cout << t.id << "  (kind: " << t.kind << ", error)\n\n" << (lang == Lang::en ? t.en : t.zh) << "\n";
      return 0;
    }
  }
  const Rule* first = nullptr;
  std::vector<std::pair<std::string, const Rule*>> uses;  // rule set id -> rule
  std::vector<std::string> all_ids;
  for (const std::string& set_id : catalog.builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = catalog.get(set_id, &errors);
    if (!set || set->abstract) continue;
    for (const Rule& r : set->rules) {
      all_ids.push_back(r.id);
      if (r.id == id) {
        if (!first) first = &r;
        uses.emplace_back(set->id, &r);
      }
    }
  }
  if (!first) {
    std::sort(all_ids.begin(), all_ids.end());
    all_ids.erase(std::unique(all_ids.begin(), all_ids.end()), all_ids.end());
    std::cerr << "gklint: " << (lang == Lang::en ? "no rule named " : "没有名为 ") << "`" << id << "`"
              << (lang == Lang::en ? "; rules: " : " 的规则；已有规则：");
    for (size_t i = 0; i < all_ids.size(); ++i) std::cerr << (i ? ", " : "") << all_ids[i];
    for (const ToolRule& t : kToolRules) std::cerr << ", " << t.id;
    std::cerr << "\n";
    return 2;
  }
  const bool en = lang == Lang::en;
  std::cout << first->id << "  (kind: " << first->kind << ", " << severity_name(first->severity) << ")\n";
  if (!first->summary.zh.empty()) std::cout << first->summary.in(lang) << "\n";
  std::cout << "\n" << first->doc.in(lang) << "\n";
  if (!first->example.empty()) std::cout << (en ? "Example:\n" : "示例：\n") << first->example << "\n";
  std::cout << (en ? "Basis, by rule set:\n" : "依据（按规则集）：\n");
  for (const auto& [set_id, r] : uses) {
    std::cout << "  " << set_id << ": " << (r->cite.empty() ? "-" : r->cite) << "  (" << r->defined_at << ")\n";
  }
  return 0;
}

const char* style_name(NumberStyle s) {
  switch (s) {
    case NumberStyle::none: return "bare";
    case NumberStyle::part: return "part";
    case NumberStyle::cn_dun: return "一、";
    case NumberStyle::cn_paren: return "（一）";
    case NumberStyle::arabic_dot: return "1.";
    case NumberStyle::arabic_paren: return "（1）";
  }
  return "";
}

// What gklint read from a report: the facts and every heading, with positions, so a user can see
// why a section was or was not recognised.
void print_outline(const FileResult& r, bool en) {
  const Source& src = *r.source;
  const auto where = [&](Span s) {
    Position p = src.position(s.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  };
  const Facts& f = r.report.facts;
  std::cout << (en ? "rule set:     " : "规则集：  ") << r.ruleset << "\n";
  std::cout << (en ? "title:        " : "标题：    ")
            << (f.title ? where(*f.title) + "  " + std::string(span_text(src, *f.title)) : "-") << "\n";
  std::cout << (en ? "report year:  " : "报告年度：") << (r.report_year ? std::to_string(r.report_year) : "-")
            << (r.year_source.empty() ? "" : " (" + r.year_source + ")") << "\n";
  std::cout << (en ? "period:       " : "统计期限：")
            << (f.period ? where(*f.period) + "  " + std::string(span_text(src, *f.period)) : "-") << "\n";
  std::cout << (en ? "agency:       " : "机关：    ")
            << (f.agency ? where(*f.agency) + "  " + std::string(span_text(src, *f.agency)) : "-") << "\n";
  std::cout << (en ? "headings:\n" : "标题层级：\n");
  for (const Heading& h : r.report.headings) {
    std::string pos = where(h.span);
    pos.resize(std::max<size_t>(pos.size(), 8), ' ');
    std::cout << "  " << pos << std::string(static_cast<size_t>(h.level) * 2, ' ') << span_text(src, h.span) << "  ["
              << style_name(h.style) << (h.in_paragraph ? (en ? ", in a paragraph" : "，段落中") : "") << "]\n";
  }
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The tables as data: one record per cell with its value (null when not a number), the text as
// printed, and its line and column; for researchers, and for seeing what the table reader read.
void extract(const FileResult& r, bool csv, bool* first, std::ostream& out) {
  const Source& src = *r.source;
  nlohmann::ordered_json file;
  file["path"] = r.path;
  file["ruleset"] = r.ruleset.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.ruleset);
  file["report_year"] = r.report_year ? nlohmann::ordered_json(r.report_year) : nlohmann::ordered_json(nullptr);
  file["tables"] = nlohmann::ordered_json::array();
  for (const Table& t : r.report.tables) {
    const TableDef& def = *t.def;
    nlohmann::ordered_json table;
    table["table"] = def.id;
    table["title"] = def.title;
    table["readable"] = !t.unreadable;
    table["cells"] = nlohmann::ordered_json::array();
    if (t.unreadable && csv) {
      std::cerr << "gklint: " << r.path << ": " << def.title << ": cannot be read reliably; left out of the CSV\n";
      continue;
    }
    for (const ReadRow& row : t.rows) {
      const RowDef& rd = def.rows[row.def];
      if (rd.group) continue;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const Cell& cell = row.cells[c];
        const Position p = src.position(cell.span.begin);
        const std::string column_label = c < def.columns.size() ? def.columns[c].label : "";
        const std::string column_id = c < def.columns.size() ? def.columns[c].id : std::to_string(c + 1);
        const std::string row_label = rd.unlabeled && c < def.columns.size() ? def.columns[c].group : rd.name;
        const std::string printed(span_text(src, cell.span));
        nlohmann::ordered_json value = nullptr;
        if (cell.state == Cell::State::number) {
          value = cell.decimals == 0 ? nlohmann::ordered_json(cell.units) : nlohmann::ordered_json(cell.value);
        }
        if (csv) {
          out << csv_field(r.path) << ',' << def.id << ',' << rd.id << ',' << csv_field(row_label) << ',' << column_id
              << ',' << csv_field(column_label) << ',' << (value.is_null() ? "" : value.dump()) << ','
              << csv_field(printed) << ',' << p.line << ',' << p.column << '\n';
        } else {
          table["cells"].push_back({{"row_id", rd.id}, {"row_label", row_label}, {"column_id", column_id},
                                    {"column_label", column_label}, {"value", value}, {"text", printed},
                                    {"line", p.line}, {"column", p.column}});
        }
      }
    }
    file["tables"].push_back(std::move(table));
  }
  if (!csv) {
    out << (*first ? "\n" : ",\n") << file.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    *first = false;
  }
}

// The text as gklint reads it, each line led by where it is in the user's file, so any position in
// a finding can be followed: for a .docx, every paragraph with its number (and its table cell); for
// a page, each line of extracted text with the HTML line:column it starts at.
void print_cat(const FileResult& r) {
  const Source& src = *r.source;
  if (src.format() == "docx") {
    // A paragraph's table cell, from the first origin that maps into it.
    std::vector<GridRef> grid(src.display_line_count() + 1);
    for (uint32_t line = 1; line <= src.line_count(); ++line) {
      const std::string_view t = src.line_text(line);
      const auto begin = static_cast<uint32_t>(t.data() - src.text().data());
      for (uint32_t at = begin; at <= begin + t.size(); ++at) {
        const Position p = src.position(at);
        if (p.line < grid.size() && p.grid.table && !grid[p.line].table) grid[p.line] = p.grid;
        const size_t bar = t.find(" | ", at - begin);
        if (bar == std::string_view::npos) break;
        at = begin + static_cast<uint32_t>(bar) + 2;
      }
    }
    const int width = static_cast<int>(std::to_string(src.display_line_count()).size());
    for (uint32_t n = 1; n <= src.display_line_count(); ++n) {
      std::cout << std::string(width - std::to_string(n).size(), ' ') << n << " | ";
      if (grid[n].table) {
        std::cout << "[表" << grid[n].table << " 行" << grid[n].row << " 列" << grid[n].column << "] ";
      }
      std::cout << src.display_line(n) << "\n";
    }
    return;
  }
  for (uint32_t line = 1; line <= src.line_count(); ++line) {
    const std::string_view t = src.line_text(line);
    if (line == src.line_count() && t.empty()) break;  // after the final line end
    const Position p = src.position(static_cast<uint32_t>(t.data() - src.text().data()));
    std::string where = std::to_string(p.line);
    if (src.format() == "html") where += ":" + std::to_string(p.column);
    std::cout << where << " | " << t << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "gklint " GKLINT_VERSION
      " — 政府信息公开工作年度报告检查工具 / linter for government information-disclosure annual reports\n\n"
      "  gklint report.txt                 lint one report (exit 1 if it has errors)\n"
      "  gklint reports/ --format json     lint every report below a folder (.txt .md .html .htm .docx)\n"
      "  gklint --rules gov-2007 a.txt     force a rule set (default: chosen by the report year)\n"
      "  gklint rules [ID]                 list the built-in rule sets and their rules\n"
      "  gklint explain RULE-ID            what a rule checks, why, and the article it cites\n"
      "  gklint extract FILE --format csv  the tables as data, one record per cell\n"
      "  gklint outline FILE               what gklint read: title, year, period, agency, headings\n"
      "  gklint cat FILE                   the text gklint reads, numbered as findings are located\n\n"
      "Inputs: plain text in UTF-8, UTF-16 (with BOM), GB18030/GBK/GB2312 or Big5 (detected; or\n"
      "--encoding), HTML pages, and Word .docx (a finding's line is then the paragraph number).\n\n"
      "Exit status: 0 no finding at or above --fail-on; 1 findings; 2 usage error, a rule file error,\n"
      "or an input that could not be read at all. `-` reads a report from standard input.",
      "gklint"};
  app.set_version_flag("--version", "gklint " GKLINT_VERSION);
  app.add_option("paths", o.paths, "report files (.txt .md .html .htm .docx) or folders; - for standard input");
  app.add_option("--rules", o.rules, "rule set: a built-in id (gov-2007, gov-2019, gov-2021, …) or a YAML file")
      ->type_name("ID|FILE");
  app.add_option("--year", o.year, "report year, overriding the one found in the report")
      ->check(CLI::Range(1990, 2100));
  app.add_option("--format", o.format, "output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  app.add_option("--fail-on", o.fail_on, "lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  app.add_option("--lang", o.lang, "language of messages")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  app.add_option("-j,--jobs", o.jobs, "worker threads (default: every core); output stays in input order")
      ->check(CLI::Range(1, 256));
  app.add_option("--files-from", o.files_from, "also lint the paths listed in FILE, one a line (- for standard input)")
      ->type_name("FILE");
  // One glob per option (repeat it for more), so `--include '*.txt' reports/` keeps reports/ a path.
  app.add_option("--include", o.include,
                 "in folders, lint files matching GLOB (repeatable; default: *.txt *.md *.html *.htm *.docx *.doc)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--exclude", o.exclude, "in folders, skip files and folders matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--encoding", o.encoding,
                 "encoding of text files and pages (GB18030, GBK, Big5, UTF-8, UTF-16LE, …; default: detected)")
      ->type_name("NAME")
      ->check([](const std::string& name) {
        return encoding_known(name) ? std::string() : "unknown encoding: " + name;
      });
  app.add_flag("-q,--quiet", o.quiet, "only the findings: no summary, no progress");
  app.add_flag("--profile", o.profile, "print the time spent per stage and per rule on standard error");
  app.add_option("--color", o.color, "colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  CLI::App* rules_cmd = app.add_subcommand("rules", "list the built-in rule sets, their sections and rules");
  rules_cmd->add_option("id", o.rules_id, "one rule set (a built-in id or a YAML file)");
  CLI::App* explain_cmd = app.add_subcommand("explain", "explain a rule: what it checks, why, the article it cites");
  explain_cmd->add_option("rule", o.explain_id, "rule id, e.g. section.missing")->required();
  CLI::App* extract_cmd = app.add_subcommand("extract", "write the tables as data: one record per cell (JSON or CSV)");
  extract_cmd->add_option("paths", o.extract_paths, "report files or folders")->required();
  extract_cmd->add_option("--format", o.extract_format, "json or csv")->check(CLI::IsMember({"json", "csv"}))->capture_default_str();
  CLI::App* outline_cmd = app.add_subcommand("outline", "show what gklint reads from a report: title, year, headings");
  outline_cmd->add_option("file", o.outline_path, "report file")->required();
  CLI::App* cat_cmd = app.add_subcommand("cat", "print the text gklint reads from a file, numbered as findings are located");
  cat_cmd->add_option("file", o.cat_path, "report file (.txt, .html, .docx, …)")->required();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  const Lang lang = o.lang == "en" ? Lang::en : Lang::zh;
  Catalog catalog;
  if (*rules_cmd) return list_rules(catalog, o, lang);
  if (*explain_cmd) return explain(catalog, o.explain_id, lang);

  if (o.paths.empty() && o.files_from.empty() && !*outline_cmd && !*extract_cmd && !*cat_cmd) {
    std::cerr << "gklint: " << (lang == Lang::en ? "no input files; see gklint --help" : "没有输入文件；用法见 gklint --help")
              << "\n";
    return 2;
  }

  const bool json = o.format == "json";
  TextStyle style;
  style.lang = lang;
  style.color = o.color == "always" || (o.color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));

  std::shared_ptr<const RuleSet> fixed;
  if (!o.rules.empty()) {
    std::vector<RuleError> errors;
    fixed = catalog.get(o.rules, &errors);
    if (!fixed) {
      Summary summary;
      JsonWriter* writer = nullptr;
      std::unique_ptr<JsonWriter> holder;
      if (json) writer = (holder = std::make_unique<JsonWriter>(std::cout)).get();
      for (const RuleError& e : errors) {
        FileResult r = rule_error_result(e, lang);
        summary.add(r);
        if (writer) writer->file(r);
        else write_text(std::cout, r, style);
      }
      if (writer) writer->finish(summary);
      return 2;
    }
  }

  LintOptions lint_options;
  lint_options.year = o.year;
  lint_options.lang = lang;
  lint_options.encoding = o.encoding;
  const Linter linter(catalog, fixed, lint_options);

  if (*extract_cmd) {
    const bool csv = o.extract_format == "csv";
    bool first = true, unreadable = false;
    if (csv) std::cout << "path,table,row_id,row_label,column_id,column_label,value,text,line,column\n";
    else std::cout << "{\"version\":1,\"files\":[";
    for (const std::string& path : expand(o.extract_paths, o.include, o.exclude)) {
      FileResult r = lint_path(linter, path, lang, nullptr);
      if (r.unreadable) {
        std::cerr << "gklint: " << path << ": " << r.diagnostics.front().message << "\n";
        unreadable = true;
        continue;
      }
      extract(r, csv, &first, std::cout);
    }
    if (!csv) std::cout << "\n]}\n";
    return unreadable ? 2 : 0;
  }

  if (*cat_cmd) {
    FileResult r = lint_path(linter, o.cat_path, lang, nullptr);
    if (r.unreadable) {
      write_text(std::cout, r, style);
      return 2;
    }
    print_cat(r);
    return 0;
  }

  if (*outline_cmd) {
    FileResult r = lint_path(linter, o.outline_path, lang, nullptr);
    if (r.unreadable) {
      write_text(std::cout, r, style);
      return 2;
    }
    print_outline(r, lang == Lang::en);
    return 0;
  }

  Summary summary;
  std::unique_ptr<JsonWriter> writer;
  if (json) writer = std::make_unique<JsonWriter>(std::cout);
  Severity threshold = Severity::error;
  const bool never = o.fail_on == "never";
  if (!never) parse_severity(o.fail_on, &threshold);
  bool failed = false;

  // Inputs: the paths given, then the lines of --files-from.
  std::vector<std::string> inputs = o.paths;
  if (!o.files_from.empty()) {
    std::ifstream list_file;
    if (o.files_from != "-") list_file.open(o.files_from);
    std::istream& list = o.files_from == "-" ? std::cin : list_file;
    if (!list) {
      std::cerr << "gklint: --files-from " << o.files_from << ": " << (lang == Lang::en ? "cannot read" : "无法读取") << "\n";
      return 2;
    }
    for (std::string line; std::getline(list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) inputs.push_back(line);
    }
  }
  const std::vector<std::string> files = expand(inputs, o.include, o.exclude);

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
  lint_batch(linter, files, o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
             lang,
             [&](FileResult& r) {
               summary.add(r);
               for (const Diagnostic& d : r.diagnostics) {
                 if (!never && d.severity >= threshold) failed = true;
               }
               if (writer) writer->file(r);
               else write_text(std::cout, r, style);
             },
             progress, o.profile ? &profile : nullptr);
  if (progress_shown) std::cerr << "\r\033[K" << std::flush;
  if (o.profile) print_profile(profile, std::chrono::steady_clock::now() - started);
  if (writer) writer->finish(summary);
  else if (!o.quiet) write_text_summary(std::cout, summary, style);
  if (summary.unreadable > 0) return 2;
  return failed ? 1 : 0;
}
