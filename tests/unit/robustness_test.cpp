// Bad input never crashes and every finding points at a real place in the file: lint truncated
// and mutated copies of the seed reports and check each diagnostic's position.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "gklint/lint.hpp"
#include "rules/loader.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

void check_positions(const FileResult& r) {
  const Source& src = *r.source;
  for (const Diagnostic& d : r.diagnostics) {
    REQUIRE(d.span.begin <= d.span.end);
    REQUIRE(d.span.end <= src.text().size());
    Position p = src.position(d.span.begin);
    REQUIRE(p.line >= 1);
    REQUIRE(p.line <= src.line_count());
    REQUIRE(!d.rule.empty());
    REQUIRE(!d.message.empty());
  }
}

}  // namespace

TEST_CASE("robustness: truncated and mutated reports lint without crashing, at real positions") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  std::mt19937 rng(20261122);
  int runs = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/seeds")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (size_t cut = 0; cut <= text.size(); cut += 97) {
      check_positions(linter.lint("cut", text.substr(0, cut)));
      ++runs;
    }
    for (int k = 0; k < 60; ++k) {
      std::string m = text;
      // Replace a few bytes with markers, digits, separators, line ends or random bytes.
      static const char* kPieces[] = {"一、", "（", "）", "\n", "|", "\t", "年", "9", "\xE4", "\r", "十", "。"};
      for (int j = 0; j < 8; ++j) {
        size_t at = rng() % m.size();
        if (rng() % 3 == 0)
          m[at] = static_cast<char>(rng() % 256);
        else
          m.insert(at, kPieces[rng() % (sizeof kPieces / sizeof *kPieces)]);
      }
      check_positions(linter.lint("mutated", m));
      ++runs;
    }
  }
  CHECK(runs > 700);
}

TEST_CASE("robustness: a PDF cut short or with bytes changed is read or refused, never a crash, at real pages") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  std::mt19937 rng(20261205);
  const fs::path pdf = fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/formats/numbering.libreoffice-docx.pdf";
  std::ifstream in(pdf, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  REQUIRE(bytes.starts_with("%PDF-"));
  auto check = [](const FileResult& r) {
    const Source& src = *r.source;
    REQUIRE(src.format() == "pdf");
    for (const Diagnostic& d : r.diagnostics) {
      REQUIRE(d.span.end <= src.text().size());
      const Position p = src.position(d.span.begin);
      REQUIRE(p.line >= 1);
      if (r.unreadable) continue;
      REQUIRE(p.line <= src.display_line_count());
      REQUIRE(p.page >= 1);
      REQUIRE(p.page_line >= 1);
    }
  };
  int refused = 0, read = 0;
  for (size_t k = 1; k <= 16; ++k) {
    const FileResult r = linter.lint("cut.pdf", bytes.substr(0, bytes.size() * k / 16));
    check(r);
    (r.unreadable ? refused : read)++;
  }
  for (int k = 0; k < 24; ++k) {
    std::string m = bytes;
    for (int j = 0; j < 16; ++j) m[5 + rng() % (m.size() - 5)] = static_cast<char>(rng() % 256);
    const FileResult r = linter.lint("mutated.pdf", m);
    check(r);
    (r.unreadable ? refused : read)++;
  }
  CHECK(refused > 0);  // the cut copies without their xref
  CHECK(read > 0);     // the whole file, and copies whose damage poppler repairs
}

TEST_CASE("robustness: digits run together without end are unreadable rows, never a guess or a hang") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  const std::string head = "2020年政府信息公开工作年度报告\n";
  const std::string new_row = "一、本年新收政府信息公开申请数量", carried = "二、上年结转政府信息公开申请数量";
  // One row of 200,000 digits: no cut into seven figures exists.
  FileResult r = linter.lint("long.txt", head + new_row + std::string(200000, '1') + carried + "0000000\n");
  check_positions(r);
  CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                    [](const Diagnostic& d) { return d.rule == "table.unreadable"; }));
  CHECK(std::none_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error && d.rule.starts_with("table.");
  }));
  // Thousands of rows whose fourteen digits can be cut many ways: the file's cutting budget runs
  // out and the rows left are unreadable; nothing is summed from a cut that was not unique.
  std::string many = head;
  for (int i = 0; i < 3000; ++i) many += new_row + "12345678901234" + carried + "98765432101234";
  many += "\n";
  r = linter.lint("many.txt", many);
  check_positions(r);
  CHECK(std::none_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.inferred; }));
}

