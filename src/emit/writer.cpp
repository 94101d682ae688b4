#include "emit/writers.hpp"

#include <algorithm>
#include <cctype>

namespace gklint {

Writer::~Writer() = default;

// The writers, one file each (src/emit/NAME.cpp).
std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_text_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_gcc_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_gitlab_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_html_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_github_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_junit_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_rdjson_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const WriterOptions& options);

// The output formats. A new one: its writer in src/emit/NAME.cpp, declared above and given a line
// here (CONTRIBUTING.md, "Add an output format").
const std::vector<OutputFormat>& output_format_registry() {
  static const std::vector<OutputFormat> formats = {
      {"text", "", "people", "each finding with its line and a caret under it, then the summary", make_text_writer},
      {"json", "docs/json-output.md", "programs",
       "the contract in [docs/json-output.md](docs/json-output.md), a `fingerprint` per finding", make_json_writer},
      {"gcc", "path:line:col: severity: message [rule]", "editors' quickfix lists (Vim, Emacs, VS Code's `$gcc`)",
       "`path:line:col: error\\|warning\\|note: message [rule]`, one line each, nothing else", make_gcc_writer},
      {"sarif", "SARIF 2.1.0", "GitHub code scanning, SARIF viewers",
       "SARIF 2.1.0: every rule of the rule sets used, results with the cells of a sum as related locations, "
       "`partialFingerprints`, the kind-specific fields as properties; for a PDF, lines counted over the "
       "document as `gklint cat` lists them, and the page and line on it in the region's properties",
       make_sarif_writer},
      {"github", "Actions annotations", "GitHub Actions",
       "`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message` (`warning`, `notice`), shown on "
       "the pull request: the first 10 of each severity (what GitHub shows in a step), errors first, then one line "
       "counting the rest; with `GITHUB_STEP_SUMMARY` set, the counts, the files with most errors and a table of "
       "rules are appended to the job summary",
       make_github_writer},
      {"gitlab", "GitLab Code Quality", "GitLab merge requests (`artifacts:reports:codequality`)",
       "GitLab's Code Quality report: `description`, `check_name` (the rule), a `fingerprint` unique in the "
       "report, `severity` (`major` for an error, `minor` a warning, `info`, `critical` for a file that could not "
       "be read), `location.path` and `location.lines`",
       make_gitlab_writer},
      {"junit", "JUnit XML", "CI test reports",
       "a testsuite per file, a testcase per rule: findings at or above `--fail-on` are a `failure`, a file that "
       "could not be read an `error`, other findings `system-out`",
       make_junit_writer},
      {"html", "an overview page", "a supervising office reviewing a batch",
       "one self-contained page for a batch: a row per report (agency, year, rule set, status, counts by "
       "severity) that opens its findings with the source text around each, marked; rules by the reports they "
       "hit; the pairs checked across years and the reports compared with another agency's. Sorting and "
       "filtering work offline, with the keyboard; it prints "
       "(README, \"The overview page\")",
       make_html_writer},
      {"rdjson", "reviewdog", "reviewdog (`-f=rdjson`)",
       "reviewdog's Diagnostic Format; columns counted in UTF-8 bytes, as it requires", make_rdjson_writer},
  };
  return formats;
}

const std::vector<std::string>& output_formats() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const OutputFormat& f : output_format_registry()) n.push_back(f.name);
    return n;
  }();
  return names;
}

std::unique_ptr<Writer> make_writer(const std::string& format, std::ostream& out, const WriterOptions& options) {
  for (const OutputFormat& f : output_format_registry()) {
    if (f.name == format) return f.make(out, options);
  }
  return nullptr;
}

Range range_of(const Source& source, Span span) {
  return {source.position(span.begin), source.position(std::max(span.end, span.begin))};
}

std::shared_ptr<const RuleSet> ruleset_of(const WriterOptions& options, const std::string& id) {
  if (id.empty()) return nullptr;
  if (options.fixed && options.fixed->id == id) return options.fixed;
  if (!options.catalog) return nullptr;
  std::vector<RuleError> errors;
  return options.catalog->get(id, &errors);  // cached and thread-safe
}

LineWindow LineWindows::of(const Source& src, Span span) {
  LineWindow w;
  const Position p = src.position(span.begin);
  w.line = p.line;
  // For a page or a .docx the span is found in its line by its columns. An empty line (a blank
  // table cell) is not shown.
  const std::string_view line = src.display_line(p.line);
  if (line.empty() && span.begin == span.end) return w;
  w.shown = true;
  const Position e = src.position(std::max(span.end, span.begin));
  const size_t span_at = begins_.walk(line, p.line, p.column).byte;
  const size_t span_stop = e.line == p.line && e.column > p.column ? ends_.walk(line, p.line, e.column).byte : span_at;
  size_t from = 0, to = line.size();
  const size_t kBefore = 90, kAfter = 180;  // bytes of context: about 30 and 60 CJK characters
  if (span_at > kBefore) {
    from = span_at - kBefore;
    while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
  }
  if (to - span_at > kAfter) {
    to = span_at + kAfter;
    while (to > from && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) --to;
  }
  const size_t span_end = std::max(span_at, std::min(span_stop, to));
  w.before = line.substr(from, span_at - from);
  w.marked = line.substr(span_at, span_end - span_at);
  w.after = line.substr(span_end, to - span_end);
  w.cut_before = from > 0;
  w.cut_after = to < line.size();
  return w;
}

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string percent_encoded(std::string_view s, std::string_view keep) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        keep.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const int len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char c = text[i];
    if (len == 1) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\r': out += "&#13;"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20)
            out += "\xEF\xBF\xBD";
          else
            out += c;
      }
    } else {
      const std::string_view seq = text.substr(i, static_cast<size_t>(len));
      out += (seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF") ? std::string_view("\xEF\xBF\xBD") : seq;
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

}  // namespace gklint
