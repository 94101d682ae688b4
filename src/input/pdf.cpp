// The PDF reader: the glyphs and the ruling lines poppler draws, put back into the text gklint
// lints. A PDF has no lines, paragraphs or tables, only glyphs at places and strokes; this file
// rebuilds them:
//
// - Tables from their ruling lines (the borders Word, WPS and LibreOffice draw): the distinct
//   heights of the horizontal rules are the row boundaries, the distinct places of the vertical
//   ones the column boundaries, and a boundary missing between two grid cells merges them. A
//   cell's glyphs are its text; the table is written as the .docx reader writes one ("cell | cell |"
//   per row, a merged cell once, where it starts), so the table reader sees the same grid. A table
//   at the top of the next page, as wide, goes on from it: header rows repeated there are left
//   out, and a row or merged cell the page broke is joined.
// - Tables without ruling lines: a line whose pieces stand a character and a half apart or more
//   is a row of cells, with the lines under it that continue its cells.
// - Lines from the glyphs outside tables: glyphs on one baseline, left to right. Between two
//   Chinese characters no blank is written; between Latin letters or digits a gap is a blank. A
//   page set in two columns (a gutter near the middle that most lines have a wide gap across) is
//   read column by column, each with its own margins.
// - Paragraphs: a line that reaches the right margin goes on in the next line when that one starts
//   at the left margin (no first-line indent), also across a page break: Chinese text has no
//   hyphens, so the two are joined without a blank. A section number on a short line, or after a
//   sentence's end, starts a paragraph (a heading).
// - Page furniture left out: page numbers at the top or bottom of a page ("- 3 -", "第 3 页",
//   "3/12") and a line repeated at the same height on most pages (a running header or footer).
//
// Locations: every line of text and every table row is a line of the display (what `gklint cat`
// lists); `display_pages` gives each one's page and its line on that page, counted from 1.
//
// Refused with a reason: a damaged PDF, a PDF that needs a password or forbids copying its text, a
// scanned PDF (images and no text: it needs OCR), and a text layer that is not text (glyphs with no
// Unicode, private-use characters, or no Chinese at all: a font without a ToUnicode map).
//
// Bad input never crashes or hangs: poppler reads from memory, its messages are silenced, what the
// pages would inflate to and run is measured before they are drawn (DrawingCost), and caps on pages,
// glyphs, rules and drawing operators stop the drawing early (the abort callback).
#include <ErrorCodes.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <UTF.h>
#include <XRef.h>
// Error.h after the others: it needs Goffset.
#include <Error.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gklint/utf8.hpp"
#include "input/extracted.hpp"

namespace gklint {

namespace {

constexpr int kMaxPages = 2000;
constexpr size_t kMaxGlyphs = size_t{1} << 20;  // about 500 pages of dense text
constexpr int kMaxActualText = 256;             // characters of one /ActualText span
// A line of words of a few characters each, parted by small gaps: a table's header row read across
// narrow columns when there are this many (fewer are a title set with spaces, "总　体　情　况").
constexpr size_t kMinSpreadWords = 6;
constexpr size_t kMostSpreadChars = 4;
constexpr size_t kMaxRules = 200000;
constexpr size_t kMaxChecks = size_t{8} << 20;  // about 80 million drawing operators
// What poppler decodes to draw the pages: content streams, forms, embedded font programs. A report
// of a hundred pages decodes a few MiB; a small file that inflates to more is a bomb.
constexpr size_t kMaxDecoded = size_t{64} << 20;
// Of them, what is kept decoded for drawing (a report's content and fonts are a few MiB).
constexpr size_t kMaxKept = size_t{16} << 20;
// Content operators a document's pages may run (a form's counted for every `Do` that may draw it).
// A dense report page has a few thousand; poppler runs about ten million a second.
constexpr size_t kMaxOperators = 4'000'000;
// Per page: rules crossing (tables are found by testing every pair), a table's grid cells, tables.
constexpr size_t kMaxCrossings = size_t{4} << 20;
constexpr size_t kMaxCells = 20000;
constexpr size_t kMaxTables = 100;
// Rules closer than this are one boundary: the two lines of a double border, a border drawn once
// per cell a little off. No row or column of a report's table is this thin.
constexpr double kSameLine = 3.0;
// Column rules running this far past the first or last row rule bound a row the page broke.
constexpr double kBrokenRow = 4.0;

InputProblem problem(std::string zh, std::string en) { return InputProblem{std::move(zh), std::move(en), 0}; }

// --- What poppler draws -----------------------------------------------------------------------

struct Glyph {
  double x0, x1, base, size;
  std::string text;  // UTF-8, one character (or a ligature's few)
  char32_t first = 0;
  bool space_after = false;  // a blank was drawn after it
};

// An axis-parallel ruling line: `at` is its y (horizontal) or x (vertical); from < to along it.
struct Rule {
  double at, from, to;
};

struct Page {
  double width = 0, height = 0;
  std::vector<Glyph> glyphs;
  std::vector<Rule> hrules, vrules;
  double image_area = 0;  // device area covered by images (a scan)
};

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}
// Chinese text, its punctuation and full-width forms: no blank between two of these.
bool is_cjk(char32_t c) { return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }
// A space of any width: the ASCII one, no-break, en and em spaces, the ideographic space.
bool is_blank(char32_t c) {
  return c == 0x20 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool is_private_use(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }

// Chinese fonts often map a character's glyph to the radical of the same shape (U+2F00–U+2FD5,
// U+2E80–U+2EF3): Chromium's and others' PDFs then say 工 as ⼯ (U+2F2F) and 民 as ⺠ (U+2EA0).
// Nobody types a radical in a report: read them as the characters they look like. The Kangxi
// radicals by their compatibility decomposition (NFKC), the supplement's by this list of the
// radicals that are whole characters.
char32_t unify_radical(char32_t c) {
  static constexpr char32_t kKangxi[] = {
      0x4E00, 0x4E28, 0x4E36, 0x4E3F, 0x4E59, 0x4E85, 0x4E8C, 0x4EA0, 0x4EBA, 0x513F, 0x5165, 0x516B, 0x5182, 0x5196,
      0x51AB, 0x51E0, 0x51F5, 0x5200, 0x529B, 0x52F9, 0x5315, 0x531A, 0x5338, 0x5341, 0x535C, 0x5369, 0x5382, 0x53B6,
      0x53C8, 0x53E3, 0x56D7, 0x571F, 0x58EB, 0x5902, 0x590A, 0x5915, 0x5927, 0x5973, 0x5B50, 0x5B80, 0x5BF8, 0x5C0F,
      0x5C22, 0x5C38, 0x5C6E, 0x5C71, 0x5DDB, 0x5DE5, 0x5DF1, 0x5DFE, 0x5E72, 0x5E7A, 0x5E7F, 0x5EF4, 0x5EFE, 0x5F0B,
      0x5F13, 0x5F50, 0x5F61, 0x5F73, 0x5FC3, 0x6208, 0x6236, 0x624B, 0x652F, 0x6534, 0x6587, 0x6597, 0x65A4, 0x65B9,
      0x65E0, 0x65E5, 0x66F0, 0x6708, 0x6728, 0x6B20, 0x6B62, 0x6B79, 0x6BB3, 0x6BCB, 0x6BD4, 0x6BDB, 0x6C0F, 0x6C14,
      0x6C34, 0x706B, 0x722A, 0x7236, 0x723B, 0x723F, 0x7247, 0x7259, 0x725B, 0x72AC, 0x7384, 0x7389, 0x74DC, 0x74E6,
      0x7518, 0x751F, 0x7528, 0x7530, 0x758B, 0x7592, 0x7676, 0x767D, 0x76AE, 0x76BF, 0x76EE, 0x77DB, 0x77E2, 0x77F3,
      0x793A, 0x79B8, 0x79BE, 0x7A74, 0x7ACB, 0x7AF9, 0x7C73, 0x7CF8, 0x7F36, 0x7F51, 0x7F8A, 0x7FBD, 0x8001, 0x800C,
      0x8012, 0x8033, 0x807F, 0x8089, 0x81E3, 0x81EA, 0x81F3, 0x81FC, 0x820C, 0x821B, 0x821F, 0x826E, 0x8272, 0x8278,
      0x864D, 0x866B, 0x8840, 0x884C, 0x8863, 0x897E, 0x898B, 0x89D2, 0x8A00, 0x8C37, 0x8C46, 0x8C55, 0x8C78, 0x8C9D,
      0x8D64, 0x8D70, 0x8DB3, 0x8EAB, 0x8ECA, 0x8F9B, 0x8FB0, 0x8FB5, 0x9091, 0x9149, 0x91C6, 0x91CC, 0x91D1, 0x9577,
      0x9580, 0x961C, 0x96B6, 0x96B9, 0x96E8, 0x9751, 0x975E, 0x9762, 0x9769, 0x97CB, 0x97ED, 0x97F3, 0x9801, 0x98A8,
      0x98DB, 0x98DF, 0x9996, 0x9999, 0x99AC, 0x9AA8, 0x9AD8, 0x9ADF, 0x9B25, 0x9B2F, 0x9B32, 0x9B3C, 0x9B5A, 0x9CE5,
      0x9E75, 0x9E7F, 0x9EA5, 0x9EBB, 0x9EC3, 0x9ECD, 0x9ED1, 0x9EF9, 0x9EFD, 0x9F0E, 0x9F13, 0x9F20, 0x9F3B, 0x9F4A,
      0x9F52, 0x9F8D, 0x9F9C, 0x9FA0,
  };
  static constexpr std::pair<char32_t, char32_t> kSupplement[] = {
      {0x2E9F, 0x6BCD},  // ⺟ 母
      {0x2EA0, 0x6C11},  // ⺠ 民
      {0x2EC1, 0x864E},  // ⻁ 虎
      {0x2EC4, 0x897F},  // ⻄ 西
      {0x2EC5, 0x89C1},  // ⻅ 见
      {0x2EC6, 0x89D2},  // ⻆ 角
      {0x2EC9, 0x8D1D},  // ⻉ 贝
      {0x2ECB, 0x8F66},  // ⻋ 车
      {0x2ED1, 0x9577},  // ⻑ 長
      {0x2ED3, 0x957F},  // ⻓ 长
      {0x2ED4, 0x95E8},  // ⻔ 门
      {0x2ED8, 0x9752},  // ⻘ 青
      {0x2ED9, 0x97E6},  // ⻙ 韦
      {0x2EDA, 0x9875},  // ⻚ 页
      {0x2EDB, 0x98CE},  // ⻛ 风
      {0x2EDC, 0x98DE},  // ⻜ 飞
      {0x2EDD, 0x98DF},  // ⻝ 食
      {0x2EE1, 0x9996},  // ⻡ 首
      {0x2EE2, 0x9A6C},  // ⻢ 马
      {0x2EE3, 0x9AA8},  // ⻣ 骨
      {0x2EE4, 0x9B3C},  // ⻤ 鬼
      {0x2EE5, 0x9C7C},  // ⻥ 鱼
      {0x2EE6, 0x9E1F},  // ⻦ 鸟
      {0x2EE8, 0x9EA6},  // ⻨ 麦
      {0x2EE9, 0x9EC4},  // ⻩ 黄
      {0x2EEC, 0x9F50},  // ⻬ 齐
      {0x2EEE, 0x9F7F},  // ⻮ 齿
      {0x2EF0, 0x9F99},  // ⻰ 龙
      {0x2EF3, 0x9F9F},  // ⻳ 龟
  };
  if (c >= 0x2F00 && c <= 0x2FD5) return kKangxi[c - 0x2F00];
  if (c >= 0x2E80 && c <= 0x2EFF) {
    const auto* it =
        std::lower_bound(std::begin(kSupplement), std::end(kSupplement), std::pair<char32_t, char32_t>{c, 0});
    if (it != std::end(kSupplement) && it->first == c) return it->second;
  }
  return c;
}

class Collector : public OutputDev {
 public:
  std::vector<Page> pages;
  size_t glyphs = 0, unmapped = 0, private_use = 0, han = 0;
  size_t rules = 0;
  size_t checks = 0;  // calls of stop_drawing, over all pages
  bool over = false;  // a cap was reached: the page's drawing is stopped

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void startPage(int, GfxState* state, XRef*) override {
    pages.emplace_back();
    if (state) {
      pages.back().width = state->getPageWidth();
      pages.back().height = state->getPageHeight();
    }
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double, double, CharCode, int,
                const Unicode* u, int uLen) override {
    if (pages.empty() || over) return;
    if (++glyphs > kMaxGlyphs) {
      over = true;
      return;
    }
    double tx = 0, ty = 0, tdx = 0, tdy = 0;
    state->transform(x, y, &tx, &ty);
    state->transformDelta(dx, dy, &tdx, &tdy);
    const double size = state->getTransformedFontSize();
    const bool in_actual_text = actual_.depth > 0;
    if (!in_actual_text && (uLen <= 0 || !u)) {
      ++unmapped;
      return;
    }
    // A position that is not a number (a hostile matrix) would break every sort by position.
    if (!std::isfinite(tx) || !std::isfinite(ty) || !std::isfinite(tdx) || !std::isfinite(tdy) || !std::isfinite(size))
      return;
    // Text that does not run left to right (rotated stamps, vertical writing) is not report text.
    if (std::abs(tdy) > 0.2 * std::max(std::abs(tdx), 0.1) || tdx < 0 || !(size > 0.5) || size > 500) return;
    Glyph g{tx, tx + std::max(tdx, 0.0), ty, size, {}, 0};
    for (int i = 0; u && i < uLen && i < 8; ++i) {
      const char32_t c = unify_radical(static_cast<char32_t>(u[i]));
      if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) continue;
      if (i == 0) g.first = c;
      if (!in_actual_text && is_private_use(c)) ++private_use;
      if (!in_actual_text && is_han(c)) ++han;
      if (c < 0x20 || c == 0x7F) continue;
      utf8_append(g.text, c);
    }
    if (in_actual_text) {
      actual_.drawn.push_back(std::move(g));
      return;
    }
    put(std::move(g), uLen == 1);
  }

  // Text marked with /ActualText is what its glyphs stand for: LibreOffice draws a character its
  // fonts lack as a placeholder glyph and gives the character this way, Word a ligature or a
  // symbol. Its characters take the place of the glyphs, spread over their extent, when these are
  // on one line; otherwise the glyphs are read as drawn.
  void beginActualText(GfxState*, const GooString* text) override {
    if (actual_.depth++ > 0 || !text) return;
    Unicode* ucs4 = nullptr;
    const int n = TextStringToUCS4(text->toStr(), &ucs4);
    for (int i = 0; i < n && i < kMaxActualText; ++i) {
      const auto c = static_cast<char32_t>(ucs4[i]);
      if (c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF) && c >= 0x20 && c != 0x7F) actual_.text.push_back(c);
    }
    gfree(ucs4);
  }

