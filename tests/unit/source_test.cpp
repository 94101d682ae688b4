#include <doctest/doctest.h>

#include "gklint/source.hpp"

using namespace gklint;

TEST_CASE("source: lines and columns in code points, for LF, CRLF and CR") {
  for (const char* nl : {"\n", "\r\n", "\r"}) {
    std::string text = std::string("一、总体情况") + nl + "ab中文x" + nl + nl + "end";
    Source s = Source::decode("t.txt", text);
    CHECK_FALSE(s.problem());
    CHECK(s.line_count() == 4);
    const uint32_t x = static_cast<uint32_t>(text.find('x'));
    CHECK(s.position(x).line == 2);
    CHECK(s.position(x).column == 5);  // a b 中 文 x
    CHECK(s.line_text(2) == "ab中文x");
    CHECK(s.line_text(3).empty());
    CHECK(s.position(static_cast<uint32_t>(text.size())).line == 4);
  }
}

// The columns of a long line come from marks every few KiB, not from a walk from the line's start
// (a crawled page is one line): they must be the same numbers the walk gives, at every offset, on
// lines of mixed one- to four-byte characters, for plain text and for a page.
TEST_CASE("source: columns on a long line are those a walk from the line's start gives") {
  std::string line;
  for (int i = 0; line.size() < 50000; ++i) line += (i % 7 == 0 ? "𠀀" : i % 3 == 0 ? "é" : i % 2 ? "中" : "a");
  const std::string text = "第一行\n" + line + "\n" + line + "x\n";
  for (const Source& s : {Source::decode("t.txt", text),
                          Source::read("t.html", "<html><body><p>第一行</p><pre>" + line + "</pre></body></html>")}) {
    CHECK_FALSE(s.problem());
    const std::string_view t(s.text());
    const size_t second = t.find('\n') + 1;
    uint32_t column = 1;
    for (size_t i = second; i < second + line.size(); ++column) {
      const Position p = s.position(static_cast<uint32_t>(i));
      REQUIRE(p.column == column + (s.format() == "html" ? s.position(static_cast<uint32_t>(second)).column - 1 : 0));
      utf8_next(t, i);
    }
  }
}

TEST_CASE("utf8_next: a valid sequence's code point and length, else U+FFFD and one byte") {
  // Every lead byte, followed by bytes around the continuation range's edges, cut at every length:
  // one step as utf8_sequence_length measures it, the code point as the bytes spell it.
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF};
  size_t cases = 0, wrong = 0;
  std::string first_wrong;
  for (int lead = 0; lead < 256; ++lead) {
    for (unsigned char b1 : edges) {
      for (unsigned char b2 : edges) {
        for (unsigned char b3 : edges) {
          const char bytes[] = {static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2),
                                static_cast<char>(b3)};
          for (size_t n = 1; n <= 4; ++n) {
            const std::string_view s(bytes, n);
            const int len = utf8_sequence_length(s, 0);
            size_t i = 0, j = 0;
            const char32_t cp = utf8_next(s, i);
            const char32_t expected = len == 0 ? char32_t{0xFFFD} : utf8_next_valid(s, j);
            ++cases;
            if (i != static_cast<size_t>(len == 0 ? 1 : len) || cp != expected) {
              if (wrong++ == 0)
                first_wrong = std::to_string(lead) + " " + std::to_string(b1) + " n=" + std::to_string(n);
            }
          }
        }
      }
    }
  }
  CHECK(cases == 256 * 12 * 12 * 12 * 4);
  CHECK_MESSAGE(wrong == 0, first_wrong);
  // What is valid: the shortest form, no surrogate, nothing past U+10FFFF, nothing cut short.
  CHECK(utf8_sequence_length("\xE4\xB8\xAD", 0) == 3);      // 中
  CHECK(utf8_sequence_length("\xF0\xA0\x80\x80", 0) == 4);  // 𠀀
  CHECK(utf8_sequence_length("\xEF\xBF\xBD", 0) == 3);      // U+FFFD itself
  CHECK(utf8_sequence_length("\xC0\x80", 0) == 0);          // overlong
  CHECK(utf8_sequence_length("\xE0\x80\x80", 0) == 0);      // overlong
  CHECK(utf8_sequence_length("\xED\xA0\x80", 0) == 0);      // a surrogate
  CHECK(utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(utf8_sequence_length("\xE4\xB8", 0) == 0);          // cut short
  CHECK(utf8_sequence_length("\x80", 0) == 0);              // a continuation byte alone
}

