#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>

#include "input/extracted.hpp"

using namespace gklint;

namespace {

struct At {
  uint32_t line = 0;
  uint32_t column = 0;
  GridRef grid;
};

// Where a byte offset of the extracted text is in the page, as the contract says: the last origin
// at or before it, plus one column a code point unless the origin is fixed.
At locate(const Extracted& e, size_t offset) {
  REQUIRE(!e.origins.empty());
  REQUIRE(e.origins.front().text_offset == 0);
  auto it = std::upper_bound(e.origins.begin(), e.origins.end(), offset,
                             [](size_t off, const Origin& o) { return off < o.text_offset; });
  const Origin& o = *(it - 1);
  At a{o.line, o.column, o.grid};
  if (!o.fixed) {
    for (size_t i = o.text_offset; i < offset; ++a.column) utf8_next(e.text, i);
  }
  return a;
}

// The place of the n-th occurrence of `needle` in the extracted text.
At locate(const Extracted& e, std::string_view needle, int nth = 0) {
  size_t at = e.text.find(needle);
  for (int k = 0; k < nth && at != std::string::npos; ++k) at = e.text.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string::npos, needle);
  return locate(e, at);
}

// The code point of the page at a place (empty past the end of the line).
std::string page_char(const Extracted& e, At a) {
  if (a.line == 0 || a.line > e.display_lines.size()) return "<no line>";
  const std::string_view line = e.display_lines[a.line - 1];
  size_t i = 0;
  for (uint32_t c = 1; c < a.column && i < line.size(); ++c) utf8_next(line, i);
  size_t j = i;
  if (j < line.size()) utf8_next(line, j);
  return std::string(line.substr(i, j - i));
}

// Every copied code point of the text is the page's own character at its place (a collapsed blank
// may stand for a tab or a line end). Offsets ascend.
void check_copies(const Extracted& e) {
  for (size_t k = 0; k < e.origins.size(); ++k) {
    const size_t end = k + 1 < e.origins.size() ? e.origins[k + 1].text_offset : e.text.size();
    if (k > 0) CHECK(e.origins[k - 1].text_offset < e.origins[k].text_offset);
    if (e.origins[k].fixed) continue;
    for (size_t i = e.origins[k].text_offset; i < end;) {
      const size_t from = i;
      utf8_next(e.text, i);
      const std::string ch = e.text.substr(from, i - from);
      if (ch == "\n") continue;
      const std::string there = page_char(e, locate(e, from));
      if (ch == " " && (there.empty() || there == "\t" || there == "\r")) continue;
      CHECK_MESSAGE(ch == there, "text offset " << from);
    }
  }
}

Extracted extract(std::string_view html) {
  Extracted e = extract_html(html);
  CHECK_FALSE(e.problem);
  check_copies(e);
  return e;
}

// 1-based column, in code points, of the first `needle` in the page.
uint32_t col(std::string_view html, std::string_view needle) {
  const size_t at = html.find(needle);
  REQUIRE(at != std::string_view::npos);
  const size_t line_end = html.find_last_of("\r\n", at);
  uint32_t column = 1;
  for (size_t i = line_end == std::string_view::npos ? 0 : line_end + 1; i < at; ++column) utf8_next(html, i);
  return column;
}

}  // namespace

TEST_CASE("html: one line per block, <br> ends a line, bare text is a line of its own") {
  const std::string html =
      "<html><body>bare text<p>第一段</p><div>a<br>b<span>c</span></div><h2>标题</h2>"
      "<ul><li>x</li><li>y</li></ul><blockquote>q</blockquote><center>c</center><table><tr><td>only</td></tr>"
      "</table>tail</body></html>";
  const Extracted e = extract(html);
  CHECK(e.text == "bare text\n第一段\na\nbc\n标题\nx\ny\nq\nc\nonly\ntail\n");
  const At b = locate(e, "bc");
  CHECK(b.line == 1);
  CHECK(b.column == col(html, "b<span>"));
  const At c = locate(e, "c\n");
  CHECK(c.column == col(html, "c</span>"));
  CHECK(c.grid.table == 0);
  REQUIRE(e.display_lines.size() == 1);
  CHECK(e.display_lines[0] == html);
}