  void endActualText(GfxState*) override {
    if (actual_.depth == 0 || --actual_.depth > 0) return;
    ActualText span = std::move(actual_);
    actual_ = {};
    if (span.drawn.empty() || pages.empty()) return;
    const Glyph& first = span.drawn.front();
    double x0 = first.x0, x1 = first.x1;
    bool one_line = !span.text.empty();
    for (const Glyph& g : span.drawn) {
      x0 = std::min(x0, g.x0);
      x1 = std::max(x1, g.x1);
      if (std::abs(g.base - first.base) > 0.3 * first.size) one_line = false;
    }
    if (!one_line) {
      for (Glyph& g : span.drawn) {
        if (g.text.empty() && !is_blank(g.first)) {
          ++unmapped;
          continue;
        }
        if (is_private_use(g.first)) ++private_use;
        if (is_han(g.first)) ++han;
        const bool single = utf8_code_points(g.text) <= 1;
        put(std::move(g), single);
      }
      return;
    }
    // Its characters count against the cap like glyphs drawn (one glyph may stand for many).
    glyphs += span.text.size() - 1;
    if (glyphs > kMaxGlyphs) {
      over = true;
      return;
    }
    const double width = (x1 - x0) / static_cast<double>(span.text.size());
    for (size_t i = 0; i < span.text.size(); ++i) {
      const char32_t c = unify_radical(span.text[i]);
      if (is_private_use(c)) ++private_use;
      if (is_han(c)) ++han;
      Glyph g{
          x0 + width * static_cast<double>(i), x0 + width * static_cast<double>(i + 1), first.base, first.size, {}, c};
      utf8_append(g.text, c);
      put(std::move(g), true);
    }
  }

  void stroke(GfxState* state) override { path(state, false); }
  void fill(GfxState* state) override { path(state, true); }
  void eoFill(GfxState* state) override { path(state, true); }

  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                 bool interpolate, const int* mask, bool inlineImg) override {
    image(state);
    OutputDev::drawImage(state, ref, str, width, height, map, interpolate, mask, inlineImg);
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inlineImg) override {
    image(state);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                       bool interpolate, Stream* mask, int mw, int mh, bool minvert, bool minterpolate) override {
    image(state);
    OutputDev::drawMaskedImage(state, ref, str, width, height, map, interpolate, mask, mw, mh, minvert, minterpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                           bool interpolate, Stream* mask, int mw, int mh, GfxImageColorMap* mmap,
                           bool minterpolate) override {
    image(state);
    OutputDev::drawSoftMaskedImage(state, ref, str, width, height, map, interpolate, mask, mw, mh, mmap, minterpolate);
  }

 private:
  // The /ActualText span being drawn: its characters and the glyphs drawn for them.
  struct ActualText {
    int depth = 0;  // nested spans: the outermost one counts
    std::u32string text;
    std::vector<Glyph> drawn;
  };
  ActualText actual_;

  // Adds a glyph to the page; a blank (a single character) becomes a blank after the glyph before.
  void put(Glyph g, bool single) {
    if (single && is_blank(g.first)) {
      if (!pages.back().glyphs.empty()) pages.back().glyphs.back().space_after = true;
      return;
    }
    if (g.text.empty()) return;
    pages.back().glyphs.push_back(std::move(g));
  }

  void image(GfxState* state) {
    if (pages.empty()) return;
    double xs[4], ys[4];
    state->transform(0, 0, &xs[0], &ys[0]);
    state->transform(1, 0, &xs[1], &ys[1]);
    state->transform(0, 1, &xs[2], &ys[2]);
    state->transform(1, 1, &xs[3], &ys[3]);
    const double w = *std::max_element(xs, xs + 4) - *std::min_element(xs, xs + 4);
    const double h = *std::max_element(ys, ys + 4) - *std::min_element(ys, ys + 4);
    if (std::isfinite(w) && std::isfinite(h)) pages.back().image_area += w * h;
  }

  void add(bool horizontal, double at, double a, double b) {
    if (!std::isfinite(at) || !std::isfinite(a) || !std::isfinite(b)) return;
    if (++rules > kMaxRules) {
      over = true;
      return;
    }
    Page& p = pages.back();
    (horizontal ? p.hrules : p.vrules).push_back(Rule{at, std::min(a, b), std::max(a, b)});
  }

  // Table borders are drawn as stroked lines or as thin filled rectangles: both become rules.
  void path(GfxState* state, bool filled) {
    if (pages.empty() || over) return;
    const GfxPath* path = state->getPath();
    if (!path) return;
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      const int n = sub->getNumPoints();
      if (n < 2 || n > 64) continue;
      std::vector<double> xs(static_cast<size_t>(n)), ys(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) state->transform(sub->getX(i), sub->getY(i), &xs[size_t(i)], &ys[size_t(i)]);
      if (filled) {
        const auto [x0, x1] = std::minmax_element(xs.begin(), xs.end());
        const auto [y0, y1] = std::minmax_element(ys.begin(), ys.end());
        const double w = *x1 - *x0, h = *y1 - *y0;
        if (h <= 2.5 && w > 2) add(true, (*y0 + *y1) / 2, *x0, *x1);
        if (w <= 2.5 && h > 2) add(false, (*x0 + *x1) / 2, *y0, *y1);
        continue;
      }
      for (size_t i = 1; i < xs.size(); ++i) {
        const double w = std::abs(xs[i] - xs[i - 1]), h = std::abs(ys[i] - ys[i - 1]);
        if (h <= 0.5 && w > 2) add(true, (ys[i] + ys[i - 1]) / 2, xs[i - 1], xs[i]);
        if (w <= 0.5 && h > 2) add(false, (xs[i] + xs[i - 1]) / 2, ys[i - 1], ys[i]);
      }
    }
  }
};