TEST_CASE("source: a ColumnWalker answers in any order as walking from the line's start does") {
  // A long line (marks are left every 1 KiB walked) of ASCII, Chinese and astral characters.
  std::string line;
  for (int k = 0; k < 3000; ++k) line += k % 7 == 0 ? "𠀀" : k % 3 == 0 ? "a" : "中";
  const auto units = [](char32_t c) -> uint32_t { return c >= 0x10000 ? 2 : 1; };
  ColumnWalker shared(units);
  uint32_t column = 1;
  for (int k = 0; k < 400; ++k) {
    column = (column * 7919 + 13) % 3100 + 1;  // up and down the line, past its end too
    ColumnWalker fresh(units);
    const ColumnWalker::At want = fresh.walk(line, 1, column);
    const ColumnWalker::At got = shared.walk(line, 1, column);
    REQUIRE(got.byte == want.byte);
    REQUIRE(got.units == want.units);
    REQUIRE(got.column == want.column);
  }
}

TEST_CASE("source: a ColumnWalker gives each column's byte and units, in order or not") {
  const std::string line = "a中𠀀b";
  ColumnWalker bytes;
  CHECK(bytes.walk(line, 1, 3).byte == 4);  // after a and 中
  CHECK(bytes.walk(line, 1, 4).byte == 8);  // on b
  CHECK(bytes.walk(line, 1, 2).byte == 1);  // back: starts again from the line's start
  CHECK(bytes.walk(line, 1, 99).byte == line.size());
  CHECK(bytes.walk(line, 1, 99).column == 5);  // stopped at the end
  ColumnWalker utf16([](char32_t c) -> uint32_t { return c >= 0x10000 ? 2 : 1; });
  CHECK(utf16.walk(line, 2, 3).units == 2);
  CHECK(utf16.walk(line, 2, 4).units == 4);   // 𠀀 is a surrogate pair
  CHECK(utf16.walk("xyz", 3, 2).units == 1);  // another line starts again
}

TEST_CASE("source: a UTF-8 BOM is dropped and reported as the encoding") {
  Source s = Source::decode("t.txt", "\xEF\xBB\xBF概述\n");
  CHECK(s.text() == "概述\n");
  CHECK(s.encoding() == "UTF-8 (BOM)");
  CHECK(Source::decode("t.txt", "概述").encoding() == "UTF-8");
}

TEST_CASE("source: empty, blank and binary inputs are problems; bad bytes are a located warning") {
  CHECK(Source::decode("e", "").problem());
  CHECK(Source::decode("b", " \n\t\r\n").problem());
  CHECK(Source::decode("n", std::string("ab\0cd", 5)).problem());
  // A NUL or many controls anywhere in the first 8 KiB, whatever its place in a word of 8 bytes.
  const std::string prose = "本报告依据条例编制。\n";  // 31 bytes, no control but the line feed
  for (size_t at = 0; at < 24; ++at) {
    std::string t = prose + prose;
    t[at] = '\0';
    CHECK(Source::decode("n", t).problem());
  }
  std::string controls;
  for (int i = 0; i < 40; ++i) controls += std::string("abcdefghijklmnopq") + (i % 2 ? '\x01' : '\x02');
  CHECK(Source::decode("c", controls).problem());
  CHECK_FALSE(Source::decode("p", prose + prose + prose).problem());
  // Line feeds only, and CR LF, and CR alone mixed in one text.
  CHECK(Source::decode("l", "一\n二\n三").line_count() == 3);
  CHECK(Source::decode("m", "一\r\n二\r三\n四").line_count() == 4);
  // A UTF-8 file cut short: still UTF-8, the bad bytes replaced, a warning at the first.
  Source bad = Source::decode("u", "第一行\n中文第二行\xE6\x96");
  CHECK_FALSE(bad.problem());
  REQUIRE(bad.decode_warning());
  CHECK(bad.encoding() == "UTF-8");
  Position p = bad.position(bad.decode_warning()->offset);
  CHECK(p.line == 2);
  CHECK(p.column == 6);
  CHECK(bad.text().ends_with("第二行\xEF\xBF\xBD\xEF\xBF\xBD"));
  CHECK_FALSE(Source::decode("ok", "a\xF0\xA0\x80\x80").decode_warning());  // 𠀀, CJK Extension B
  // Noise that fits no encoding is not text.
  CHECK(Source::decode("x", "\x80\xFF\x80\xFF\x80\xFF\x80\xFF").problem());
}

namespace {

std::string utf16(const std::u16string& s, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t c : s) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

}  // namespace

