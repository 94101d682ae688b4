#include <doctest/doctest.h>

#include "gklint/numerals.hpp"
#include "gklint/utf8.hpp"
#include "gklint/view.hpp"

using namespace gklint;

TEST_CASE("view: traditional script becomes simplified") {
  CHECK(View::build("政府信息公開工作年度報告").text() == "政府信息公开工作年度报告");
  CHECK(View::build("收到和處理政府信息公開申請情況").text() == "收到和处理政府信息公开申请情况");
}

TEST_CASE("view: NFKC for full-width digits, letters and brackets; ㈠ becomes (一)") {
  CHECK(View::build("（一）２０２０年ＡＢ").text() == "(一)2020年AB");
  CHECK(View::build("㈠").text() == "(一)");
  CHECK(View::build("：，；").text() == ":,;");
}

TEST_CASE("view: dashes and quotes are unified") {
  CHECK(View::build("—208 －5 –3").text() == "-208 -5 -3");
  CHECK(View::build("“三安全一稳定”").text() == "\"三安全一稳定\"");
}

TEST_CASE("view: blank runs collapse, line ends become LF, tabs stay") {
  CHECK(View::build("商業　 企業\r\n不予  公開\rx\ty").text() == "商业 企业\n不予 公开\nx\ty");
}

TEST_CASE("view: pinyin annotations after Han characters are dropped") {
  CHECK(View::build("數(shù)據(jù)").text() == "数据");
  CHECK(View::build("結轉下年度繼續(xù)辦理").text() == "结转下年度继续办理");
  // Not after a Han character, or without a tone mark: ordinary text.
  CHECK(View::build("见(abc)与 x(shù)").text() == "见(abc)与 x(shù)");
}

TEST_CASE("view: every view byte maps back to the source character that produced it") {
  const std::string src = "（一）數(shù)據(jù)　ok";
  View v = View::build(src);
  REQUIRE(v.text() == "(一)数据 ok");
  CHECK(v.source_offset(0) == 0);  // ( from （
  CHECK(v.source_offset(1) == 3);  // 一
  const uint32_t ju = static_cast<uint32_t>(v.text().find("据"));
  CHECK(v.source_offset(ju) == src.find("據"));
  const uint32_t o = static_cast<uint32_t>(v.text().find("ok"));
  CHECK(v.source_offset(o) == src.find("ok"));
  CHECK(v.source_offset(static_cast<uint32_t>(v.text().size())) == src.size());
  Span s = v.source_span(ju, ju + 3);
  CHECK(src.substr(s.begin, s.end - s.begin).rfind("據", 0) == 0);
}

TEST_CASE("labels: normalized and without blanks") {
  CHECK(normalize_label(" 不予 公開 ") == "不予公开");
  CHECK(normalize_label("商業 企業") == normalize_label("商业企业"));
}

TEST_CASE("numerals: Chinese numerals one to ninety-nine") {
  int v;
  size_t len;
  const std::pair<const char*, int> cases[] = {{"一", 1},    {"九", 9},      {"十", 10},    {"十一", 11},
                                               {"二十", 20}, {"二十三", 23}, {"九十九", 99}};
  for (const auto& [text, value] : cases) {
    REQUIRE(parse_cn_numeral(text, 0, &v, &len));
    CHECK(v == value);
    CHECK(len == std::string_view(text).size());
  }
  CHECK_FALSE(parse_cn_numeral("是", 0, &v, &len));
  std::string out;
  append_cn_numeral(out, 24);
  CHECK(out == "二十四");
  CHECK(parse_small_arabic("12.", 0, &v, &len));
  CHECK(v == 12);
  CHECK_FALSE(parse_small_arabic("2018", 0, &v, &len));
}

// The sparse map against what it stands for, on random mixes of what normalization treats apart:
// the same source offset for every byte of a view character, offsets that never go back, a
// character start each time, and view_offset as the first view byte at or after a source offset.
TEST_CASE("view: the sparse offset map on random text") {
  const std::vector<std::string> pieces = {"a",       "1",  " ",  "  ",       "　",
                                           "\r\n",    "\n", "\r", "（",       "）",
                                           "(",       "中", "國", "，",       "據(jù)",
                                           "㈠",      "…",  "\t", "\xff",     "𠀀",
                                           "ａ",      "No", "。", "\xe4\xb8", "數(shù)據(jù)",
                                           "\xc2\xa0"};
  uint64_t state = 12345;
  const auto next = [&state](size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  };
  for (int round = 0; round < 300; ++round) {
    std::string src;
    const size_t count = next(40);
    for (size_t i = 0; i < count; ++i) src += pieces[next(pieces.size())];
    const View v = View::build(src);
    const auto size = static_cast<uint32_t>(v.text().size());
    CHECK(v.source_offset(size) == src.size());
    uint32_t previous = 0;
    for (uint32_t k = 0; k < size; ++k) {
      const uint32_t s = v.source_offset(k);
      CHECK(s >= previous);
      CHECK(s < src.size());
      // (A byte inside a valid character: an invalid byte passed on is a character of its own.)
      uint32_t start = k;
      while (start > 0 && k - start < 3 && (static_cast<unsigned char>(v.text()[start]) & 0xC0) == 0x80) --start;
      if (start < k && start + static_cast<uint32_t>(utf8_sequence_length(v.text(), start)) > k)
        CHECK(s == v.source_offset(start));
      previous = s;
    }
    for (uint32_t s = 0; s <= src.size(); ++s) {
      uint32_t first = 0;
      while (first < size && v.source_offset(first) < s) ++first;
      CHECK(v.view_offset(s) == first);
    }
  }
}