// Called by poppler every few operators of a page's content (about ten): counting the calls caps
// the operators, so a content stream of millions of them (a decompression bomb of no-ops) stops
// in bounded time, the same on every machine.
// Operators in content streams, counted as the bytes go by: a token that starts with a letter or
// a quote is an operator (numbers, names, strings, arrays and dictionaries are operands), and `Do`
// (draw a form or image) is counted apart. Strings, hex strings, comments and inline image data
// are skipped. An estimate for a cap, not a parser: a malformed stream only changes the count.
class OperatorCount {
 public:
  size_t ops = 0, draws = 0;  // operators, and `Do` among them

  void feed(const unsigned char* p, size_t n) {
    for (size_t i = 0; i < n; ++i) step(static_cast<char>(p[i]));
  }
  void finish() { end_token(); }

 private:
  static bool blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
  static bool delimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }
  void step(char c) {
    switch (mode_) {
      case Mode::string:
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == '(') {
          ++depth_;
        } else if (c == ')' && --depth_ == 0) {
          mode_ = Mode::none;
        }
        return;
      case Mode::hex:
        if (c == '>') mode_ = Mode::none;
        return;
      case Mode::comment:
        if (c == '\n' || c == '\r') mode_ = Mode::none;
        return;
      case Mode::image:  // inline image data, until whitespace E I
        image_tail_ = static_cast<char>((image_tail_ == 0 && blank(c))   ? 1
                                        : (image_tail_ == 1 && c == 'E') ? 2
                                        : (image_tail_ == 2 && c == 'I') ? 3
                                        : blank(c)                       ? 1
                                                                         : 0);
        if (image_tail_ == 3) mode_ = Mode::none, image_tail_ = 0;
        return;
      case Mode::none: break;
    }
    if (blank(c) || delimiter(c)) {
      end_token();
      if (c == '(') mode_ = Mode::string, depth_ = 1;
      if (c == '<') mode_ = Mode::hex;
      if (c == '%') mode_ = Mode::comment;
      if (c == '/') name_ = true;  // the name's characters follow: an operand
      return;
    }
    if (token_.empty() && !name_) op_ = std::isalpha(static_cast<unsigned char>(c)) || c == '\'' || c == '"';
    if (token_.size() < 3) token_ += c;
  }
  void end_token() {
    if (!token_.empty() && op_ && !name_) {
      ++ops;
      if (token_ == "Do") ++draws;
      if (token_ == "ID") mode_ = Mode::image, image_tail_ = 0;
    }
    token_.clear();
    op_ = false;
    name_ = false;
  }

  enum class Mode { none, string, hex, comment, image } mode_ = Mode::none;
  int depth_ = 0;
  bool escape_ = false, op_ = false, name_ = false;
  char image_tail_ = 0;
  std::string token_;
};

// A stream's bytes as decoded, owned by the stream (poppler's own such stream is not exported).
struct DecodedBytes {
  std::string bytes;
};
class DecodedStream : private DecodedBytes, public MemStream {
 public:
  DecodedStream(std::string decoded, Object&& stream_dict)
      : DecodedBytes{std::move(decoded)},
        MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), std::move(stream_dict)) {}
};

// What drawing a document's pages will cost poppler, measured before it does, since the drawing
// cannot be stopped between operators that draw nothing: the bytes it decodes (each page's content,
// the forms it draws, nested, the embedded programs of its fonts; each stream once) and the
// operators it runs (a form's for every `Do` that may draw it). A content stream of a billion
// "q Q", or a form drawn a million times, is refused here in the time its bytes take to inflate.
//
// What it inflates it keeps: each stream read to its end goes back into the document in place of
// the one it was decoded from (`XRef::setModifiedObject`), up to kMaxKept bytes in all. Otherwise
// poppler would inflate each again to draw it, and a font program again for every page that uses
// the font (it builds a page's fonts for each page): most of the reading of a long report.
class DrawingCost {
 public:
  explicit DrawingCost(XRef* xref) : xref_(xref) {}
  // Adds a page's streams; false once the document is over a cap.
  bool add(::Page* page) {
    const Object contents = page->getContents();
    if (contents.isArray()) {
      for (int i = 0; i < contents.arrayGetLength() && decoded_ <= kMaxDecoded; ++i) {
        decode_once(contents.arrayGetNF(i), &content_);
      }
    } else {
      // Counted on every page that draws it. Kept by the name the page gives it, when that names
      // the stream poppler draws.
      const Object dict = xref_->fetch(page->getRef());
      const Object named = dict.isDict() ? dict.dictLookupNF("Contents").copy() : Object(objNull);
      const Object& ref = named.isRef() && named.fetch(xref_).isStream() ? named : contents;
      decode(ref, &content_);
    }
    resources(page->getResourceDict(), 0);
    return within();
  }
  bool within() const {
    // Each `Do` may draw the costliest form, which may draw the costliest form in turn (in floating
    // point: the products of hostile counts would overflow).
    const double form = double(form_ops_) + double(form_draws_) * double(form_ops_);
    return decoded_ <= kMaxDecoded && double(content_.ops) + double(content_.draws) * form <= double(kMaxOperators);
  }

 private:
  // Decodes the stream `named` is or refers to, counting its bytes, and its operators into `ops`
  // when it is drawn. One that has filters and is read to its end is kept decoded.
  void decode(const Object& named, OperatorCount* ops) {
    const Object o = named.fetch(xref_);
    if (!o.isStream() || decoded_ > kMaxDecoded) return;
    bool keep = named.isRef() && !o.streamGetDict()->lookupNF("Filter").isNull();
    std::string bytes;
    Stream* s = o.getStream();
    s->reset();
    unsigned char buffer[16384];
    int n = 0;
    while (decoded_ <= kMaxDecoded && (!ops || ops->ops <= kMaxOperators) &&
           (n = s->doGetChars(sizeof buffer, buffer)) > 0) {
      decoded_ += static_cast<size_t>(n);
      if (ops) ops->feed(buffer, static_cast<size_t>(n));
      if (keep && kept_ + bytes.size() + static_cast<size_t>(n) > kMaxKept) {
        keep = false;  // over the budget: poppler decodes this one again
        std::string().swap(bytes);
      }
      if (keep) bytes.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
    }
    if (ops) ops->finish();
    s->close();
    if (!keep || n != 0) return;
    kept_ += bytes.size();
    // The same dictionary without its filters: poppler reads the bytes as they are.
    Dict* dict = o.streamGetDict()->copy(xref_);
    dict->remove("Filter");
    dict->remove("DecodeParms");
    dict->set("Length", Object(static_cast<int>(bytes.size())));
    const Object decoded(static_cast<Stream*>(new DecodedStream(std::move(bytes), Object(dict))));
    xref_->setModifiedObject(&decoded, named.getRef());
  }
  // decode() the first time the stream is met.
  void decode_once(const Object& named, OperatorCount* ops) {
    if (first(named)) decode(named, ops);
  }
  // Whether a stream is met for the first time (one given directly, not by reference, always is).
  bool first(const Object& maybe_ref) {
    if (!maybe_ref.isRef()) return true;
    return seen_.insert({maybe_ref.getRef().num, maybe_ref.getRef().gen}).second;
  }
  void font_programs(const Object& font, int depth) {
    if (!font.isDict() || depth > 2) return;
    // Its map to Unicode and a Type0 font's embedded CMap, read for every page too.
    for (const char* key : {"ToUnicode", "Encoding"}) {
      decode_once(font.dictLookupNF(key), nullptr);
    }
    const Object descriptor = font.dictLookup("FontDescriptor");
    if (descriptor.isDict()) {
      for (const char* key : {"FontFile", "FontFile2", "FontFile3"}) decode_once(descriptor.dictLookupNF(key), nullptr);
    }
    const Object descendants = font.dictLookup("DescendantFonts");  // a Type0 font's CID font
    for (int i = 0; descendants.isArray() && i < descendants.arrayGetLength() && i < 4; ++i) {
      font_programs(descendants.arrayGet(i), depth + 1);
    }
  }
  void resources(Dict* res, int depth) {
    if (!res || depth > 8 || decoded_ > kMaxDecoded) return;
    const Object fonts = res->lookup("Font");
    for (int i = 0; fonts.isDict() && i < fonts.dictGetLength() && decoded_ <= kMaxDecoded; ++i) {
      if (first(fonts.dictGetValNF(i))) font_programs(fonts.dictGetVal(i), 0);
    }
    const Object forms = res->lookup("XObject");
    for (int i = 0; forms.isDict() && i < forms.dictGetLength() && decoded_ <= kMaxDecoded; ++i) {
      if (!first(forms.dictGetValNF(i))) continue;
      const Object form = forms.dictGetVal(i);
      if (!form.isStream()) continue;
      const Object subtype = form.streamGetDict()->lookup("Subtype");
      if (!subtype.isName("Form")) continue;  // an image: not decoded to find the text
      OperatorCount ops;
      decode(forms.dictGetValNF(i), &ops);
      form_ops_ = std::max(form_ops_, ops.ops);
      form_draws_ = std::max(form_draws_, ops.draws);
      const Object inner = form.streamGetDict()->lookup("Resources");
      if (inner.isDict()) resources(inner.getDict(), depth + 1);
    }
  }

  XRef* xref_;
  size_t decoded_ = 0;
  size_t kept_ = 0;                       // bytes kept decoded
  OperatorCount content_;                 // the pages' content streams
  size_t form_ops_ = 0, form_draws_ = 0;  // the most of any form
  std::set<std::pair<int, int>> seen_;
};

