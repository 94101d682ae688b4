#include <algorithm>
#include <sstream>

#include "emit/writers.hpp"
#include "gklint/emit.hpp"

namespace gklint {

namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;33m";
    case Severity::info: return "\033[1;36m";
  }
  return "";
}

int width_of(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) w += display_width(utf8_next(s, i));
  return w;
}

}  // namespace

int display_width(char32_t c) {
  if (c == '\t') return 1;  // shown as one space
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

void Summary::add(const FileResult& r) {
  ++files;
  if (r.unreadable) {
    ++unreadable;
    unreadable_paths.push_back(r.path);
  }
  if (without_previous >= 0 && !r.unreadable && r.previous_year == 0) ++without_previous;
  for (const Diagnostic& d : r.diagnostics) {
    ++by_rule[d.rule];
    switch (d.severity) {
      case Severity::error: ++errors; break;
      case Severity::warning: ++warnings; break;
      case Severity::info: ++infos; break;
    }
  }
}

namespace {

// The first `n` characters of `s`, blanks before them left out, "…" when there is more.
std::string opening(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    const char32_t c = utf8_next(s, next);
    if (c != ' ' && c != '\t' && c != 0xA0 && c != 0x3000 && c != 0xFEFF && !(c >= 0x2000 && c <= 0x200B)) break;
    i = next;
  }
  const size_t from = i;
  for (size_t k = 0; k < n && i < s.size(); ++k) utf8_next(s, i);
  return std::string(s.substr(from, i - from)) + (i < s.size() ? "…" : "");
}

// Where a finding is in Word's terms, for a .docx (Word shows no paragraph numbers): the heading it
// falls under, and the paragraph by its opening words, or the table cell (also when it is blank).
std::string word_place(const FileResult& r, const Diagnostic& d, const Position& p, Lang lang) {
  const bool en = lang == Lang::en;
  const Source& src = *r.source;
  const auto& hs = r.report.headings;
  // The last heading that begins at or before the finding; for a finding on a heading, the one it
  // is under.
  const auto after = std::upper_bound(hs.begin(), hs.end(), d.span.begin,
                                      [](uint32_t at, const Heading& h) { return at < h.span.begin; });
  int under = after == hs.begin() ? -1 : static_cast<int>(after - hs.begin()) - 1;
  if (under >= 0 && hs[static_cast<size_t>(under)].span.begin == d.span.begin) {
    under = hs[static_cast<size_t>(under)].parent;
  }
  std::string out = en ? "in Word: " : "在 Word 中：";
  if (under >= 0) {
    const std::string heading = opening(span_text(src, hs[static_cast<size_t>(under)].span), 20);
    out += en ? "under \"" + heading + "\", " : "“" + heading + "”之下，";
  }
  if (p.grid.table) {
    const std::string t = std::to_string(p.grid.table), row = std::to_string(p.grid.row),
                      col = std::to_string(p.grid.column);
    return out + (en ? "table " + t + ", row " + row + ", column " + col
                     : "表格 " + t + " 第 " + row + " 行第 " + col + " 列");
  }
  const std::string n = std::to_string(p.line);
  const std::string words = opening(src.display_line(p.line), 16);
  if (words.empty()) return out + (en ? "paragraph " + n + " (empty)" : "第 " + n + " 段（空段落）");
  return out + (en ? "paragraph " + n + " \"" + words + "\"" : "第 " + n + " 段“" + words + "”");
}

}  // namespace

void write_text(std::ostream& out, const FileResult& r, const TextStyle& style) {
  const Source& src = *r.source;
  const bool en = style.lang == Lang::en;
  const auto paint = [&](const char* code) { return style.color ? code : ""; };
  LineWindows windows;
  for (const Diagnostic& d : r.diagnostics) {
    const Position p = src.position(d.span.begin);
    // A PDF: page:line:column, the line counted on its page.
    out << paint(kBold) << r.path << ":";
    if (p.page) out << p.page << ":" << p.page_line << ":";
    if (!p.page) out << p.line << ":";
    out << p.column << ":" << paint(kReset) << " " << paint(severity_color(d.severity))
        << severity_label(d.severity, style.lang) << ":" << paint(kReset) << " " << d.message << " [" << d.rule
        << "]\n";
    const std::string number = std::to_string(p.page ? p.page_line : p.line);
    const std::string gutter(number.size(), ' ');
    // The line of the user's file, long lines cut to a window around the span, and a caret under
    // the span. For a page or a .docx the span is found in that line by its columns. An empty line
    // (a blank table cell) is not shown; where it is still is, below.
    const LineWindow w = windows.of(src, d.span);
    if (w.shown) {
      std::string shown = std::string(w.before) + std::string(w.marked) + std::string(w.after);
      std::replace(shown.begin(), shown.end(), '\t', ' ');
      const std::string prefix = (w.cut_before ? "…" : "");
      out << paint(kBold) << " " << number << " | " << paint(kReset) << prefix << shown << (w.cut_after ? "…" : "")
          << "\n";
      const int pad = width_of(prefix) + width_of(w.before);
      const int len = std::max(1, width_of(w.marked));
      out << paint(kBold) << " " << gutter << " | " << paint(kReset) << std::string(pad, ' ')
          << paint(severity_color(d.severity)) << std::string(len, '^') << paint(kReset) << "\n";
    }
    if (p.page) {
      out << " " << gutter << " = "
          << (en ? "page " + std::to_string(p.page) + ", line " + std::to_string(p.page_line)
                 : "第 " + std::to_string(p.page) + " 页第 " + std::to_string(p.page_line) + " 行")
          << "\n";
    }
    if (p.grid.table && src.format() != "docx") {  // a .docx says it in Word's terms, below
      out << " " << gutter << " = "
          << (en ? "in table " + std::to_string(p.grid.table) + ", row " + std::to_string(p.grid.row) + ", column " +
                       std::to_string(p.grid.column)
                 : "位于表格 " + std::to_string(p.grid.table) + " 第 " + std::to_string(p.grid.row) + " 行第 " +
                       std::to_string(p.grid.column) + " 列")
          << "\n";
    }
    if (src.format() == "docx") out << " " << gutter << " = " << word_place(r, d, p, style.lang) << "\n";
    if (!d.cite.empty()) out << " " << gutter << " = " << (en ? "basis: " : "依据：") << d.cite << "\n";
    // A place in another file (last year's report): where to look there.
    for (const Related& rel : d.related) {
      if (!rel.source) continue;
      const Position at = rel.source->position(rel.span.begin);
      out << " " << gutter << " = " << (en ? "compared with: " : "对照：") << rel.source->path() << ":"
          << (at.page ? std::to_string(at.page) + ":" + std::to_string(at.page_line) : std::to_string(at.line)) << ":"
          << at.column << " " << rel.label << " = " << rel.value << "\n";
    }
    if (d.fix) out << " " << gutter << " = " << fix_description(src, *d.fix, style.lang) << "\n";
  }
}

