// --format github: GitHub Actions workflow commands, which the runner turns into annotations on
// the pull request's files:
//   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// (`warning`, and `notice` for an info). Escaped as the runner's toolkit (@actions/core) does.
// GitHub shows at most 10 annotations of each severity per step, so the first 10 of each are
// printed, errors first, and one plain line says how many were left out. With a step summary file
// (GITHUB_STEP_SUMMARY), the counts, the files with most findings and a table of rules go there.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>

#include "emit/writers.hpp"

namespace gklint {

namespace {

const char* command_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

// The message after `::`: a `%` or a line break would end or garble the command.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// A property value: also `:` (ends the properties) and `,` (separates them).
std::string escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

constexpr size_t kAnnotationsPerSeverity = 10;  // what GitHub shows of each severity in a step

// Errors first: index 0 error, 1 warning, 2 notice.
size_t rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

// A table cell of the step summary: `|` and line breaks would break the row.
std::string md_cell(std::string_view text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  return out;
}

class GithubWriter : public Writer {
 public:
  GithubWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), summary_path_(options.step_summary), en_(options.style.lang == Lang::en) {}

  void file(const FileResult& r) override {
    size_t errors = 0, warnings = 0;
    for (const Diagnostic& d : r.diagnostics) {
      errors += d.severity == Severity::error;
      warnings += d.severity == Severity::warning;
      const size_t k = rank(d.severity);
      if (kept_[k].size() >= kAnnotationsPerSeverity) {
        ++left_out_[k];
        continue;
      }
      const Range at = range_of(*r.source, d.span);
      kept_[k].push_back("::" + std::string(command_of(d.severity)) + " file=" + escape_property(r.path) +
                         ",line=" + std::to_string(at.begin.line) + ",col=" + std::to_string(at.begin.column) +
                         ",endLine=" + std::to_string(at.end.line) + ",endColumn=" + std::to_string(at.end.column) +
                         ",title=" + escape_property(d.rule) + "::" + escape_data(d.message) + "\n");
    }
    if (!summary_path_.empty() && (errors || warnings)) files_.push_back({r.path, errors, warnings});
  }

  void finish(const Summary& s) override {
    for (const auto& lines : kept_) {
      for (const std::string& line : lines) out_ << line;
    }
    const size_t left = left_out_[0] + left_out_[1] + left_out_[2];
    if (left > 0) {
      const std::string counts = std::to_string(left_out_[0]) + (en_ ? " errors, " : " 个错误，") +
                                 std::to_string(left_out_[1]) + (en_ ? " warnings, " : " 个警告，") +
                                 std::to_string(left_out_[2]) + (en_ ? " notices" : " 条提示");
      out_ << (en_ ? "gklint: " + std::to_string(left) +
                         " more findings not shown as annotations (GitHub shows 10 of each severity in a step): " +
                         counts + "; the job summary and --format sarif have every finding\n"
                   : "gklint：另有 " + std::to_string(left) +
                         " 条结果未显示为注释（GitHub 每个步骤每种级别只显示 10 条）：" + counts +
                         "；作业摘要和 --format sarif 中有全部结果\n");
    }
    out_.flush();
    if (!summary_path_.empty()) write_step_summary(s);
  }

 private:
  struct FileCount {
    std::string path;
    size_t errors, warnings;
  };

  // Markdown appended to the step summary file: the counts, the files with most errors, the rules.
  void write_step_summary(const Summary& s) {
    std::ofstream md(summary_path_, std::ios::app | std::ios::binary);
    if (!md) return;  // a summary that cannot be written must not fail the lint
    md << "### gklint\n\n" << summary_counts(s, en_ ? Lang::en : Lang::zh) << "\n\n";
    if (!files_.empty()) {
      std::stable_sort(files_.begin(), files_.end(), [](const FileCount& a, const FileCount& b) {
        return a.errors != b.errors ? a.errors > b.errors : a.warnings > b.warnings;
      });
      md << (en_ ? "| file | errors | warnings |\n" : "| 文件 | 错误 | 警告 |\n") << "|---|---:|---:|\n";
      for (size_t i = 0; i < files_.size() && i < 10; ++i) {
        md << "| " << md_cell(files_[i].path) << " | " << files_[i].errors << " | " << files_[i].warnings << " |\n";
      }
      if (files_.size() > 10)
        md << (en_ ? "\nand " : "\n另有 ") << files_.size() - 10 << (en_ ? " more files\n" : " 个文件\n");
      md << "\n";
    }
    if (!s.by_rule.empty()) {
      md << (en_ ? "| rule | findings |\n" : "| 规则 | 结果数 |\n") << "|---|---:|\n";
      for (const auto& [rule, n] : s.by_rule) md << "| `" << md_cell(rule) << "` | " << n << " |\n";
      md << "\n";
    }
  }

  std::ostream& out_;
  std::string summary_path_;
  bool en_;
  std::array<std::vector<std::string>, 3> kept_;
  std::array<size_t, 3> left_out_{};
  std::vector<FileCount> files_;
};

}  // namespace

std::unique_ptr<Writer> make_github_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<GithubWriter>(out, options);
}

}  // namespace gklint