bool stop_drawing(void* data) {
  auto* c = static_cast<Collector*>(data);
  if (++c->checks > kMaxChecks) c->over = true;
  return c->over;
}

void silent(ErrorCategory, Goffset, const char*) {}

void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(silent);
    // The first GfxState poppler makes creates the colour profiles all later ones share (static
    // members set without a lock). Made here, under the once flag, so that two threads drawing
    // their first pages at the same time do not both set them (ThreadSanitizer saw it in a batch).
    const PDFRectangle box(0, 0, 1, 1);
    const GfxState first(72, 72, &box, 0, false);
  });
}

// --- Lines -------------------------------------------------------------------------------------

// A line of text as read: its glyphs left to right and its extent.
struct Line {
  std::string text;
  double x0 = 0, x1 = 0, base = 0, size = 0;
  char32_t first = 0, last = 0;
  // Pieces of the line that wide gaps (one and a half characters or more) part: the cells of a
  // table drawn without ruling lines. Byte ranges of `text` and their extents.
  struct Piece {
    size_t begin = 0, end = 0;
    double x0 = 0, x1 = 0;
  };
  std::vector<Piece> pieces;
  std::vector<const Glyph*> glyphs;  // left to right, those written
  // A row of a table without ruling lines: its cells (the pieces, and the lines under them that
  // continue them), and the baseline of the last line it took in.
  std::vector<std::string> cells;
  double last_base = 0;
  // The runs of the row's glyphs (parted at gaps of two fifths of a character), once lines under
  // it have been taken into them: the cell each is in, where it starts, its text.
  struct Part {
    size_t cell = 0;
    double x0 = 0, x1 = 0;
    std::string text;
  };
  std::vector<Part> parts;
  bool spread = false;  // its pieces are short words a little apart (make_lines), not wide gaps
  // The margins of the text the line is in (the page's, or its column's), and the column: 0 for
  // a page in one column or a line across both, 1 left, 2 right.
  double left = 0, right = 0;
  int column = 0;
};

// Whether a blank goes between two glyphs `gap` apart: between Chinese characters none; between
// Latin letters or digits a gap of a fifth of the font size; next to Chinese, only a wide gap.
bool blank_between(const Glyph& a, const Glyph& b, double gap) {
  const double size = std::max(a.size, b.size);
  if (is_cjk(a.first) || is_cjk(b.first)) return gap > 1.5 * size;
  return gap > 0.2 * size;
}

// Glyphs (in any order) into lines: by baseline, then left to right. A glyph drawn twice at nearly
// the same place (fake bold) is kept once.
std::vector<Line> make_lines(std::vector<const Glyph*> gs) {
  std::vector<Line> lines;
  std::stable_sort(gs.begin(), gs.end(), [](const Glyph* a, const Glyph* b) { return a->base < b->base; });
  size_t i = 0;
  while (i < gs.size()) {
    size_t j = i + 1;
    const double tolerance = 0.4 * gs[i]->size;
    while (j < gs.size() && gs[j]->base - gs[i]->base <= tolerance) ++j;
    std::vector<const Glyph*> row(gs.begin() + static_cast<std::ptrdiff_t>(i),
                                  gs.begin() + static_cast<std::ptrdiff_t>(j));
    std::stable_sort(row.begin(), row.end(), [](const Glyph* a, const Glyph* b) { return a->x0 < b->x0; });
    Line line;
    line.x0 = row.front()->x0;
    line.base = row.front()->base;
    const Glyph* prev = nullptr;
    std::vector<Line::Piece> words;  // runs parted by gaps of two fifths of a character
    size_t longest = 0, chars = 0;   // the most glyphs in one of them; in the last
    for (const Glyph* g : row) {
      if (prev && g->text == prev->text && std::abs(g->x0 - prev->x0) < 0.3 * g->size) continue;
      const double gap = prev ? g->x0 - prev->x1 : 0;
      if (prev && (blank_between(*prev, *g, gap) || (prev->space_after && gap > 0))) line.text += ' ';
      if (!prev || gap > 1.5 * std::max(prev->size, g->size)) {
        if (!line.pieces.empty()) line.pieces.back().end = line.text.size() - (prev ? 1 : 0);
        line.pieces.push_back(Line::Piece{line.text.size(), 0, g->x0, 0});
      }
      line.pieces.back().x1 = g->x1;
      if (!prev || gap > 0.4 * g->size) {
        words.push_back(Line::Piece{line.text.size(), 0, g->x0, 0});
        chars = 0;
      }
      words.back().end = line.text.size() + g->text.size();
      words.back().x1 = g->x1;
      longest = std::max(longest, ++chars);
      line.glyphs.push_back(g);
      line.text += g->text;
      line.size = std::max(line.size, g->size);
      line.x1 = std::max(line.x1, g->x1);
      if (!prev) line.first = g->first;
      line.last = g->first;
      prev = g;
    }
    line.pieces.back().end = line.text.size();
    // Many short words a little apart: a table's header labels that wrap a few characters a line
    // in narrow columns, read across the columns ("結結其尚總", "結果維結果糾"). Each is a cell.
    if (words.size() >= kMinSpreadWords && longest <= kMostSpreadChars) {
      line.pieces = std::move(words);
      line.spread = true;
    }
    lines.push_back(std::move(line));
    i = j;
  }
  return lines;
}

// Joins a cell's lines (or a paragraph's): no blank where Chinese meets Chinese.
void join_into(std::string& out, char32_t& last, const Line& l) {
  if (!out.empty() && !(is_cjk(last) || is_cjk(l.first))) out += ' ';
  out += l.text;
  last = l.last;
}

// --- Tables ------------------------------------------------------------------------------------

// Collinear pieces of one ruling line (a border drawn cell by cell) merged into one: rules within
// 1 pt of the first of a group are on one line, merged where they touch or nearly. (Sorted by
// position, then each group by its start: a comparator that took near positions as equal would not
// be a strict weak ordering, which std::sort may run off the end on.)
std::vector<Rule> merge_rules(std::vector<Rule> rules) {
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.at < b.at; });
  std::vector<Rule> out;
  for (size_t i = 0; i < rules.size();) {
    size_t j = i + 1;
    while (j < rules.size() && rules[j].at - rules[i].at <= 1.0) ++j;
    const auto first = rules.begin() + static_cast<std::ptrdiff_t>(i);
    std::sort(first, rules.begin() + static_cast<std::ptrdiff_t>(j),
              [](const Rule& a, const Rule& b) { return a.from < b.from; });
    const size_t group = out.size();
    for (size_t k = i; k < j; ++k) {
      if (out.size() > group && rules[k].from <= out.back().to + 2.0) {
        out.back().to = std::max(out.back().to, rules[k].to);
        continue;
      }
      out.push_back(rules[k]);
    }
    i = j;
  }
  return out;
}

// Sorted distinct positions, those closer than `tolerance` taken as one.
std::vector<double> distinct(std::vector<double> v, double tolerance) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (out.empty() || x - out.back() > tolerance) out.push_back(x);
  }
  return out;
}

bool covers(const std::vector<Rule>& rules, double at, double along) {
  for (const Rule& r : rules) {
    if (std::abs(r.at - at) <= kSameLine && r.from - 2.0 <= along && along <= r.to + 2.0) return true;
  }
  return false;
}

struct Cell {
  uint32_t row = 0, column = 0;  // 0-based grid position where it starts
  std::vector<const Glyph*> glyphs;
};

struct Table {
  double top = 0, bottom = 0, left = 0, right = 0;
  std::vector<double> ys, xs;        // row and column boundaries
  std::vector<std::vector<int>> at;  // grid position → index of the cell covering it
  std::vector<Cell> cells;
};

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[size_t(x)] != x) x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
    return x;
  }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[size_t(std::max(a, b))] = std::min(a, b);
  }
};

// The tables of a page: groups of crossing rules with at least two rows and two columns.
std::vector<Table> find_tables(const Page& page) {
  const std::vector<Rule> h = merge_rules(page.hrules), v = merge_rules(page.vrules);
  const size_t n = h.size() + v.size();
  // More rules than any report's page has (a hatched drawing, a hostile file): read as text.
  if (h.size() < 2 || v.size() < 2 || h.size() * v.size() > kMaxCrossings) return {};
  UnionFind groups(n);
  for (size_t i = 0; i < h.size(); ++i) {
    for (size_t j = 0; j < v.size(); ++j) {
      if (v[j].at >= h[i].from - 2 && v[j].at <= h[i].to + 2 && h[i].at >= v[j].from - 2 && h[i].at <= v[j].to + 2)
        groups.unite(static_cast<int>(i), static_cast<int>(h.size() + j));
    }
  }
  std::map<int, std::pair<std::vector<Rule>, std::vector<Rule>>> members;
  for (size_t i = 0; i < h.size(); ++i) members[groups.find(static_cast<int>(i))].first.push_back(h[i]);
  for (size_t j = 0; j < v.size(); ++j) members[groups.find(static_cast<int>(h.size() + j))].second.push_back(v[j]);
  std::vector<Table> tables;
  for (auto& [root, rv] : members) {
    auto& [hs, vs] = rv;
    std::vector<double> ys, xs;
    for (const Rule& r : hs) ys.push_back(r.at);
    for (const Rule& r : vs) xs.push_back(r.at);
    // Column rules reaching past the first or last row rule: a row the page broke, its border drawn
    // on the other page (Chromium): the rules' ends bound it.
    if (!ys.empty() && !vs.empty()) {
      const double first = *std::min_element(ys.begin(), ys.end());
      const double last = *std::max_element(ys.begin(), ys.end());
      double top = first, bottom = last;
      for (const Rule& r : vs) {
        top = std::min(top, r.from);
        bottom = std::max(bottom, r.to);
      }
      if (top < first - kBrokenRow) ys.push_back(top);
      if (bottom > last + kBrokenRow) ys.push_back(bottom);
    }
    Table t;
    t.ys = distinct(ys, kSameLine);
    t.xs = distinct(xs, kSameLine);
    if (t.ys.size() < 3 || t.xs.size() < 3) continue;  // not two rows and two columns: a frame
    if ((t.ys.size() - 1) * (t.xs.size() - 1) > kMaxCells || tables.size() >= kMaxTables) continue;
    t.top = t.ys.front();
    t.bottom = t.ys.back();
    t.left = t.xs.front();
    t.right = t.xs.back();
    const size_t rows = t.ys.size() - 1, cols = t.xs.size() - 1;
    UnionFind merged(rows * cols);
    for (size_t r = 0; r < rows; ++r) {
      const double mid_y = (t.ys[r] + t.ys[r + 1]) / 2;
      for (size_t c = 0; c < cols; ++c) {
        const double mid_x = (t.xs[c] + t.xs[c + 1]) / 2;
        const int here = static_cast<int>(r * cols + c);
        if (c + 1 < cols && !covers(vs, t.xs[c + 1], mid_y)) merged.unite(here, here + 1);
        if (r + 1 < rows && !covers(hs, t.ys[r + 1], mid_x)) merged.unite(here, here + static_cast<int>(cols));
      }
    }
    t.at.assign(rows, std::vector<int>(cols, -1));
    std::map<int, int> cell_of;
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < cols; ++c) {
        const int root_cell = merged.find(static_cast<int>(r * cols + c));
        auto [it, fresh] = cell_of.try_emplace(root_cell, static_cast<int>(t.cells.size()));
        if (fresh) t.cells.push_back(Cell{static_cast<uint32_t>(r), static_cast<uint32_t>(c), {}});
        t.at[r][c] = it->second;
      }
    }
    tables.push_back(std::move(t));
  }
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.top < b.top; });
  return tables;
}