TEST_CASE("source: GB18030, Big5 and UTF-16 are detected and give the UTF-8 text's lines and columns") {
  // 政府信息公开工作年度报告\n一、总体情况 in GB18030 (GBK) bytes.
  const std::string gbk =
      "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6\n"
      "\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6";
  Source g = Source::decode("g.txt", gbk);
  CHECK(g.encoding() == "GB18030");
  CHECK(g.text() == "政府信息公开工作年度报告\n一、总体情况");
  CHECK_FALSE(g.decode_warning());
  // 政府資訊公開 in Big5.
  Source b = Source::decode(
      "b.txt", "\xAC\x46\xA9\xB2\xB8\xEA\xB0\x54\xA4\xBD\xB6\x7D\n\xA4\x40\xA1\x42\xC1\x60\xC5\xE9\xB1\xA1\xAA\x70");
  CHECK(b.encoding() == "Big5");
  CHECK(b.text() == "政府資訊公開\n一、總體情況");
  for (bool be : {false, true}) {
    Source u = Source::decode("u.txt", utf16(u"概述\r\n二、主动公开", be));
    CHECK(u.encoding() == (be ? "UTF-16BE" : "UTF-16LE"));
    CHECK(u.text() == "概述\r\n二、主动公开");
    CHECK(u.position(static_cast<uint32_t>(u.text().find("主动"))).column == 3);
  }
  // Named by the user: bytes read as told, even when detection would choose otherwise.
  CHECK(Source::decode("f.txt", gbk, ReadOptions{"GBK"}).encoding() == "GB18030");
  CHECK(Source::decode("f.txt", "abc", ReadOptions{"Big5"}).encoding() == "Big5");
}

TEST_CASE("source: files that are not reports are told apart by their first bytes") {
  const auto message = [](const std::string& path, const std::string& bytes) {
    Source s = Source::read(path, bytes);
    return s.problem() ? s.problem()->message_en : std::string();
  };
  CHECK(message("a.docx", "%PDF-1.4\n%...").find("PDF") != std::string::npos);
  CHECK(message("a.txt", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))
            .find("legacy Word") != std::string::npos);
  std::string encrypted = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0');
  for (char c : std::string("EncryptedPackage")) encrypted += std::string{c, '\0'};
  CHECK(message("a.docx", encrypted).find("password") != std::string::npos);
  CHECK(message("a.html", "\x89PNG\r\n\x1A\n....").find("image") != std::string::npos);
  CHECK(message("a.docx", "").find("empty") != std::string::npos);
  CHECK(Source::read("a.html", "<p>概述</p>").format() == "html");
  CHECK(Source::read("a", "<!DOCTYPE html><p>概述</p>").format() == "html");
  CHECK(Source::read("a.txt", "<p>概述</p>").format() == "text");
}

TEST_CASE("source: utf8 helpers round-trip") {
  std::string s;
  for (char32_t c : {U'a', U'é', U'中', U'𠀀'}) utf8_append(s, c);
  size_t i = 0;
  CHECK(utf8_next(s, i) == U'a');
  CHECK(utf8_next(s, i) == U'é');
  CHECK(utf8_next(s, i) == U'中');
  CHECK(utf8_next(s, i) == U'𠀀');
  CHECK(i == s.size());
}

TEST_CASE("source: overlong forms, surrogates and values past U+10FFFF are not valid UTF-8") {
  for (const char* bad : {"中文\xC0\xAF中文", "中文\xE0\x80\xAF中文", "中文\xED\xA0\x80中文",
                          "中文\xF4\x90\x80\x80中文", "中文\xF0\x80\x80\xAF中文", "中文\xE4\xB8中文", "中文\xFF中文"}) {
    // Enough good text around the bad bytes for a file to be read as UTF-8 with a warning.
    const std::string text = std::string("一、总体情况，本年度政府信息公开工作") + bad + "二、主动公开政府信息情况";
    Source s = Source::decode("t.txt", text);
    CHECK_MESSAGE((s.encoding() == "UTF-8" && s.decode_warning() && !s.problem()), bad);
  }
  // Valid edges: U+0080, U+07FF, U+FFFF, U+10000, U+10FFFF, and ASCII runs longer than eight bytes.
  for (const char* good : {"\xC2\x80", "\xDF\xBF", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
                           "0123456789abcdef中0123456789"}) {
    Source s = Source::decode("t.txt", std::string("ok ") + good);
    CHECK_MESSAGE((s.encoding() == "UTF-8" && !s.decode_warning()), good);
  }
}
