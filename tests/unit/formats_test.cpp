// The same report as .txt, .html, .docx, .pdf, GB18030, Big5 or UTF-16 must give the same findings, each
// pointing at a place the user can find in that file. tests/fixtures/formats/ holds copies of
// reports made by real tools (tests/fixtures/README.md); files sharing the name before the first
// dot are the same report, and NAME.txt is the reference.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "gklint/lint.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a finding is, without where it is: the rule, the kind and the kind's fields (section,
// table, row, column…). Positions differ between formats; these must not.
std::vector<std::string> finding_set(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    std::string s = d.rule + " " + d.kind;
    for (const auto& [k, v] : d.fields) s += " " + k + "=" + v;
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "    " + x + "\n";
  return s;
}

// The characters of the user's file at a position, as shown beside a finding.
std::string at(const Source& src, const Position& p, size_t chars) {
  const std::string_view line = src.display_line(p.line);
  size_t i = 0;
  for (uint32_t c = 1; c < p.column && i < line.size(); ++c) utf8_next(line, i);
  size_t j = i;
  for (size_t n = 0; n < chars && j < line.size(); ++n) utf8_next(line, j);
  return std::string(line.substr(i, j - i));
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) utf8_next(s, i);
  return n;
}

// Copies whose tables are read only in part (tests/fixtures/README.md, PDF): the PDF of
// seed-001.pandoc.docx, whose borderless table 三 wraps its header a few letters a line.
const std::set<std::string> kReadInPart = {"seed-001.pandoc-docx.pdf"};

// A finding that says a table could not be read, or not all of it.
bool could_not_read(const std::string& finding) {
  return finding.starts_with("table.rows ") || finding.starts_with("table.unreadable ") ||
         (finding.starts_with("table.missing ") && finding.find(" problem=unread") != std::string::npos);
}

std::string table_of(const std::string& finding) {
  const size_t at = finding.find(" table=");
  if (at == std::string::npos) return {};
  return finding.substr(at + 7, finding.find(' ', at + 7) - at - 7);
}

// Without a garbling finding's count: what a table's header reads as in part may hold one more or
// one less of the garbled runs.
std::string without_count(const std::string& finding) {
  const size_t at = finding.find(" count=");
  return finding.starts_with("text.garbled ") && at != std::string::npos ? finding.substr(0, at) : finding;
}

// Held to the reference's findings less those of the tables the copy says it could not read, with
// nothing added but those warnings.
void check_read_in_part(const std::string& name, const std::vector<std::string>& want,
                        const std::vector<std::string>& got) {
  std::set<std::string> unread, want_keys, got_keys;
  for (const std::string& f : got) {
    if (could_not_read(f)) unread.insert(table_of(f));
    got_keys.insert(without_count(f));
  }
  for (const std::string& f : want) want_keys.insert(without_count(f));
  for (const std::string& f : got_keys) {
    CHECK_MESSAGE((want_keys.count(f) || could_not_read(f)), name << ": added " << f);
  }
  for (const std::string& f : want_keys) {
    CHECK_MESSAGE((got_keys.count(f) || unread.count(table_of(f))), name << ": lost " << f);
  }
}

}  // namespace