// The grid position holding a point, or false when the point is outside the table.
bool locate(const Table& t, double x, double y, size_t& r, size_t& c) {
  if (x < t.left || x > t.right || y < t.top || y > t.bottom) return false;
  r = static_cast<size_t>(std::upper_bound(t.ys.begin(), t.ys.end(), y) - t.ys.begin());
  c = static_cast<size_t>(std::upper_bound(t.xs.begin(), t.xs.end(), x) - t.xs.begin());
  r = std::clamp<size_t>(r, 1, t.ys.size() - 1) - 1;
  c = std::clamp<size_t>(c, 1, t.xs.size() - 1) - 1;
  return true;
}

// --- Tables without ruling lines ---------------------------------------------------------------

// Takes a line under a row into the row's cells when it continues them: at most a line and a half
// below what the row last took in, and each run of its glyphs (runs part at gaps of two fifths of
// a character) within one cell, from the cell's left edge to the next cell's.
bool absorb(Line& r, const Line& l) {
  if (l.base - r.last_base > 1.6 * r.size || l.glyphs.empty()) return false;
  auto cell_of = [&](double x0, double x1) {
    for (size_t c = 0; c < r.pieces.size(); ++c) {
      const double from = r.pieces[c].x0 - 0.5 * r.size;
      const double to = c + 1 < r.pieces.size() ? r.pieces[c + 1].x0 - 0.1 * r.size : 1e9;
      if (x0 >= from && x1 <= to) return c;
    }
    return r.pieces.size();
  };
  std::vector<std::pair<size_t, std::string>> runs;  // cell, text
  double run_x0 = l.glyphs.front()->x0, run_x1 = l.glyphs.front()->x1;
  std::string text = l.glyphs.front()->text;
  for (size_t i = 1; i <= l.glyphs.size(); ++i) {
    const Glyph* g = i < l.glyphs.size() ? l.glyphs[i] : nullptr;
    if (g && g->x0 - run_x1 <= 0.4 * g->size) {
      run_x1 = std::max(run_x1, g->x1);
      text += g->text;
      continue;
    }
    const size_t c = cell_of(run_x0, run_x1);
    if (c == r.pieces.size()) return false;
    runs.emplace_back(c, std::move(text));
    if (!g) break;
    run_x0 = g->x0;
    run_x1 = g->x1;
    text = g->text;
  }
  for (auto& [c, t] : runs) r.cells[c] += t;
  r.last_base = l.base;
  return true;
}

// A section number that starts a heading: 一、 （一） (1) 1. 1、 1． (not "12月", nor "一是").
bool starts_with_number(std::string_view s) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";
  // A bracket opens the number: only brackets close it (not "(chuàng)", a word in brackets).
  const bool bracket = s.starts_with("\xEF\xBC\x88") || s.starts_with("(");  // （ (
  if (bracket) s.remove_prefix(s[0] == '(' ? 1 : 3);
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0) {
    while (i + 3 <= s.size() && kNumerals.find(s.substr(i, 3)) != std::string_view::npos &&
           (kNumerals.find(s.substr(i, 3)) % 3) == 0)
      i += 3;
  }
  if (i == 0) return false;
  const std::string_view rest = s.substr(i);
  if (bracket) return rest.starts_with(")") || rest.starts_with("\xEF\xBC\x89");                         // ) ）
  return rest.starts_with(".") || rest.starts_with("\xE3\x80\x81") || rest.starts_with("\xEF\xBC\x8E");  // . 、 ．
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

// The runs of a line's glyphs, parted at gaps of two fifths of a character: where each starts and
// its text (with the blanks the line has).
std::vector<Line::Part> runs_of(const Line& l) {
  std::vector<Line::Part> runs;
  const Glyph* prev = nullptr;
  for (const Glyph* g : l.glyphs) {
    const double gap = prev ? g->x0 - prev->x1 : 0;
    if (!prev || gap > 0.4 * g->size) {
      runs.push_back(Line::Part{0, g->x0, g->x1, {}});
    } else if (blank_between(*prev, *g, gap) || (prev->space_after && gap > 0)) {
      runs.back().text += ' ';
    }
    runs.back().text += g->text;
    runs.back().x1 = std::max(runs.back().x1, g->x1);
    prev = g;
  }
  return runs;
}

// The row's runs, each with the cell it is in (made once, then kept with what they take in).
void make_parts(Line& r) {
  if (!r.parts.empty()) return;
  r.parts = runs_of(r);
  for (Line::Part& p : r.parts) {
    while (p.cell + 1 < r.pieces.size() && r.pieces[p.cell + 1].x0 <= p.x0 + 0.1 * r.size) ++p.cell;
  }
}

// The touched cells again from their runs. Runs of a cell a character or more apart are labels
// side by side (a narrow gap did not part them into pieces): once a line under them has gone on
// under each, or under one, they are cells of their own.
void remake_cells(Line& r, const std::vector<bool>& touched) {
  std::vector<std::string> cells;
  std::vector<Line::Piece> pieces;
  size_t k = 0;
  for (size_t c = 0; c < r.cells.size(); ++c) {
    if (!touched[c]) {
      cells.push_back(std::move(r.cells[c]));
      pieces.push_back(r.pieces[c]);
      for (; k < r.parts.size() && r.parts[k].cell == c; ++k) r.parts[k].cell = cells.size() - 1;
      continue;
    }
    const Line::Part* before = nullptr;
    for (; k < r.parts.size() && r.parts[k].cell == c; ++k) {
      Line::Part& p = r.parts[k];
      if (!before || p.x0 - before->x1 >= 0.8 * r.size) {
        cells.emplace_back();
        pieces.push_back(Line::Piece{0, 0, p.x0, p.x1});
      } else {
        cells.back() += ' ';
      }
      cells.back() += p.text;
      pieces.back().x1 = p.x1;
      p.cell = cells.size() - 1;
      before = &p;
    }
  }
  r.cells = std::move(cells);
  r.pieces = std::move(pieces);
}

// The part of `r` a run starts under (within half a character) and ends before the next part
// starts, or none.
std::optional<size_t> part_over(const Line& r, const Line::Part& run) {
  for (size_t k = 0; k < r.parts.size(); ++k) {
    if (std::abs(r.parts[k].x0 - run.x0) > 0.5 * r.size) continue;
    if (k + 1 < r.parts.size() && run.x1 > r.parts[k + 1].x0 + 0.1 * r.size) return std::nullopt;
    return k;
  }
  return std::nullopt;
}

// Takes a line of words under a row into the row when each of its runs starts where one of the
// row's runs starts and ends before the next one: labels that wrap in their cells, a character a
// line in narrow header cells (結/果), or two labels side by side in one cell ("(四)無法 1.本機關"
// over "提供 不掌握相關政府信息"). Each run goes on under the run it starts under; a line with a
// number is a row of its own.
bool absorb_aligned(Line& r, const Line& l) {
  if (l.base - r.last_base > 1.6 * r.size || l.glyphs.empty() || has_digit(l.text)) return false;
  make_parts(r);
  const std::vector<Line::Part> runs = runs_of(l);
  std::vector<size_t> under(runs.size());
  std::vector<bool> taken(r.parts.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    const std::optional<size_t> k = part_over(r, runs[i]);
    // A run that starts a number ("(二)…", "2.…") starts a label of its own.
    if (!k || taken[*k] || starts_with_number(runs[i].text)) return false;
    taken[*k] = true;
    under[i] = *k;
  }
  std::vector<bool> touched(r.cells.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    r.parts[under[i]].text += runs[i].text;
    touched[r.parts[under[i]].cell] = true;
  }
  remake_cells(r, touched);
  r.last_base = l.base;
  return true;
}