TEST_CASE("html: blanks collapse to one space and are trimmed; a source line break between Chinese is none") {
  const std::string html =
      "<p>  a \t\n  b  </p>\n<p>\n中文\n中文</p><p>中文 中文</p><p>ab\ncd</p><p>中\nab</p><p> </p>";
  const Extracted e = extract(html);
  CHECK(e.text == "a b\n中文中文\n中文 中文\nab cd\n中 ab\n");
  const At b = locate(e, "b\n");
  CHECK(b.line == 2);
  CHECK(b.column == 3);
  const At wen = locate(e, "中文", 1);  // the second 中文 of the second paragraph, on line 5
  CHECK(wen.line == 5);
  CHECK(wen.column == 1);
}

TEST_CASE("html: an entity is one character at its '&'; what follows keeps its column") {
  const std::string html = "<p>A&amp;B&nbsp;&nbsp;C&#x4E00;&#19968;&lt;D&amp;amp;E&notit;F&unknown;G</p>";
  const Extracted e = extract(html);
  CHECK(e.text == "A&B C一一<D&amp;E¬it;F&unknown;G\n");
  CHECK(locate(e, "&B").column == col(html, "&amp;B"));
  CHECK(locate(e, "B").column == col(html, "B&nbsp;"));
  CHECK(locate(e, " C").column == col(html, "&nbsp;&nbsp;C"));  // the collapsed blank: the first &nbsp;
  CHECK(locate(e, "C").column == col(html, "C&#x4E00;"));
  CHECK(locate(e, "一").column == col(html, "&#x4E00;"));
  CHECK(locate(e, "一", 1).column == col(html, "&#19968;"));
  CHECK(locate(e, "<").column == col(html, "&lt;"));
  CHECK(locate(e, "D").column == col(html, "D&amp;amp;"));
  CHECK(locate(e, "&amp;E").column == col(html, "&amp;amp;"));
  CHECK(locate(e, "amp;E").column == col(html, "amp;E"));
  CHECK(locate(e, "¬").column == col(html, "&notit;"));
  CHECK(locate(e, "it;F").column == col(html, "it;F"));
  CHECK(locate(e, "F").column == col(html, "F&unknown;"));
  CHECK(locate(e, "&unknown;").column == col(html, "&unknown;"));
  CHECK(locate(e, "G").column == col(html, "G</p>"));
  // The origin of a decoded entity is fixed: the whole character maps to the '&'.
  const size_t yi = e.text.find("一");
  CHECK(locate(e, yi + 1).column == locate(e, yi).column);
}

TEST_CASE("html: head, scripts, styles, forms, page chrome and hidden elements are left out") {
  const std::string html =
      "<!DOCTYPE html><html><head><title>标题_网站</title><style>p{color:red}</style>"
      "<script>var a = '<p>no</p>';</script></head><body>"
      "<header><h1>网站名称</h1></header><nav><a href=/>首页</a></nav>"
      "<noscript>请启用脚本</noscript><form><input value=x><button>搜索</button><select><option>一</option>"
      "</select><textarea>t</textarea>表单说明</form>"
      "<!-- a comment --><div style=\"DISPLAY: none\">hidden</div><p hidden>hidden too</p>"
      "<span style='mso-hide:all'>word hidden</span><iframe src=x>frame</iframe><template><p>t</p></template>"
      "<article><header><h1>报告标题</h1></header><p>正文</p><footer>打印本页</footer></article>"
      "<aside>相关链接</aside><footer>版权所有</footer><svg><text>图</text></svg></body></html>";
  const Extracted e = extract(html);
  CHECK(e.text == "表单说明\n报告标题\n正文\n");
}