TEST_CASE("robustness: anything gklint throws on one file is that file's internal.error, and the batch goes on") {
  FileResult r = guarded("a.txt", Lang::en, []() -> FileResult { throw std::runtime_error("boom"); });
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "internal.error");
  CHECK(r.diagnostics[0].message.find("boom") != std::string::npos);
  CHECK(r.internal_error);
  CHECK(r.unreadable);
  r = guarded("b.txt", Lang::zh, []() -> FileResult { throw 42; });
  CHECK(r.diagnostics.at(0).rule == "internal.error");
  // And a file that lints normally is not touched by the guard.
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  r = guarded("c.txt", Lang::zh, [&] { return linter.lint("c.txt", "2020年政府信息公开工作年度报告\n"); });
  CHECK_FALSE(r.internal_error);
}

TEST_CASE("robustness: inputs found by fuzzing lint to completion (tests/fixtures/hostile)") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  for (const char* name : {"digits-many-cuts.txt.in", "cut-candidates.txt.in"}) {
    CAPTURE(name);
    std::ifstream in(fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/hostile" / name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    REQUIRE(!ss.str().empty());
    const FileResult r = linter.lint("report.txt", ss.str());
    check_positions(r);
    CHECK_FALSE(r.unreadable);  // read and checked, not given up on
    // Runs of digits that cut in too many ways: the rows are named unreadable, nothing summed from them.
    CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule == "table.unreadable"; }));
  }
}

// The rule loader on raw bytes, as fuzz_rules gives them (the CLI decodes a rule file first): a
// table label ending in a cut UTF-8 sequence was read past its end (found under ASan).
TEST_CASE("robustness: a PDF whose pages would run too many operators is refused before drawing") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  std::ifstream in(fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/hostile/inflate-bomb-damaged.pdf.in",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  REQUIRE(ss.str().starts_with("%PDF-"));
  const FileResult r = linter.lint("bomb.pdf", ss.str());
  REQUIRE(r.unreadable);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "input.error");
  CHECK(r.diagnostics[0].message.find("绘图指令超过") != std::string::npos);
}