// A label spanning rows beside the rows' own labels ("三、本年度辦" beside "(一)予以公開") that goes
// on into the next row, beside that row's own label ("理結果" beside "(二)部分公開…"): the piece goes
// back to the label it continues, in the row that holds it (`owner`), and leaves the row. The piece
// starts under that label, is no number nor starts one, and the row's own label starts under the
// owner's. Returns whether it did.
bool lift_spanning_label(Line& owner, Line& row) {
  if (row.base - owner.last_base > 1.6 * owner.size) return false;
  make_parts(row);
  make_parts(owner);
  if (row.parts.size() < 3) return false;
  const Line::Part& piece = row.parts[0];
  const Line::Part& label = row.parts[1];
  if (has_digit(piece.text) || starts_with_number(piece.text) || has_digit(label.text) ||
      label.x0 - piece.x1 < 0.8 * row.size)
    return false;
  const std::optional<size_t> k = part_over(owner, piece);
  if (!k || *k + 1 >= owner.parts.size() || has_digit(owner.parts[*k + 1].text) ||
      std::abs(owner.parts[*k + 1].x0 - label.x0) > 0.5 * owner.size)
    return false;
  owner.parts[*k].text += piece.text;
  std::vector<bool> touched(owner.cells.size());
  touched[owner.parts[*k].cell] = true;
  remake_cells(owner, touched);
  owner.last_base = row.base;
  // The piece leaves the row, and its cell when nothing else is in it.
  const size_t c = piece.cell;
  row.parts.erase(row.parts.begin());
  if (row.parts.front().cell != c) {
    row.cells.erase(row.cells.begin() + static_cast<std::ptrdiff_t>(c));
    row.pieces.erase(row.pieces.begin() + static_cast<std::ptrdiff_t>(c));
    for (Line::Part& p : row.parts) --p.cell;
  } else {
    std::vector<bool> first(row.cells.size());
    first[c] = true;
    remake_cells(row, first);
  }
  return true;
}

// A row's text: its cells, each followed by a bar.
void write_cells(Line& l) {
  l.text.clear();
  for (std::string& c : l.cells) {
    for (char& ch : c) {
      if (ch == '|') ch = '!';  // a bar would split the cell
    }
    l.text += (l.text.empty() ? "" : " ") + c + " |";
  }
}

// How many of a line's pieces are figures (digits only).
size_t figures(const Line& l) {
  return static_cast<size_t>(std::count_if(l.pieces.begin(), l.pieces.end(), [&](const Line::Piece& p) {
    const std::string_view t = std::string_view(l.text).substr(p.begin, p.end - p.begin);
    return !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos;
  }));
}

// Whether most words of the shorter line start where a word of the other does (within half a
// character): two lines of a header's columns.
bool words_aligned(const Line& a, const Line& b) {
  const Line& fewer = a.pieces.size() <= b.pieces.size() ? a : b;
  const Line& more = &fewer == &a ? b : a;
  size_t matched = 0;
  for (const Line::Piece& p : fewer.pieces) {
    if (std::any_of(more.pieces.begin(), more.pieces.end(),
                    [&](const Line::Piece& q) { return std::abs(p.x0 - q.x0) <= 0.5 * fewer.size; }))
      ++matched;
  }
  return matched * 2 > fewer.pieces.size();
}

// Lines whose pieces are a table's cells: three pieces or more, or two next to such a line. A line
// under a row whose pieces each fall under one of the row's cells continues those cells (a label
// that wraps in its cell): its text goes to them and the line is dropped.
void find_rows(std::vector<Line>& lines) {
  std::vector<bool> row(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    row[i] = lines[i].pieces.size() >= 3 && (!lines[i].spread || figures(lines[i]) >= 2);
  }
  // Short words spread out without figures are a header row only in a table: next to a row, or
  // over or under another such line whose words start where its own do. Alone they are a title
  // set with spaces.
  const auto header = [&](size_t i, size_t j) {
    return row[j] || (lines[j].spread && words_aligned(lines[i], lines[j]));
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].spread && !row[i]) row[i] = (i > 0 && header(i, i - 1)) || (i + 1 < lines.size() && header(i, i + 1));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].pieces.size() == 2 && ((i > 0 && row[i - 1]) || (i + 1 < lines.size() && row[i + 1]))) row[i] = true;
  }
  std::vector<Line> kept;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (row[i] && !kept.empty() && !kept.back().cells.empty() && absorb_aligned(kept.back(), l)) continue;
    if (row[i]) {
      for (const Line::Piece& p : l.pieces) l.cells.push_back(l.text.substr(p.begin, p.end - p.begin));
      l.last_base = l.base;
      kept.push_back(std::move(l));
      continue;
    }
    if (!kept.empty() && !kept.back().cells.empty() && (absorb_aligned(kept.back(), l) || absorb(kept.back(), l)))
      continue;
    kept.push_back(std::move(l));
  }
  lines = std::move(kept);
  size_t owner = lines.size();  // the row a spanning label is in, while rows under it go on with it
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].cells.empty()) {
      owner = lines.size();
    } else if (owner == lines.size() || !lift_spanning_label(lines[owner], lines[i])) {
      owner = i;
    }
  }
  for (Line& l : lines) {
    if (!l.cells.empty()) write_cells(l);
  }
}

// --- The page's blocks, in reading order ---------------------------------------------------------

struct Block {
  double top = 0;
  int section = 0;               // 0 above the columns (or a page in one), 1 left column, 2 right, 3 below
  Line* line = nullptr;          // a line of text, or
  const Table* table = nullptr;  // a table
};

// A page number or its like, alone on a line: "3", "- 3 -", "第 3 页", "第3页 共12页", "3/12".
bool page_number(std::string_view s) {
  std::string t;
  for (char ch : s) {
    if (ch != ' ') t += ch;
  }
  auto digits = [&](size_t& i) {
    const size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > from;
  };
  auto word = [&](size_t& i, std::string_view w) {
    if (t.compare(i, w.size(), w) != 0) return false;
    i += w.size();
    return true;
  };
  for (std::string_view dash : {"-", "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x8D"}) {  // - — – －
    if (t.size() > 2 * dash.size() && t.starts_with(dash) && t.ends_with(dash)) {
      t = t.substr(dash.size(), t.size() - 2 * dash.size());
      break;
    }
  }
  size_t i = 0;
  if (digits(i) && i == t.size()) return true;
  i = 0;
  if (digits(i) && word(i, "/") && digits(i) && i == t.size()) return true;
  i = 0;
  if (word(i, "\xE7\xAC\xAC") && digits(i) && word(i, "\xE9\xA1\xB5")) {  // 第 N 页
    if (i == t.size()) return true;
    word(i, "\xEF\xBC\x8C") || word(i, ",") || word(i, "/");
    return word(i, "\xE5\x85\xB1") && digits(i) && word(i, "\xE9\xA1\xB5") && i == t.size();  // 共 N 页
  }
  return false;
}

// Marks a line may not start with (Chinese line breaking).
bool no_line_start(char32_t c) {
  static constexpr std::u32string_view kMarks = U"，。、；：？！”’）》」』】〕〉…—·%,.;:?!)]";
  return kMarks.find(c) != std::u32string_view::npos;
}

// The marks no line may end with: opening brackets and quotation marks.
bool no_line_end(char32_t c) {
  static constexpr std::u32string_view kMarks = U"“‘（《「『【〔〈([";
  return kMarks.find(c) != std::u32string_view::npos;
}

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == U'.' || c == U'!' || c == U'?' ||
         c == U';' || c == U':';
}

struct PageLayout {
  std::vector<Line> lines;    // outside tables
  std::vector<Table> tables;  // cells filled
  std::vector<Block> blocks;  // in reading order
};

// The text's margins, set on the lines of one column (0: a page in one column, and lines across
// both). The left one: where most lines start (a tenth may start further left: hanging numbers).
// The right one: where most lines end, unless most lines are short (the headings of an outline):
// then where the longest line ends, but not past the margin as wide as the left one (punctuation
// hanging into the margin).
void set_margins(std::vector<Line>& lines, int column, double page_width) {
  std::vector<double> lefts, rights;
  for (const Line& l : lines) {
    if (l.column != column || !l.cells.empty()) continue;
    lefts.push_back(l.x0);
    rights.push_back(l.x1);
  }
  if (lefts.empty()) return;
  std::sort(lefts.begin(), lefts.end());
  std::sort(rights.begin(), rights.end());
  const double left = lefts[lefts.size() / 10];
  const double most = rights[rights.size() - 1 - rights.size() / 10];
  const double symmetric = column == 0 && page_width > 0 ? page_width - left : rights.back();
  double right = std::max(most, std::min(symmetric, rights.back()));
  // No line across most of the page (a page of tables and their captions, a report's last
  // lines) says nothing of the margin: the longest may be a heading. The margin as wide as the left
  // one then.
  if (column == 0 && rights.back() < left + 0.6 * (symmetric - left)) right = std::max(right, symmetric);
  for (Line& l : lines) {
    if (l.column != column) continue;
    l.left = left;
    l.right = right;
  }
}

// A page set in two columns: the place, near the middle of the page, that most lines have a wide
// gap across (a line's pieces part at gaps of a character and a half) and almost none a piece
// across, with text on both sides (not a table's labels and figures). 0 when there is none.
double find_gutter(const std::vector<Line>& lines, double page_width) {
  if (lines.size() < 8 || lines.size() > 400 || !(page_width > 0)) return 0;
  std::vector<double> candidates;
  size_t pieces = 0;
  for (const Line& l : lines) {
    pieces += l.pieces.size();
    for (size_t k = 0; k + 1 < l.pieces.size(); ++k) candidates.push_back((l.pieces[k].x1 + l.pieces[k + 1].x0) / 2);
  }
  if (candidates.size() < 6 || candidates.size() > 800 || pieces > 4000) return 0;
  // Where most lines have a gap and almost none a piece across.
  double best = 0;
  size_t best_support = 0;
  for (double g : candidates) {
    if (g < 0.3 * page_width || g > 0.7 * page_width) continue;
    size_t support = 0, across = 0;
    for (const Line& l : lines) {
      for (size_t k = 0; k < l.pieces.size(); ++k) {
        if (l.pieces[k].x0 < g && l.pieces[k].x1 > g) ++across;
        if (k + 1 < l.pieces.size() && l.pieces[k].x1 <= g && l.pieces[k + 1].x0 >= g) ++support;
      }
    }
    if (support >= 6 && support * 10 >= lines.size() * 3 && across * 20 <= lines.size() && support > best_support) {
      best = g;
      best_support = support;
    }
  }
  if (best_support == 0) return 0;
  // Both sides prose in most of those lines: eight characters or more each (a table's label and
  // figure are not).
  size_t long_sides = 0;
  for (const Line& l : lines) {
    size_t left = 0, right = 0;
    for (const Glyph* gl : l.glyphs) ++((gl->x0 + gl->x1) / 2 < best ? left : right);
    if (left >= 8 && right >= 8) ++long_sides;
  }
  return long_sides * 10 >= best_support * 8 ? best : 0;
}