TEST_CASE("html: Word's Save as Web Page reads like the document") {
  const std::string html =
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\r\n"
      "<head><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties>"
      "</xml><![endif]--><style>\r\n<!-- p.MsoNormal {mso-style-parent:\"\";} -->\r\n</style></head>\r\n"
      "<body lang=ZH-CN style='tab-interval:21.0pt'>\r\n<div class=WordSection1>\r\n"
      "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;"
      "font-family:方正小标宋简体'>2023<span lang=EN-US>年</span>政府信息公开工作年度报告<span lang=EN-US>"
      "<o:p></o:p></span></span></b></p>\r\n"
      "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\r\n"
      "<p class=MsoNormal style='text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span\r\n"
      "style='font-size:16.0pt;font-family:黑体'><span style='mso-list:Ignore'>一、</span></span><![endif]><span\r\n"
      "style='font-size:16.0pt;font-family:黑体'>总体情况<span lang=EN-US><o:p></o:p></span></span></p>\r\n"
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span\r\n"
      "style='mso-list:Ignore'>二、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
      "<!--[endif]-->主动公开政府信息情况</p>\r\n"
      "<p class=MsoNormal>本年度共<st1:chmetcnv w:st=\"on\" UnitName=\"件\">12件</st1:chmetcnv>"
      "<span style='display:none;mso-hide:all'>隐藏</span>。<span lang=EN-US><o:p></o:p></span></p>\r\n"
      "</div>\r\n</body>\r\n</html>\r\n";
  const Extracted e = extract(html);
  CHECK(e.text == "2023年政府信息公开工作年度报告\n一、总体情况\n二、 主动公开政府信息情况\n本年度共12件。\n");
  // Positions are in the page's own lines (CRLF), in code points.
  const At yi = locate(e, "一、");
  CHECK(yi.line == 10);
  CHECK(e.display_lines[yi.line - 1].rfind("style='font-size:16.0pt;font-family:黑体'><span style='mso-list:Ignore'>",
                                           0) == 0);
  CHECK(page_char(e, yi) == "一");
  const At zong = locate(e, "总体情况");
  CHECK(zong.line == 11);
  CHECK(page_char(e, zong) == "总");
  const At er = locate(e, "二、");
  CHECK(er.line == 13);
  CHECK(er.column == 25);  // style='mso-list:Ignore'> is 24 code points
  CHECK(page_char(e, locate(e, "12件")) == "1");
}

TEST_CASE("html: a data table in the shape of the national table 三 (merged corner, two-row header, row labels)") {
  // 10 grid columns: a 3x3 empty corner; 申请人情况 over 7; 法人或其他组织 over 5 of them.
  std::string html =
      "<table border=1>\n"
      "<tr><td rowspan=\"3\" colspan=\"3\"></td><td colspan=\"7\">申请人情况</td></tr>\n"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
      "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n"
      "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td><td>10</td><td>1</td><td>0</td><td>0</td>"
      "<td>0</td><td>0</td><td>11</td></tr>\n"
      "<tr><td rowspan=\"4\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td><td>5</td><td>0</td>"
      "<td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>\n"
      "<tr><td colspan=\"2\"><p>（二）部分公开</p><p>（区分处理的）</p></td><td>1</td><td></td><td>0</td>"
      "<td>0</td><td>0</td><td>0</td><td>1</td></tr>\n"
      "<tr><td rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td>"
      "<td>0</td><td>0</td><td>0</td></tr>\n"
      "<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
      "<td>0</td></tr>\n"
      "</table>\n";
  const Extracted e = extract(html);
  CHECK(e.text ==
        " | 申请人情况 |\n"
        "自然人 | 法人或其他组织 | 总计 |\n"
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
        "一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |\n"
        "三、本年度办理结果 | （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
        "（二）部分公开 （区分处理的） | 1 |  | 0 | 0 | 0 | 0 | 1 |\n"
        "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n");

  auto grid_is = [](At a, uint32_t row, uint32_t column) {
    CHECK(a.grid.table == 1);
    CHECK(a.grid.row == row);
    CHECK(a.grid.column == column);
  };
  grid_is(locate(e, "申请人情况"), 1, 4);
  grid_is(locate(e, "自然人"), 2, 4);
  grid_is(locate(e, "总计"), 2, 10);
  grid_is(locate(e, "商业企业"), 3, 5);
  grid_is(locate(e, "其他 |"), 3, 9);
  grid_is(locate(e, "11 |"), 4, 10);
  grid_is(locate(e, "（一）予以公开"), 5, 2);
  grid_is(locate(e, "（区分处理的）"), 6, 2);  // the second block of a cell
  grid_is(locate(e, "1.属于"), 7, 3);
  grid_is(locate(e, "2.其他"), 8, 3);  // columns 1 and 2 covered from above
  grid_is(locate(e, "0 |\n2.其他"), 7, 10);
  // Lines and columns: the source line of the row, the code point column of the cell text.
  const At label = locate(e, "2.其他");
  CHECK(label.line == 9);
  CHECK(label.column == 9);  // <tr><td> is 8
  // The separators sit where the cell's text starts, the empty corner and cell at their tags.
  const At corner = locate(e, 0);
  CHECK(corner.line == 2);
  CHECK(corner.column == 5);
  grid_is(corner, 1, 1);
  const size_t empty = e.text.find("1 |  |") + 3;  // " " then " |" of the empty cell
  const At empty_cell = locate(e, empty);
  grid_is(empty_cell, 6, 5);
  CHECK(empty_cell.line == 7);
  CHECK(page_char(e, empty_cell) == "<");
  CHECK(page_char(e, {empty_cell.line, empty_cell.column + 1, {}}) == "t");
  CHECK(locate(e, empty + 1).column == empty_cell.column);
  const At before_total = locate(e, e.text.find(" 总计"));
  grid_is(before_total, 2, 10);
  CHECK(page_char(e, before_total) == "总");
}