TEST_CASE("formats: every copy of a report gives the reference's findings, located in that copy") {
  const fs::path dir = fs::path(GKLINT_SOURCE_DIR) / "tests" / "fixtures" / "formats";
  std::map<std::string, std::vector<fs::path>> groups;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".txt" && ext != ".html" && ext != ".docx" && ext != ".pdf")) continue;
    groups[name.substr(0, name.find('.'))].push_back(entry.path());
  }
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  int compared = 0;
  for (auto& [stem, files] : groups) {
    const fs::path reference = dir / (stem + ".txt");
    if (!fs::exists(reference)) continue;
    const FileResult want = linter.lint(reference.string(), read_file(reference));
    REQUIRE_FALSE(want.unreadable);
    const std::vector<std::string> want_set = finding_set(want);
    std::sort(files.begin(), files.end());
    for (const fs::path& copy : files) {
      if (copy == reference) continue;
      const FileResult got = linter.lint(copy.string(), read_file(copy));
      CHECK_MESSAGE(!got.unreadable, copy.filename().string());
      CHECK_MESSAGE(got.report_year == want.report_year, copy.filename().string());
      const std::vector<std::string> got_set = finding_set(got);
      if (kReadInPart.count(copy.filename().string())) {
        check_read_in_part(copy.filename().string(), want_set, got_set);
      } else {
        CHECK_MESSAGE(got_set == want_set, copy.filename().string() << " (" << got.source->format() << ", "
                                                                    << got.source->encoding() << ")\n  reference:\n"
                                                                    << join(want_set) << "  this copy:\n"
                                                                    << join(got_set));
      }
      // Every cell that fed a sum is where the finding says: its value as printed is at that line
      // and column of the file (the HTML source line, the .docx paragraph, the PDF's line as read;
      // tests/formats_cli_test.sh checks with pdftotext that the page is the one it is printed on).
      // (Text findings' related passages are text as read, which markup may split in the file.)
      for (const Diagnostic& d : got.diagnostics) {
        if (!d.kind.starts_with("table-")) continue;
        for (const Related& rel : d.related) {
          const Position p = got.source->position(rel.span.begin);
          CHECK_MESSAGE(at(*got.source, p, code_points(rel.value)) == rel.value,
                        copy.filename().string() << ": " << d.rule << " cell " << rel.label << " = " << rel.value
                                                 << " said to be at " << p.line << ":" << p.column);
        }
      }
      ++compared;
    }
  }
  CHECK(compared >= 8);
}

namespace {

// A line without its blanks (ASCII, no-break space, and the ideographic space U+3000 that indents
// Chinese text).
std::string without_blanks(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE3\x80\x80") == 0 || s.compare(i, 2, "\xC2\xA0") == 0) {
      i += s[i] == '\xC2' ? 1 : 2;
      continue;
    }
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') out += s[i];
  }
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = std::min(text.find('\n', at), text.size());
    out.push_back(without_blanks(text.substr(at, end - at)));
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("formats: a PDF reads back to its reference's paragraphs, each on one line, page furniture left out") {
  // Every prose line of NAME.txt is one line of the PDF's text: the lines a paragraph was broken
  // into on the page are joined (also over a page break), and nothing of the page's margins (the
  // running header and "- N -" numbers of seed-002.chromium-paged.pdf) is in it.
  const fs::path dir = fs::path(GKLINT_SOURCE_DIR) / "tests" / "fixtures" / "formats";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".pdf") continue;
    const std::string name = entry.path().filename().string();
    const fs::path reference = dir / (name.substr(0, name.find('.')) + ".txt");
    REQUIRE(fs::exists(reference));
    const Source pdf = Source::read(entry.path().string(), read_file(entry.path()));
    REQUIRE_FALSE(pdf.problem());
    const std::vector<std::string> got = lines_of(pdf.text());
    // A line may also be a whole cell of a table row, where the page set it in a table (an HTML
    // page's caption row, printed).
    std::set<std::string> cells;
    for (const std::string& line : got) {
      if (line.find('|') == std::string::npos) continue;
      for (size_t at = 0, bar; (bar = line.find('|', at)) != std::string::npos; at = bar + 1)
        cells.insert(line.substr(at, bar - at));
    }
    for (const std::string& want : lines_of(read_file(reference))) {
      if (want.empty() || want.find('|') != std::string::npos) continue;  // tables: cells, not lines
      CHECK_MESSAGE((std::find(got.begin(), got.end(), want) != got.end() || cells.count(want)),
                    name << ": no line reads " << want);
    }
    for (const std::string& line : got) {
      CHECK_MESSAGE(line.find("某区人民政府办公室") == std::string::npos, name << ": page header in " << line);
      CHECK_MESSAGE(!(line.starts_with("-") && line.ends_with("-")), name << ": page number " << line);
    }
    ++compared;
  }
  CHECK(compared >= 6);
}