// Splits every line across the gutter in two, and marks each line's column.
void split_columns(std::vector<Line>& lines, double gutter) {
  std::vector<Line> out;
  for (const Line& l : lines) {
    std::vector<const Glyph*> left, right;
    for (const Glyph* g : l.glyphs) ((g->x0 + g->x1) / 2 < gutter ? left : right).push_back(g);
    bool across = false;
    for (const Line::Piece& p : l.pieces) across = across || (p.x0 < gutter && p.x1 > gutter);
    if (across || left.empty() || right.empty()) {
      out.push_back(l);
      out.back().column = across ? 0 : (left.empty() ? 2 : 1);
      continue;
    }
    for (int side = 1; side <= 2; ++side) {
      for (Line& part : make_lines(side == 1 ? left : right)) {
        part.column = side;
        out.push_back(std::move(part));
      }
    }
  }
  lines = std::move(out);
}

PageLayout lay_out(const Page& page) {
  PageLayout out;
  out.tables = find_tables(page);
  std::vector<const Glyph*> loose;
  for (const Glyph& g : page.glyphs) {
    const double mid_x = (g.x0 + g.x1) / 2, mid_y = g.base - 0.3 * g.size;
    bool placed = false;
    for (Table& t : out.tables) {
      size_t r = 0, c = 0;
      if (locate(t, mid_x, mid_y, r, c)) {
        t.cells[size_t(t.at[r][c])].glyphs.push_back(&g);
        placed = true;
        break;
      }
    }
    if (!placed) loose.push_back(&g);
  }
  out.lines = make_lines(std::move(loose));
  const double gutter = find_gutter(out.lines, page.width);
  if (gutter > 0) split_columns(out.lines, gutter);
  find_rows(out.lines);
  for (int column = 0; column <= 2; ++column) set_margins(out.lines, column, page.width);
  // Reading order: what stands above the columns, the left column, the right one, then the rest.
  double columns_top = 1e18;
  for (const Line& l : out.lines) {
    if (l.column != 0) columns_top = std::min(columns_top, l.base - l.size);
  }
  const auto section = [&](double top, int column) {
    if (column != 0) return column;
    return top < columns_top ? 0 : 3;
  };
  for (Line& l : out.lines) {
    out.blocks.push_back(Block{l.base - l.size, section(l.base - l.size, l.column), &l, nullptr});
  }
  for (const Table& t : out.tables) out.blocks.push_back(Block{t.top, section(t.top, 0), nullptr, &t});
  std::stable_sort(out.blocks.begin(), out.blocks.end(), [](const Block& a, const Block& b) {
    return a.section != b.section ? a.section < b.section : a.top < b.top;
  });
  return out;
}

// Lines that are page furniture: a page number in the top or bottom tenth of the page, and a line
// repeated at the same height on at least three pages and half of them.
std::vector<std::vector<bool>> furniture(const std::vector<Page>& pages, const std::vector<PageLayout>& layouts) {
  std::map<std::pair<std::string, long>, size_t> seen;
  for (const PageLayout& p : layouts) {
    for (const Line& l : p.lines) ++seen[{l.text, std::lround(l.base / 3)}];
  }
  std::vector<std::vector<bool>> out(layouts.size());
  for (size_t k = 0; k < layouts.size(); ++k) {
    const double h = pages[k].height > 0 ? pages[k].height : 842;
    for (const Line& l : layouts[k].lines) {
      const bool margin = l.base < 0.1 * h || l.base > 0.88 * h;
      const size_t repeats = seen[{l.text, std::lround(l.base / 3)}];
      out[k].push_back((margin && page_number(l.text)) || (margin && repeats >= 3 && repeats * 2 >= layouts.size()));
    }
  }
  return out;
}

// --- Writing the text ----------------------------------------------------------------------------

// What the text is made of, in order: a line of text, or a table row.
struct PdfCell {
  std::string text;
  double x0 = 0, x1 = 0;
  char32_t last = 0;       // the last character, for joining a cell's text with its rest on the next page
  bool to_bottom = false;  // it reaches the bottom of its page's part of the table
};
struct Item {
  uint32_t page = 0;           // 1-based
  const Line* line = nullptr;  // a line of text, joined to the line before or not, or
  bool joined = false;
  uint32_t table = 0, row = 0;  // a table row: 1-based table and row, and its cells
  std::vector<PdfCell> cells;
};

// The cells of a table part's row, written where they start (a merged cell once).
std::vector<PdfCell> row_cells(const Table& t, size_t r) {
  std::vector<PdfCell> out;
  for (size_t c = 0; c + 1 < t.xs.size(); ++c) {
    const Cell& cell = t.cells[size_t(t.at[r][c])];
    if (cell.row != r || cell.column != c) continue;
    PdfCell pc;
    for (const Line& l : make_lines(cell.glyphs)) join_into(pc.text, pc.last, l);
    for (char& ch : pc.text) {
      if (ch == '|') ch = '!';  // a bar would split the cell
    }
    // The cell's extent: from its column's left boundary to its last column's right one.
    size_t end = c, bottom = r;
    while (end + 2 < t.xs.size() && t.at[r][end + 1] == t.at[r][c]) ++end;
    while (bottom + 2 < t.ys.size() && t.at[bottom + 1][c] == t.at[r][c]) ++bottom;
    pc.x0 = t.xs[c];
    pc.x1 = t.xs[end + 1];
    pc.to_bottom = bottom + 2 == t.ys.size();
    out.push_back(std::move(pc));
  }
  return out;
}

bool same_extent(const PdfCell& a, const PdfCell& b) {
  return std::abs(a.x0 - b.x0) <= 2 && std::abs(a.x1 - b.x1) <= 2;
}

bool same_texts(const std::vector<PdfCell>& a, const std::vector<PdfCell>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || !same_extent(a[i], b[i])) return false;
  }
  return true;
}

// The first row of a table part on a new page, when it is the rest of cells the page broke (a row
// split by the page, or a merged cell going on): cells of the same extent as cells reaching the
// bottom of the page before (`open`), and no figure in them. Those cells' text goes to the cells
// they continue; the row keeps the other cells. Returns whether anything of the row is left (a
// cell with text).
bool continue_row(const std::vector<PdfCell*>& open, std::vector<PdfCell>& row) {
  auto partner_of = [&](const PdfCell& c) -> PdfCell* {
    for (PdfCell* b : open) {
      if (same_extent(c, *b)) return b;
    }
    return nullptr;
  };
  bool pairs = false;
  for (const PdfCell& c : row) {
    if (!partner_of(c)) continue;
    if (has_digit(c.text)) return true;
    pairs = true;
  }
  if (!pairs) return true;
  std::vector<PdfCell> left;
  for (PdfCell& c : row) {
    PdfCell* partner = partner_of(c);
    if (!partner) {
      left.push_back(std::move(c));
      continue;
    }
    if (c.text.empty()) continue;
    if (!partner->text.empty() && !is_cjk(partner->last) && static_cast<unsigned char>(c.text[0]) < 0x80)
      partner->text += ' ';
    partner->text += c.text;
    partner->last = c.last;
  }
  row = std::move(left);
  return std::any_of(row.begin(), row.end(), [](const PdfCell& c) { return !c.text.empty(); });
}

// The column boundaries of a table over all its pages: every cell's edges.
std::vector<double> table_columns(const std::vector<Item>& items, uint32_t table) {
  std::vector<double> xs;
  for (const Item& it : items) {
    if (it.table != table) continue;
    for (const PdfCell& c : it.cells) {
      xs.push_back(c.x0);
      xs.push_back(c.x1);
    }
  }
  return distinct(std::move(xs), 2.0);
}

// The items as text: a line per line of text (a paragraph's lines joined), a "cell | cell |" line
// per table row; every line of text and every row is a display line, numbered on its page.
void write(const std::vector<Item>& items, Extracted& out) {
  TextBuilder tb(out);
  std::map<uint32_t, uint32_t> lines_on_page;
  std::map<uint32_t, std::vector<double>> columns;
  char32_t last = 0;
  auto display = [&](const std::string& s, uint32_t page) {
    out.display_lines.push_back(s);
    out.display_pages.emplace_back(page, ++lines_on_page[page]);
    return static_cast<uint32_t>(out.display_lines.size());
  };
  for (const Item& it : items) {
    if (it.line) {
      const uint32_t n = display(it.line->text, it.page);
      if (it.joined && !tb.at_line_start()) {
        if (!(is_cjk(last) || is_cjk(it.line->first))) tb.insert(" ", n, 1);
      } else {
        tb.end_line();
      }
      tb.copy(it.line->text, n, 1);
      last = it.line->last;
      if (!it.line->cells.empty()) tb.end_line();  // a row of a table without ruling lines
      continue;
    }
    tb.end_line();
    auto [xs, fresh] = columns.try_emplace(it.table);
    if (fresh) xs->second = table_columns(items, it.table);
    std::string row;
    for (size_t k = 0; k < it.cells.size(); ++k) row += (k ? " " : "") + it.cells[k].text + " |";
    const uint32_t n = display(row, it.page);
    uint32_t column = 1;
    for (size_t k = 0; k < it.cells.size(); ++k) {
      const std::vector<double>& bounds = xs->second;
      const auto at = std::lower_bound(bounds.begin(), bounds.end(), it.cells[k].x0 - 2.0);
      const GridRef grid{it.table, it.row, static_cast<uint32_t>(at - bounds.begin()) + 1};
      if (k) tb.insert(" ", n, column++, grid);
      tb.copy(it.cells[k].text, n, column, grid);
      column += static_cast<uint32_t>(utf8_code_points(it.cells[k].text));
      tb.insert(" |", n, column, grid);
      column += 2;
    }
    tb.end_line();
    last = 0;
  }
  tb.end_line();
}