TEST_CASE("html: rowspan=0 runs to the end of its section; silly spans are clamped") {
  const std::string html =
      "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
      "<tbody><tr><td rowspan=0>x</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>"
      "<tbody><tr><td>y</td><td colspan=99999>4</td><td rowspan=-3>5</td><td rowspan=\"2junk\">6</td></tr>"
      "<tr><td>z</td><td>7</td></tr></tbody></table>";
  const Extracted e = extract(html);
  CHECK(e.text == "a | b |\nx | 1 |\n2 |\n3 |\ny | 4 | 5 | 6 |\nz | 7 |\n");
  CHECK(locate(e, "3").grid.row == 4);
  CHECK(locate(e, "3").grid.column == 2);
  CHECK(locate(e, "5").grid.column == 1002);  // after y (1) and 4 (colspan clamped to 1000)
  CHECK(locate(e, "6").grid.column == 1003);
  CHECK(locate(e, "z").grid.column == 1);  // rowspan=0 ended with its tbody
  CHECK(locate(e, "7").grid.column == 2);
}

TEST_CASE("html: a layout table around a data table; one-column tables are layout; captions") {
  const std::string html =
      "<table><tr><td><p>左栏</p><p>文字</p></td><td>"
      "<table><caption>表<b>一</b></caption><tr><th>项目</th><th>数量</th></tr><tr><td>申请</td><td>3</td></tr>"
      "</table></td></tr></table>"
      "<table><tr><td>单列一</td></tr><tr><td>单列二</td></tr></table>"
      "<table><tr><td>甲</td><td>乙</td></tr><tr><td></td><td></td></tr></table>";
  const Extracted e = extract(html);
  CHECK(e.text == "左栏\n文字\n表一\n项目 | 数量 |\n申请 | 3 |\n单列一\n单列二\n甲 | 乙 |\n");
  CHECK(locate(e, "左栏").grid.table == 0);
  CHECK(locate(e, "表一").grid.table == 0);  // a caption is no cell
  const At n = locate(e, "3 |");
  CHECK(n.grid.table == 2);
  CHECK(n.grid.row == 2);
  CHECK(n.grid.column == 2);
  CHECK(locate(e, "甲").grid.table == 4);  // every <table> counts, the layout ones too
}

TEST_CASE("html: columns count code points; a CJK Extension B character is one column") {
  const std::string html = "<p>中文𠀀字</p>\n<p>\t𠀀𠀁x</p>";
  const Extracted e = extract(html);
  CHECK(e.text == "中文𠀀字\n𠀀𠀁x\n");
  CHECK(locate(e, "字").column == 7);  // < p > 中 文 𠀀 字
  const At x = locate(e, "x");
  CHECK(x.line == 2);
  CHECK(x.column == 7);  // < p > \t 𠀀 𠀁 x: a tab is one column
  CHECK(page_char(e, x) == "x");
}

