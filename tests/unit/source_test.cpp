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

TEST_CASE("source: a UTF-8 BOM is dropped and reported as the encoding") {
  Source s = Source::decode("t.txt", "\xEF\xBB\xBF概述\n");
  CHECK(s.text() == "概述\n");
  CHECK(s.encoding() == "UTF-8 (BOM)");
  CHECK(Source::decode("t.txt", "概述").encoding() == "UTF-8");
}

TEST_CASE("source: empty, blank, binary and invalid UTF-8 inputs are problems with a location") {
  CHECK(Source::decode("e", "").problem());
  CHECK(Source::decode("b", " \n\t\r\n").problem());
  CHECK(Source::decode("n", std::string("ab\0cd", 5)).problem());
  Source bad = Source::decode("u", "第一行\n中\xE6\x96");  // truncated 3-byte sequence
  REQUIRE(bad.problem());
  Position p = bad.position(bad.problem()->offset);
  CHECK(p.line == 2);
  CHECK(p.column == 2);
  // Overlong encodings and surrogates are not valid UTF-8 either.
  CHECK(Source::decode("o", "a\xC0\xAF").problem());
  CHECK(Source::decode("s", "a\xED\xA0\x80").problem());
  CHECK_FALSE(Source::decode("ok", "a\xF0\xA0\x80\x80").problem());  // 𠀀, CJK Extension B
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