const char* severity_label(Severity s, Lang lang) {
  if (lang == Lang::en) return severity_name(s);
  switch (s) {
    case Severity::error: return "错误";
    case Severity::warning: return "警告";
    case Severity::info: return "提示";
  }
  return "";
}

std::string fix_description(const Source& src, const Fix& fix, Lang lang) {
  const bool en = lang == Lang::en;
  if (fix.span.end > fix.span.begin) {
    const std::string was(span_text(src, fix.span));
    return en ? "fix: replace \"" + was + "\" with \"" + fix.replacement + "\""
              : "修正：将“" + was + "”改为“" + fix.replacement + "”";
  }
  // An insertion: said after the few characters before it on its line.
  const std::string_view text = src.text();
  size_t from = std::min<size_t>(fix.span.begin, text.size());
  for (int n = 0; n < 6 && from > 0 && text[from - 1] != '\n' && text[from - 1] != '\r'; ++n) {
    do --from;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80);
  }
  const std::string before(text.substr(from, std::min<size_t>(fix.span.begin, text.size()) - from));
  if (before.empty()) {
    return en ? "fix: insert \"" + fix.replacement + "\"" : "修正：插入“" + fix.replacement + "”";
  }
  return en ? "fix: insert \"" + fix.replacement + "\" after \"" + before + "\""
            : "修正：在“" + before + "”后插入“" + fix.replacement + "”";
}

std::string summary_counts(const Summary& s, Lang lang) {
  std::ostringstream out;
  if (lang == Lang::en) {
    out << s.files << (s.files == 1 ? " file" : " files") << " checked: " << s.errors << " error(s), " << s.warnings
        << " warning(s), " << s.infos << " info";
    if (s.unreadable) out << "; " << s.unreadable << " could not be checked";
    if (s.suppressed) out << "; " << s.suppressed << " in the baseline, not shown";
    if (s.baseline_unmatched > 0) out << "; " << s.baseline_unmatched << " baseline entries match no finding";
    if (s.without_previous > 0) {
      out << "; " << s.without_previous << (s.without_previous == 1 ? " report" : " reports")
          << " had no previous year to compare with";
    }
  } else {
    out << "共检查 " << s.files << " 个文件：" << s.errors << " 个错误，" << s.warnings << " 个警告，" << s.infos
        << " 条提示";
    if (s.unreadable) out << "；" << s.unreadable << " 个文件无法检查";
    if (s.suppressed) out << "；另有 " << s.suppressed << " 条已在基线中，未列出";
    if (s.baseline_unmatched > 0) out << "；基线中有 " << s.baseline_unmatched << " 条记录已无对应结果";
    if (s.without_previous > 0) out << "；" << s.without_previous << " 份报告没有上一年度的报告可对照";
  }
  return out.str();
}

void write_text_summary(std::ostream& out, const Summary& s, const TextStyle& style) {
  out << summary_counts(s, style.lang) << "\n";
  // In a batch, which rules fired and which files could not be checked.
  if (s.files > 1 && !s.by_rule.empty()) {
    std::vector<std::pair<std::string, int>> rules(s.by_rule.begin(), s.by_rule.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out << (style.lang == Lang::en ? "  by rule:" : "  按规则：");
    for (const auto& [rule, count] : rules) out << " " << rule << " " << count;
    out << "\n";
  }
  if (s.files > 1 && !s.unreadable_paths.empty()) {
    out << (style.lang == Lang::en ? "  could not be checked:" : "  无法检查：");
    for (const std::string& p : s.unreadable_paths) out << " " << p;
    out << "\n";
  }
}

namespace {

// The human format: each finding with its line and a caret, then the summary line (unless -q).
class TextWriter : public Writer {
 public:
  TextWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void file(const FileResult& r) override { write_text(out_, r, options_.style); }
  void finish(const Summary& s) override {
    if (!options_.quiet) write_text_summary(out_, s, options_.style);
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_text_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace gklint