TEST_CASE("html: CRLF and a lone CR end source lines; display lines are the page's lines") {
  const std::string html = "<p>一\r\n二</p>\r\n<p>三</p>\r<p>&amp;四</p>\n<p>五</p>\r\n";
  const Extracted e = extract(html);
  CHECK(e.text == "一二\n三\n&四\n五\n");
  CHECK(e.display_lines == std::vector<std::string>{"<p>一", "二</p>", "<p>三</p>", "<p>&amp;四</p>", "<p>五</p>", ""});
  CHECK(locate(e, "二").line == 2);
  CHECK(locate(e, "二").column == 1);
  CHECK(locate(e, "三").line == 3);
  CHECK(locate(e, "&").line == 4);
  CHECK(locate(e, "&").column == 4);
  CHECK(locate(e, "四").column == 9);
  CHECK(locate(e, "五").line == 5);
  const Extracted a = extract("<p>a\r\rb</p>");
  CHECK(a.text == "a b\n");
  CHECK(locate(a, "b").line == 3);
  CHECK(locate(a, "b").column == 1);
}

TEST_CASE("html: deeply nested markup neither crashes nor hangs, and its text is kept") {
  // Unguarded, gumbo takes minutes over 100,000 <div> and overflows the stack on a million <span>;
  // the other shapes take seconds at 20,000.
  const std::pair<const char*, int> shapes[] = {
      {"<div>", 100000}, {"<span>", 1000000}, {"<b><div></b>", 20000}, {"<table><tr><td>", 20000}, {"<ul><li>", 20000}};
  // Not a structured binding: CHECK_MESSAGE captures `open` in a lambda, which clang before 16 refuses.
  for (const auto& shape : shapes) {
    const char* const open = shape.first;
    const int times = shape.second;
    std::string html;
    for (int i = 0; i < times; ++i) html += open;
    html += "深处的文字";
    const Extracted e = extract_html(html);
    CHECK_FALSE(e.problem);
    CHECK_MESSAGE(e.text.find("深处的文字") != std::string::npos, open);
  }
  // Formatting elements left open are re-created before every later text: quadratic in gumbo.
  std::string formatting;
  for (int i = 0; i < 5000; ++i) formatting += "<p><font id=" + std::to_string(i) + ">x</p>";
  const Extracted f = extract_html(formatting);
  CHECK(f.text.size() == 10000);
  // Gumbo compares every attribute of a tag (and of every repeated <html>) with all the others.
  std::string attributes = "<p ";
  for (int i = 0; i < 50000; ++i) attributes += "a" + std::to_string(i) + " ";
  attributes += "style=\"display:none\">shown: the style is past the 256th attribute</p>";
  for (int i = 0; i < 20000; ++i) attributes += "<html a" + std::to_string(i) + ">";
  CHECK(extract_html(attributes).text == "shown: the style is past the 256th attribute\n");
  std::string closed;
  for (int i = 0; i < 100000; ++i) closed += "<div>";
  closed += "x";
  for (int i = 0; i < 100000; ++i) closed += "</div>";
  closed += "<p>after</p>";
  CHECK(extract_html(closed).text == "x\nafter\n");
}

TEST_CASE("html: empty pages and pages without text give empty text") {
  const Extracted empty = extract_html("");
  CHECK_FALSE(empty.problem);
  CHECK(empty.text.empty());
  CHECK(empty.origins.empty());
  const Extracted bare = extract_html("<html><head><title>只有标题</title></head><body> &nbsp; <p></p></body></html>");
  CHECK_FALSE(bare.problem);
  CHECK(bare.text.empty());
  // Not HTML at all, or broken: still read as text.
  CHECK(extract("plain text, no tags").text == "plain text, no tags\n");
  CHECK(extract("<p>unclosed <b>bold <i>it</p>more").text == "unclosed bold it\nmore\n");
  CHECK(extract("<p>a</span>b</p>").text == "ab\n");
  CHECK(extract(std::string("\xEF\xBB\xBF<p>bom</p>")).text == "bom\n");
}

TEST_CASE("html: a bar in a data cell does not split it; what follows keeps its column") {
  const std::string html = "<table><tr><td>规章|规范性文件</td><td>3</td></tr><tr><td>a</td><td>4</td></tr></table>";
  const Extracted e = extract(html);
  CHECK(e.text == "规章｜规范性文件 | 3 |\na | 4 |\n");
  CHECK(locate(e, "｜").column == col(html, "|"));
  CHECK(locate(e, "规范性文件").column == col(html, "规范性文件"));
}