bool continues(const Line& prev, const Line& next, bool same_page) {
  const double size = prev.size;
  if (!prev.cells.empty() || !next.cells.empty()) return false;  // table rows
  if (std::abs(next.size - size) > 0.15 * size) return false;
  // The room left at the end of `prev`: under two characters more than what `next` starts with
  // that a layout does not break: a character carried down with the marks no line may start with
  // (度》、), then those marks, then a number or Latin word ("2014", "”00000004.", "(wěn)").
  const std::vector<const Glyph*>& gs = next.glyphs;
  const auto latin = [](char32_t c) {
    return (c > 0x20 && c < 0x80) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
  };
  size_t i = 0;
  if (gs.size() > 1 && !latin(gs[0]->first) && !no_line_start(gs[0]->first) && no_line_start(gs[1]->first)) ++i;
  // Nor does it break on either side of a quotation mark (ICU's rules, LibreOffice's): 版“政 go down
  // together.
  if (gs.size() > 2 && (gs[1]->first == U'“' || gs[1]->first == U'‘')) i = std::max<size_t>(i, 3);
  // An opening bracket goes down with what it opens: "〔2020〕".
  if (i == 0 && gs.size() > 1 && no_line_end(gs[0]->first)) ++i;
  while (i < gs.size() && no_line_start(gs[i]->first)) ++i;
  while (i < gs.size() && latin(gs[i]->first) && !(i > 0 && gs[i - 1]->space_after)) ++i;
  const double carried = i > 0 ? gs[i - 1]->x1 - next.x0 : 0;
  if (prev.x1 < prev.right - 2 * size - carried) return false;
  if (next.x0 > next.left + 0.5 * size) return false;
  if (same_page && next.base - prev.base > 2.5 * size) return false;
  // A section number opening a short line (a heading), or any line after a sentence's end.
  if (starts_with_number(next.text) && (next.x1 < next.right - 1.8 * size || ends_sentence(prev.last))) return false;
  return true;
}

// Whether a page begins with a few lines of text and then a row of a table without ruling lines
// (page furniture aside).
bool rows_follow(const PageLayout& pl, const std::vector<bool>& skip) {
  constexpr size_t kMostBrokenLines = 8;
  size_t lines = 0;
  for (const Block& b : pl.blocks) {
    if (!b.line) return false;
    if (skip[static_cast<size_t>(b.line - pl.lines.data())]) continue;
    if (!b.line->cells.empty()) return lines > 0;
    if (++lines > kMostBrokenLines) return false;
  }
  return false;
}

}  // namespace

Extracted extract_pdf(std::string_view bytes) {
  Extracted out;
  init_poppler();
  // PDFDoc owns the stream; the stream reads `bytes` in place.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) {
    if (doc.getErrorCode() == errEncrypted) {
      out.problem = problem("PDF 文件有打开密码，无法读取；请提供未加密的文件",
                            "the PDF needs a password to open; give an unencrypted copy");
    } else {
      out.problem =
          problem("PDF 文件已损坏，无法读取（" + std::to_string(doc.getErrorCode()) + "）",
                  "the PDF is damaged and cannot be read (poppler error " + std::to_string(doc.getErrorCode()) + ")");
    }
    return out;
  }
  if (!doc.okToCopy()) {
    out.problem = problem("PDF 文件禁止复制文字（加密权限），无法读取；请提供允许复制的文件或 .docx",
                          "the PDF forbids copying its text (its permissions); give a copy that allows it, or the "
                          ".docx");
    return out;
  }
  const int pages = doc.getNumPages();
  if (pages <= 0) {
    out.problem = problem("PDF 文件没有页面", "the PDF has no pages");
    return out;
  }
  if (pages > kMaxPages) {
    out.problem = problem(
        "PDF 文件页数太多（" + std::to_string(pages) + " 页，上限 " + std::to_string(kMaxPages) + "）",
        "the PDF has too many pages (" + std::to_string(pages) + ", the limit is " + std::to_string(kMaxPages) + ")");
    return out;
  }
  DrawingCost cost(doc.getXRef());
  for (int p = 1; p <= pages; ++p) {
    ::Page* page = doc.getPage(p);
    if (page && !cost.add(page)) {
      out.problem = problem(
          "PDF 文件的页面内容太多（解压后超过 " + std::to_string(kMaxDecoded >> 20) + " MiB，或绘图指令超过 " +
              std::to_string(kMaxOperators / 1000000) + " 百万条），无法检查",
          "the PDF's pages hold more than gklint reads (they inflate to over " + std::to_string(kMaxDecoded >> 20) +
              " MiB, or hold over " + std::to_string(kMaxOperators / 1000000) + " million drawing operators)");
      return out;
    }
  }
  Collector collector;
  for (int p = 1; p <= pages && !collector.over; ++p) {
    doc.displayPage(&collector, p, 72, 72, 0, true, false, false, stop_drawing, &collector);
  }
  if (collector.over) {
    out.problem = problem("PDF 文件内容太多，无法检查（字符或线条超过上限）",
                          "the PDF holds too much to check (more glyphs or lines than the limit)");
    return out;
  }
  const size_t drawn = collector.glyphs, mapped = drawn - collector.unmapped;
  if (mapped < 20 && collector.unmapped < 20) {
    double image_area = 0, page_area = 0;
    for (const Page& p : collector.pages) {
      image_area += p.image_area;
      page_area += p.width * p.height;
    }
    if (image_area > 0.3 * page_area)
      out.problem = problem("PDF 文件没有文字层（扫描件或图片），需要先做文字识别（OCR）",
                            "the PDF has no text, only images (a scan): it needs OCR first");
    else
      out.problem = problem("PDF 文件没有可读的文字", "the PDF has no text to read");
    return out;
  }
  // A text layer that is not text: glyphs without Unicode, private-use characters, or a long text
  // without one Chinese character (a report is in Chinese: a font without a ToUnicode map).
  const size_t unknown = collector.unmapped + collector.private_use;
  if (unknown * 10 >= drawn * 3) {
    out.problem =
        problem("PDF 文件的文字层无法解读（字体缺少 Unicode 映射，" + std::to_string(unknown) + "/" +
                    std::to_string(drawn) + " 个字符无法识别），需要重新导出或做文字识别（OCR）",
                "the PDF's text layer cannot be read (fonts without a Unicode map: " + std::to_string(unknown) +
                    " of " + std::to_string(drawn) + " glyphs unknown); export it again or OCR it");
    return out;
  }
  if (drawn >= 200 && collector.han * 50 < drawn) {
    out.problem = problem("PDF 文件的文字层没有汉字（字体缺少 Unicode 映射？），需要重新导出或做文字识别（OCR）",
                          "the PDF's text layer has no Chinese characters (fonts without a Unicode map?); export "
                          "it again or OCR it");
    return out;
  }

  std::vector<PageLayout> layouts;
  layouts.reserve(collector.pages.size());
  for (const Page& p : collector.pages) layouts.push_back(lay_out(p));
  const std::vector<std::vector<bool>> skip = furniture(collector.pages, layouts);

  std::vector<Item> items;
  const Line* prev = nullptr;
  size_t prev_page = 0;               // the page of `prev`
  Line* last_row = nullptr;           // the last item, when a row of a table without ruling lines
  const Table* open_table = nullptr;  // the last block was a part of this table
  size_t table_start = 0;             // its first row in `items`
  size_t part_start = 0;              // the first row of its part on the page before
  uint32_t tables = 0, rows = 0;
  for (size_t k = 0; k < layouts.size(); ++k) {
    const PageLayout& pl = layouts[k];
    const auto page = static_cast<uint32_t>(k + 1);
    bool first_block = true;
    // A table without ruling lines that goes on from the page before, a label the page broke: the
    // lines above the page's first row continue the last row when they are under its runs.
    Line* broken = last_row && prev_page + 1 == k && rows_follow(pl, skip[k]) ? last_row : nullptr;
    for (const Block& b : pl.blocks) {
      if (b.line) {
        if (skip[k][static_cast<size_t>(b.line - pl.lines.data())]) continue;
        if (broken && b.line->cells.empty() && absorb_aligned(*broken, *b.line)) {
          write_cells(*broken);
          continue;
        }
        broken = nullptr;
        last_row = b.line->cells.empty() ? nullptr : b.line;
        Item it;
        it.page = page;
        it.line = b.line;
        it.joined = prev && continues(*prev, *b.line, prev_page == k);
        items.push_back(std::move(it));
        prev = b.line;
        prev_page = k;
        open_table = nullptr;
        first_block = false;
        continue;
      }
      const Table& t = *b.table;
      // A table at the top of a page, as wide as the table that ended the page before, goes on
      // from it: its header rows repeated there are left out, and a row broken by the page joined.
      const bool goes_on = first_block && open_table && std::abs(open_table->left - t.left) <= 2 &&
                           std::abs(open_table->right - t.right) <= 2;
      if (!goes_on) {
        ++tables;
        rows = 0;
        table_start = items.size();
      }
      size_t r = 0;
      const size_t part_rows = t.ys.size() - 1;
      std::vector<PdfCell*> open;  // the cells the page broke
      if (goes_on) {
        for (size_t i = part_start; i < items.size(); ++i) {
          for (PdfCell& c : items[i].cells) {
            if (c.to_bottom) open.push_back(&c);
          }
        }
      }
      part_start = items.size();
      if (goes_on) {
        while (r < part_rows && table_start + r < items.size() &&
               same_texts(row_cells(t, r), items[table_start + r].cells))
          ++r;
      }
      for (; r < part_rows; ++r) {
        std::vector<PdfCell> cells = row_cells(t, r);
        if (goes_on && r == 0 && !continue_row(open, cells)) continue;
        Item it;
        it.page = page;
        it.table = tables;
        it.row = ++rows;
        it.cells = std::move(cells);
        items.push_back(std::move(it));
      }
      open_table = &t;
      prev = nullptr;
      last_row = nullptr;
      broken = nullptr;
      first_block = false;
    }
  }
  write(items, out);
  return out;
}

}  // namespace gklint