namespace {

// A PDF of `objects` (object 1 first), with its xref.
std::string pdf_of(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    std::string n = std::to_string(o);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A one-page PDF (Helvetica, not embedded) whose content stream is `content`.
std::string one_page_pdf(const std::string& content) {
  return pdf_of({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  });
}

// A PDF of `pages` pages that draw `content`: one stream they share, stored with a filter, or
// (`shared` false) a stream of their own each, stored as it is.
std::string pages_pdf(const std::string& content, int pages, bool shared) {
  std::string hex;
  for (const unsigned char c : content) {
    hex += "0123456789ABCDEF"[c >> 4];
    hex += "0123456789ABCDEF"[c & 15];
  }
  hex += '>';
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>",
      "<< /Length " + std::to_string(hex.size()) + " /Filter /ASCIIHexDecode >>\nstream\n" + hex + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  for (int i = 0; i < pages; ++i) {
    const std::string own = std::to_string(6 + 2 * i);
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + (shared ? "3" : own) +
                      " 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  return pdf_of(objects);
}

}  // namespace

// /ActualText gives the characters one glyph stands for: a span may give 256 for one glyph. They
// count against the cap on glyphs, so thousands of such spans are refused, not a gigabyte of text.
TEST_CASE("robustness: /ActualText spans standing for many characters each count against the glyph cap") {
  std::string span = "/Span <</ActualText <FEFF";
  for (int i = 0; i < 256; ++i) span += "4E00";
  span += ">>> BDC BT /F1 12 Tf 72 700 Td (a) Tj ET EMC\n";
  std::string content;
  for (int i = 0; i < 4200; ++i) content += span;
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  const FileResult r = linter.lint("amplified.pdf", one_page_pdf(content));
  REQUIRE(r.unreadable);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("内容太多") != std::string::npos);
  // A few such spans are read: each glyph as the characters it stands for.
  std::string few;
  for (int i = 0; i < 30; ++i) {
    few += "/Span <</ActualText <FEFF516C5F00>>> BDC BT /F1 12 Tf 72 " + std::to_string(800 - 20 * i) +
           " Td (a) Tj ET EMC\n";
  }
  const Source src = Source::read("few.pdf", one_page_pdf(few));
  REQUIRE_FALSE(src.problem());
  CHECK(src.text().starts_with("公开"));
  CHECK(src.text().find('a') == std::string::npos);
}

// The drawing check keeps what it inflated for the drawing (the stream, decoded, in place of the
// one it was read from). A content stream that pages share is then read from the kept copy on every
// page, and still counted on every page that draws it.
TEST_CASE("pdf: a filtered content stream that pages share is read, and counted, on every page") {
  std::string content;
  for (int i = 0; i < 30; ++i) {
    content += "/Span <</ActualText <FEFF516C5F00>>> BDC BT /F1 12 Tf 72 " + std::to_string(800 - 20 * i) +
               " Td (a) Tj ET EMC\n";
  }
  const Source shared = Source::read("shared.pdf", pages_pdf(content, 3, true));
  const Source own = Source::read("own.pdf", pages_pdf(content, 3, false));
  REQUIRE_FALSE(shared.problem());
  CHECK(shared.text() == own.text());
  // Each page's lines (but those repeated at the top and bottom of every page: page furniture).
  size_t lines = 0;
  for (size_t at = shared.text().find("公开"); at != std::string::npos; at = shared.text().find("公开", at + 1)) {
    ++lines;
  }
  CHECK(lines >= 3 * 24);
  // 600,000 operators drawn by 7 pages are 4.2 million: over the cap, though the stream is one. By
  // 6 pages, 3.6 million: drawn (and then found to hold no text).
  std::string busy;
  for (int i = 0; i < 300000; ++i) busy += "q Q\n";
  const auto refused_for_operators = [](const Source& s) {
    return s.problem() && s.problem()->message_zh.find("绘图指令超过") != std::string::npos;
  };
  CHECK_FALSE(refused_for_operators(Source::read("six.pdf", pages_pdf(busy, 6, true))));
  CHECK(refused_for_operators(Source::read("seven.pdf", pages_pdf(busy, 7, true))));
}

// Words of a few characters a little apart are a table's header row only beside the table: a
// title set with spaces, alone, stays a line of text.
TEST_CASE("pdf: a line of letters spaced out is a header row only next to a table") {
  const auto glyph = [](const std::string& utf16, double x, double y) {
    return "/Span <</ActualText <FEFF" + utf16 + ">>> BDC BT /F1 12 Tf " + std::to_string(x) + " " + std::to_string(y) +
           " Td (a) Tj ET EMC\n";
  };
  std::string content;
  for (int i = 0; i < 8; ++i) content += glyph("516C", 100 + 18 * i, 780);  // 公 spaced out: the title
  for (int i = 0; i < 30; ++i) {
    for (int k = 0; k < 6; ++k) content += glyph("5F00", 72 + 7 * k, 740 - 20 * i);  // 开开开…: text
  }
  const Source alone = Source::read("spaced.pdf", one_page_pdf(content));
  REQUIRE_FALSE(alone.problem());
  CHECK(alone.text().starts_with("公公公公公公公公\n"));
  // Under it, a row of figures spaced the same way: both are the table's rows.
  std::string table = content;
  for (int i = 0; i < 8; ++i) table += "BT /F1 12 Tf " + std::to_string(100 + 18 * i) + " 766 Td (0) Tj ET\n";
  const Source beside = Source::read("table.pdf", one_page_pdf(table));
  REQUIRE_FALSE(beside.problem());
  CHECK(beside.text().starts_with("公 | 公 | 公 | 公 | 公 | 公 | 公 | 公 |\n0 | 0 |"));
}

TEST_CASE("robustness: a rule file with labels that are not valid UTF-8 loads or fails cleanly") {
  std::ifstream in(fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/hostile/rules-label-bad-utf8.yaml.in",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  REQUIRE(!ss.str().empty());
  Catalog catalog;
  RuleFile file;
  file.path = "bad.yaml";
  file.text = ss.str();
  std::vector<RuleError> errors;
  auto cache = make_load_cache();
  const auto set = load_rule_set(file, builtin_resolver(catalog), cache.get(), &errors);
  CHECK((set != nullptr || !errors.empty()));
}
