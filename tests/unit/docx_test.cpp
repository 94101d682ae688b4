// The .docx reader: paragraph numbers as lines, runs, numbering labels, tables, and bad input.
// Every .docx here is built in memory with libzip from hand-written XML.
#include <doctest/doctest.h>
#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "gklint/annotate.hpp"
#include "input/extracted.hpp"

using namespace gklint;

namespace {

struct Entry {
  std::string name;
  std::string data;
  bool encrypt = false;
  bool store = false;  // no compression, so the test can find the bytes and damage them
  size_t spaces = 0;   // then this many spaces and `tail`, made as they are compressed (a bomb)
  std::string tail = {};
};

// A zip source for an entry whose content is data + spaces + tail, never held in memory whole.
struct Lazy {
  const Entry* entry;
  zip_uint64_t pos = 0;
  zip_error_t error;
};

zip_int64_t lazy_source(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* s = static_cast<Lazy*>(user);
  const Entry& e = *s->entry;
  const zip_uint64_t head = e.data.size(), body = head + e.spaces, total = body + e.tail.size();
  switch (cmd) {
    case ZIP_SOURCE_OPEN: s->pos = 0; return 0;
    case ZIP_SOURCE_READ: {
      auto* out = static_cast<char*>(data);
      const zip_uint64_t n = std::min(len, total - s->pos);
      for (zip_uint64_t i = 0; i < n;) {
        const zip_uint64_t at = s->pos + i;
        zip_uint64_t k;
        if (at < head) {
          k = std::min(n - i, head - at);
          std::memcpy(out + i, e.data.data() + at, k);
        } else if (at < body) {
          k = std::min(n - i, body - at);
          std::memset(out + i, ' ', k);
        } else {
          k = std::min(n - i, total - at);
          std::memcpy(out + i, e.tail.data() + (at - body), k);
        }
        i += k;
      }
      s->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE: return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = total;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&s->error);
      delete s;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default: zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0); return -1;
  }
}

std::string make_zip(const std::vector<Entry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(src);
  zip_source_keep(src);  // read the archive back after zip_close
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  REQUIRE(za);
  for (const Entry& e : entries) {
    zip_source_t* s = nullptr;
    if (e.spaces == 0) {
      s = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    } else {
      auto* lazy = new Lazy{&e, 0, {}};
      zip_error_init(&lazy->error);
      s = zip_source_function(za, lazy_source, lazy);
    }
    REQUIRE(s);
    const zip_int64_t index = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    const auto i = static_cast<zip_uint64_t>(index);
    // Level 1 keeps the large test archives quick to build.
    REQUIRE(zip_set_file_compression(za, i, e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.store ? 0 : 1) == 0);
    if (e.encrypt) REQUIRE(zip_file_set_encryption(za, i, ZIP_EM_AES_256, "secret") == 0);
  }
  REQUIRE(zip_close(za) == 0);
  REQUIRE(zip_source_open(src) == 0);
  REQUIRE(zip_source_seek(src, 0, SEEK_END) == 0);
  const zip_int64_t size = zip_source_tell(src);
  REQUIRE(zip_source_seek(src, 0, SEEK_SET) == 0);
  std::string out(static_cast<size_t>(size), '\0');
  REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kNs = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                            R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
                            R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
                            R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
                            R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
                            R"(xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" )"
                            R"(xmlns:v="urn:schemas-microsoft-com:vml")";

std::string part(std::string_view root, std::string_view content) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:") + std::string(root) + " " +
         kNs + ">" + std::string(content) + "</w:" + std::string(root) + ">";
}

std::string document(std::string_view body) { return part("document", "<w:body>" + std::string(body) + "</w:body>"); }

const std::string kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";
const std::string kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";

// A .docx with this body and, if given, the content of numbering.xml and styles.xml.
std::string docx(std::string_view body, std::string_view numbering = "", std::string_view styles = "") {
  std::vector<Entry> e{
      {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document(body)}};
  if (!numbering.empty()) e.push_back({"word/numbering.xml", part("numbering", numbering)});
  if (!styles.empty()) e.push_back({"word/styles.xml", part("styles", styles)});
  return make_zip(e);
}

std::string p(std::string_view text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

// A paragraph numbered by list numId at level ilvl.
std::string np(int num_id, int ilvl, std::string_view text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + std::string(text) + "</w:t></w:r></w:p>";
}

std::string lvl(int ilvl, std::string_view fmt, std::string_view text, std::string_view extra = "", int start = 1) {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + std::string(fmt) + "\"/><w:lvlText w:val=\"" + std::string(text) + "\"/>" +
         std::string(extra) + "</w:lvl>";
}

std::string abstract_num(int id, std::string_view levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + std::string(levels) + "</w:abstractNum>";
}

std::string num(int id, int abstract, std::string_view overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" + std::to_string(abstract) + "\"/>" +
         std::string(overrides) + "</w:num>";
}

// Where a byte of the text is in the user's file, the way the contract says: the last origin at
// or before it, plus one column per code point unless the origin is fixed.
struct Where {
  uint32_t line = 0, column = 0;
  GridRef grid;
};

Where where(const Extracted& e, size_t offset) {
  REQUIRE(!e.origins.empty());
  REQUIRE(e.origins.front().text_offset == 0);
  const Origin* o = &e.origins.front();
  for (const Origin& x : e.origins) {
    if (x.text_offset <= offset) o = &x;
  }
  Where w{o->line, o->column, o->grid};
  if (!o->fixed) {
    for (size_t i = o->text_offset; i < offset;) {
      utf8_next(e.text, i);
      ++w.column;
    }
  }
  return w;
}

Where where(const Extracted& e, std::string_view needle) {
  const size_t at = e.text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, needle);
  return where(e, at);
}

bool same(GridRef a, GridRef b) { return a.table == b.table && a.row == b.row && a.column == b.column; }

bool has(const Extracted& e, std::string_view zh) {
  return e.problem && e.problem->message_zh.find(zh) != std::string::npos && !e.problem->message_en.empty();
}

}  // namespace

TEST_CASE("docx: every paragraph is a line numbered in document order; an empty one keeps its number") {
  const Extracted e = extract_docx(docx(p("一、总体情况") + "<w:p/>" + p("正文内容")));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "一、总体情况\n正文内容\n");
  CHECK(e.display_lines == std::vector<std::string>{"一、总体情况", "", "正文内容"});
  CHECK(where(e, "正文").line == 3);
  CHECK(where(e, "内容").column == 3);
  CHECK(where(e, "情况").line == 1);
  CHECK(where(e, "情况").column == 5);
  CHECK(where(e, "情况").grid.table == 0);
}

TEST_CASE("docx: runs: text, tabs, breaks, hyphens; symbols and hidden text are left out") {
  const Extracted e =
      extract_docx(docx("<w:p><w:r><w:t>项目</w:t><w:tab/><w:t>数量</w:t><w:br/><w:t>a</w:t><w:cr/><w:t>b</w:t>"
                        "<w:noBreakHyphen/><w:t>c</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/>"
                        "<w:t xml:space=\"preserve\"> d </w:t></w:r>"
                        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
                        "<w:r><w:t>e\nf</w:t></w:r></w:p>"));
  REQUIRE_FALSE(e.problem);
  CHECK(e.display_lines == std::vector<std::string>{"项目\t数量 a b-c d e f"});
  CHECK(e.text == "项目\t数量 a b-c d e f\n");
  CHECK(where(e, "c").column == 11);
  CHECK(where(e, "f").column == 17);
}

TEST_CASE(
    "docx: hyperlinks, content controls, insertions and field results are read; deletions and field codes are not") {
  const std::string body =
      "<w:p><w:hyperlink r:id=\"rId9\" xmlns:r=\"r\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
      "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
      "<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag>"
      "<w:ins w:id=\"1\"><w:r><w:t>新增</w:t></w:r></w:ins>"
      "<w:del w:id=\"2\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
      // A complex field: only its result (between separate and end) is shown.
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>9</w:t></w:r></w:fldSimple>"
      // A field nested in another's instructions shows nothing; the outer result shows.
      "<w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>IF </w:instrText>"
      "<w:fldChar w:fldCharType=\"begin\"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType=\"separate\"/>"
      "<w:t>内层</w:t><w:fldChar w:fldCharType=\"end\"/><w:instrText> = 1 </w:instrText>"
      "<w:fldChar w:fldCharType=\"separate\"/><w:t>结果</w:t><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      // A field's result may run over several paragraphs (a table of contents).
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>TOC \\o</w:instrText>"
      "<w:fldChar w:fldCharType=\"separate\"/><w:t>目录一</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>目录二</w:t><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>正文</w:t></w:r></w:p>";
  const Extracted e = extract_docx(docx(body));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "链接控件标记新增79结果\n目录一\n目录二正文\n");
  CHECK(where(e, "结果").column == 11);
}

namespace {

std::string text_box_run(std::string_view choice_requires, std::string_view choice_text,
                         std::string_view fallback_text) {
  return "<w:r><mc:AlternateContent><mc:Choice Requires=\"" + std::string(choice_requires) +
         "\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" + p(choice_text) +
         "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
         "<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>" +
         p(fallback_text) + "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
}

}  // namespace

TEST_CASE("docx: a text box in mc:AlternateContent is read once, as paragraphs after its anchor") {
  const std::string anchor =
      "<w:p><w:r><w:t>锚</w:t></w:r>" + text_box_run("wps", "框内", "框内（VML）") + "<w:r><w:t>点</w:t></w:r></w:p>";
  const Extracted e = extract_docx(docx(p("前") + anchor + p("后")));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "前\n锚点\n框内\n后\n");
  CHECK(e.display_lines == std::vector<std::string>{"前", "锚点", "框内", "后"});
  CHECK(where(e, "框内").line == 3);
  CHECK(where(e, "后").line == 4);

  // A mc:Choice that needs what the reader does not know: the mc:Fallback is read instead.
  const Extracted f = extract_docx(docx("<w:p>" + text_box_run("w14", "新式", "旧式") + "</w:p>"));
  REQUIRE_FALSE(f.problem);
  CHECK(f.text == "旧式\n");
  CHECK(f.display_lines == std::vector<std::string>{"", "旧式"});
}

TEST_CASE("docx: chineseCounting %1、 numbers 一、 to 十二、 with the tab after the number") {
  std::string body;
  for (int i = 1; i <= 12; ++i) body += np(1, 0, "第" + std::to_string(i) + "项");
  const Extracted e = extract_docx(docx(body, abstract_num(0, lvl(0, "chineseCounting", "%1、")) + num(1, 0)));
  REQUIRE_FALSE(e.problem);
  REQUIRE(e.display_lines.size() == 12);
  CHECK(e.display_lines[0] == "一、\t第1项");
  CHECK(e.display_lines[8] == "九、\t第9项");
  CHECK(e.display_lines[9] == "十、\t第10项");
  CHECK(e.display_lines[10] == "十一、\t第11项");
  CHECK(e.display_lines[11] == "十二、\t第12项");
  // In the text the tab after a number is a space: a tab would make the heading a table row.
  CHECK(e.text.find("十二、 第12项\n") != std::string::npos);
  // The label is part of the line: the paragraph's own text starts after it.
  CHECK(where(e, "第11项").line == 11);
  CHECK(where(e, "第11项").column == 5);
  CHECK(where(e, "十一").column == 1);
}

TEST_CASE("docx: a deeper level restarts under each new item of a shallower one") {
  const std::string numbering = abstract_num(0, lvl(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>") +
                                                    lvl(1, "chineseCounting", "（%2）", "<w:suff w:val=\"nothing\"/>") +
                                                    lvl(2, "decimal", "%3.", "<w:suff w:val=\"space\"/>")) +
                                num(1, 0);
  const std::string body = np(1, 0, "a") + np(1, 1, "b") + np(1, 1, "c") + np(1, 2, "d") + np(1, 2, "e") +
                           np(1, 0, "f") + np(1, 1, "g") + np(1, 2, "h") + p("x") + np(1, 1, "i");
  const Extracted e = extract_docx(docx(body, numbering));
  REQUIRE_FALSE(e.problem);
  CHECK(e.display_lines == std::vector<std::string>{"一、a", "（一）b", "（二）c", "1. d", "2. e", "二、f", "（一）g",
                                                    "1. h", "x", "（二）i"});
  CHECK(e.text == "一、a\n（一）b\n（二）c\n1. d\n2. e\n二、f\n（一）g\n1. h\nx\n（二）i\n");
}

TEST_CASE("docx: numbering through a paragraph style, its basedOn, and a level's pStyle") {
  const std::string styles =
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)";
  const std::string numbering =
      abstract_num(0, lvl(0, "chineseCounting", "%1、", "<w:pStyle w:val=\"H1\"/><w:suff w:val=\"nothing\"/>") +
                          lvl(1, "chineseCounting", "（%2）", "<w:pStyle w:val=\"H2\"/><w:suff w:val=\"nothing\"/>")) +
      num(1, 0);
  auto styled = [](std::string_view style, std::string_view text, std::string_view extra = "") {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/>" + std::string(extra) + "</w:pPr><w:r><w:t>" +
           std::string(text) + "</w:t></w:r></w:p>";
  };
  const std::string body = styled("H1", "总体情况") + styled("H2", "细项") + styled("H1x", "主动公开") +
                           styled("H1x", "不编号", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") + p("正文");
  const Extracted e = extract_docx(docx(body, numbering, styles));
  REQUIRE_FALSE(e.problem);
  CHECK(e.display_lines == std::vector<std::string>{"一、总体情况", "（一）细项", "二、主动公开", "不编号", "正文"});

  // Without numbering.xml the labels are simply left out.
  const Extracted bare = extract_docx(docx(body, "", styles));
  REQUIRE_FALSE(bare.problem);
  CHECK(bare.display_lines == std::vector<std::string>{"总体情况", "细项", "主动公开", "不编号", "正文"});
}

TEST_CASE("docx: startOverride starts a list of its own; lists of one abstract count on together") {
  const std::string numbering =
      abstract_num(0, lvl(0, "decimal", "%1.", "<w:suff w:val=\"nothing\"/>") +
                          lvl(1, "decimal", "%1.%2", "<w:isLgl/><w:suff w:val=\"nothing\"/>")) +
      abstract_num(1, lvl(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>") +
                          lvl(1, "decimal", "%1.%2", "<w:isLgl/><w:suff w:val=\"nothing\"/>")) +
      num(1, 0) + num(2, 0, R"(<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>)") + num(3, 0) +
      num(4, 1);
  const std::string body =
      np(1, 0, "a") + np(1, 0, "b") + np(2, 0, "c") + np(2, 0, "d") + np(3, 0, "e") + np(4, 0, "f") + np(4, 1, "g");
  const Extracted e = extract_docx(docx(body, numbering));
  REQUIRE_FALSE(e.problem);
  // isLgl writes the level-1 number 一 as 1.
  CHECK(e.display_lines == std::vector<std::string>{"1.a", "2.b", "5.c", "6.d", "3.e", "一、f", "1.1g"});
}

TEST_CASE("docx: number formats") {
  struct Case {
    const char* fmt;
    int start;
    const char* label;
  };
  const Case cases[] = {
      {"decimalZero", 3, "03"},
      {"upperLetter", 27, "AA"},
      {"lowerLetter", 2, "b"},
      {"upperRoman", 14, "XIV"},
      {"lowerRoman", 4, "iv"},
      {"decimalEnclosedCircle", 3, "③"},
      {"decimalEnclosedCircleChinese", 1, "①"},
      {"decimalEnclosedParen", 2, "⑵"},
      {"ideographTraditional", 2, "乙"},
      {"ideographZodiac", 12, "亥"},
      {"decimalFullWidth", 12, "１２"},
      {"chineseCounting", 21, "二十一"},
      {"chineseCounting", 110, "一百一十"},
      {"chineseCountingThousand", 101, "一百零一"},
      {"japaneseCounting", 11, "十一"},
      {"decimal", 7, "7"},
      {"ordinalText", 3, "3"},
      {"chineseCounting", 20, "二十"},
      {"none", 5, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.fmt);
    const Extracted e = extract_docx(
        docx(np(1, 0, "x"), abstract_num(0, lvl(0, c.fmt, "%1", "<w:suff w:val=\"nothing\"/>", c.start)) + num(1, 0)));
    REQUIRE_FALSE(e.problem);
    CHECK(e.display_lines == std::vector<std::string>{std::string(c.label) + "x"});
  }
  // A bullet in a symbol font's private-use area is shown as •.
  const Extracted b = extract_docx(docx(np(1, 0, "x"), abstract_num(0, lvl(0, "bullet", "\xEF\x82\xB7")) + num(1, 0)));
  CHECK(b.display_lines == std::vector<std::string>{"•\tx"});
}

TEST_CASE("docx: a table row is one pipe line; merged cells are written once, located at their paragraph") {
  auto tc = [](std::string_view pr, std::string_view content) {
    return "<w:tc><w:tcPr>" + std::string(pr) + "</w:tcPr>" + std::string(content) + "</w:tc>";
  };
  const std::string table =
      "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" +
      tc("", p("项目") + p("（单位）")) + tc("<w:gridSpan w:val=\"2\"/>", p("数量")) + "</w:tr>" + "<w:tr>" +
      tc("<w:vMerge w:val=\"restart\"/>", p("甲")) + tc("", "<w:p/>") + tc("", p("3")) + "</w:tr>" + "<w:tr>" +
      tc("<w:vMerge/>", "<w:p/>") + tc("", p("x\ty")) + tc("", p("4")) + "</w:tr>" +
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + tc("", p("乙")) + tc("", p("5")) + "</w:tr>" + "</w:tbl>";
  const Extracted e = extract_docx(docx(p("前") + table + p("后")));
  REQUIRE_FALSE(e.problem);
  // Paragraphs: 前 1 | 项目 2, （单位）3, 数量 4 | 甲 5, (empty) 6, 3 7 | (merged) 8, x y 9, 4 10 |
  // 乙 11, 5 12 | 后 13.
  CHECK(e.text == "前\n项目 （单位） | 数量 |\n甲 |  | 3 |\nx y | 4 |\n乙 | 5 |\n后\n");
  REQUIRE(e.display_lines.size() == 13);
  CHECK(e.display_lines[8] == "x\ty");
  CHECK(e.display_lines[5].empty());
  CHECK(where(e, "（单位）").line == 3);
  CHECK(where(e, "（单位）").column == 1);
  CHECK(where(e, " （单位）").line == 2);  // the joining space: at the end of the paragraph before
  CHECK(where(e, " （单位）").column == 3);
  CHECK(same(where(e, "（单位）").grid, {1, 1, 1}));
  CHECK(where(e, "数量").line == 4);
  CHECK(same(where(e, "数量").grid, {1, 1, 2}));
  CHECK(same(where(e, "3 |").grid, {1, 2, 3}));
  CHECK(where(e, "3 |").line == 7);
  // The empty cell: the space after the separator before it, at its paragraph.
  const size_t row2 = e.text.find("甲 |");
  const Where empty = where(e, row2 + std::string_view("甲 |").size());
  CHECK(empty.line == 6);
  CHECK(empty.column == 1);
  CHECK(same(empty.grid, {1, 2, 2}));
  // The separator after a cell belongs to that cell.
  CHECK(where(e, row2 + std::string_view("甲").size()).line == 5);
  // The merged cell continued in row 3 takes no place; x y is in grid column 2, its tab a space.
  CHECK(where(e, "y |").line == 9);
  CHECK(where(e, "y |").column == 3);
  CHECK(same(where(e, "y |").grid, {1, 3, 2}));
  CHECK(same(where(e, "4 |").grid, {1, 3, 3}));
  // w:gridBefore shifts the row's cells.
  CHECK(same(where(e, "乙").grid, {1, 4, 2}));
  CHECK(same(where(e, "5 |").grid, {1, 4, 3}));
  CHECK(where(e, "后").line == 13);
  CHECK(where(e, "后").grid.table == 0);
}

TEST_CASE("docx: a layout table's cells are ordinary lines; the table inside it is a table") {
  const std::string inner = "<w:tbl><w:tr><w:tc>" + p("a") + "</w:tc><w:tc>" + p("b") + "</w:tc></w:tr><w:tr><w:tc>" +
                            p("c") + "</w:tc><w:tc>" + p("d") + "</w:tc></w:tr></w:tbl>";
  const std::string outer =
      "<w:tbl><w:tr><w:tc>" + p("标题") + "</w:tc><w:tc>" + p("说明") + inner + p("尾") + "</w:tc></w:tr></w:tbl>";
  const std::string one_column =
      "<w:tbl><w:tr><w:tc>" + p("框一") + "</w:tc></w:tr><w:tr><w:tc>" + p("框二") + "</w:tc></w:tr></w:tbl>";
  const std::string data = "<w:tbl><w:tr><w:tc>" + p("e") + "</w:tc><w:tc>" + p("f") + "</w:tc></w:tr></w:tbl>";
  const Extracted e = extract_docx(docx(outer + one_column + data));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "标题\n说明\na | b |\nc | d |\n尾\n框一\n框二\ne | f |\n");
  CHECK(where(e, "标题").grid.table == 0);
  CHECK(where(e, "尾").line == 7);
  CHECK(same(where(e, "d |").grid, {2, 2, 2}));
  CHECK(where(e, "d |").line == 6);
  // Tables are counted in document order, layout ones and nested ones too.
  CHECK(same(where(e, "f |").grid, {4, 1, 2}));
  CHECK(where(e, "f |").line == 11);
}

TEST_CASE("docx: the main part and its styles are found through the package relationships") {
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>)"
      R"(</Relationships>)";
  const std::string doc_rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists.xml"/>)"
      R"(</Relationships>)";
  const std::string z =
      make_zip({{"_rels/.rels", rels},
                {"word/document2.xml", document(np(1, 0, "概述"))},
                {"word/_rels/document2.xml.rels", doc_rels},
                {"word/lists.xml",
                 part("numbering",
                      abstract_num(0, lvl(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>")) + num(1, 0))}});
  const Extracted e = extract_docx(z);
  REQUIRE_FALSE(e.problem);
  CHECK(e.display_lines == std::vector<std::string>{"一、概述"});
}

TEST_CASE("docx: what is not a zip, or a damaged or truncated one, is a problem") {
  for (const std::string& bytes : {std::string("hello"), std::string(), std::string("PK\x03\x04garbage", 11)}) {
    const Extracted e = extract_docx(bytes);
    CHECK(has(e, "不是有效的 .docx 文件（不是 zip 压缩包，或已损坏/被截断）"));
    CHECK(e.problem->offset == 0);
    CHECK(e.text.empty());
  }
  // Cut anywhere, a real .docx is a problem, never a crash.
  const std::string full =
      docx(np(1, 0, "总体情况") + p("正文"), abstract_num(0, lvl(0, "chineseCounting", "%1、")) + num(1, 0),
           R"(<w:style w:type="paragraph" w:styleId="A"/>)");
  REQUIRE_FALSE(extract_docx(full).problem);
  for (size_t cut = 0; cut < full.size(); cut += 7) {
    CAPTURE(cut);
    CHECK(extract_docx(std::string_view(full).substr(0, cut)).problem);
  }
  // Damaged data inside the archive: the CRC check fails.
  std::string damaged = make_zip({{"word/document.xml", document(p("总体情况良好")), false, true}});
  const size_t at = damaged.find("良好");
  REQUIRE(at != std::string::npos);
  damaged[at] = 'X';
  CHECK(has(extract_docx(damaged), "已损坏"));
}

TEST_CASE("docx: a zip that is not a Word document says so, and recognises an .odt") {
  const Extracted e = extract_docx(make_zip({{"hello.txt", "hi"}}));
  CHECK(has(e, "是 zip 压缩包，但不是 Word 文档（没有 word/document.xml）"));
  CHECK(e.problem->message_zh.find(".odt") == std::string::npos);
  const Extracted odt = extract_docx(make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", false, true},
                                               {"content.xml", "<office:document-content/>"}}));
  CHECK(has(odt, "没有 word/document.xml"));
  CHECK(has(odt, ".odt"));
  CHECK(has(odt, "另存为 .docx"));
}

TEST_CASE("docx: an encrypted entry means the file is password-protected") {
  const Extracted e = extract_docx(
      make_zip({{"[Content_Types].xml", kContentTypes}, {"word/document.xml", document(p("机密")), true}}));
  CHECK(has(e, "密码"));
  CHECK(e.problem->message_en.find("password") != std::string::npos);
}

TEST_CASE("docx: a zip bomb is refused at the cap, quickly, without reading it all") {
  // 200 MB of spaces in one w:t compresses to a few hundred KB (and is never held in memory).
  const std::string xml = document("<w:p><w:r><w:t xml:space=\"preserve\">@</w:t></w:r></w:p>");
  Entry big{"word/document.xml", xml.substr(0, xml.find('@'))};
  big.spaces = size_t{200} << 20;
  big.tail = xml.substr(xml.find('@') + 1);
  const std::string bomb = make_zip({big});
  CHECK(bomb.size() < (size_t{2} << 20));
  const auto start = std::chrono::steady_clock::now();
  const Extracted e = extract_docx(bomb);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(has(e, "文件太大，无法检查"));
  CHECK(has(e, "64 MiB"));
  CHECK(seconds < 10);

  // Too many entries.
  std::vector<Entry> many{{"word/document.xml", document(p("x"))}};
  for (int i = 0; i < 10001; ++i) many.push_back({"f" + std::to_string(i), ""});
  const Extracted m = extract_docx(make_zip(many));
  CHECK(has(m, "文件太大，无法检查"));
  CHECK(has(m, "10000"));
}

TEST_CASE("docx: malformed XML names the part, line and column") {
  const std::string xml =
      part("document", "<w:body>\n<w:p><w:r><w:t>好</w:t></w:r></w:p>\n<w:p><w:r><w:t>坏</w:r></w:p></w:body>");
  const Extracted e = extract_docx(make_zip({{"word/document.xml", xml}}));
  REQUIRE(e.problem);
  CHECK(has(e, "word/document.xml 不是有效的 XML"));
  // Line 4 is "<w:p><w:r><w:t>坏</w:r>...": the mismatched end tag's name is at column 19.
  CHECK(has(e, "第 4 行第 19 列"));
  CHECK(e.problem->message_en.find("line 4, column 19") != std::string::npos);

  // A malformed numbering.xml only leaves the labels out.
  const std::string z = make_zip(
      {{"word/document.xml", document(np(1, 0, "概述"))}, {"word/numbering.xml", "<w:numbering><oops></w:numbering>"}});
  const Extracted n = extract_docx(z);
  REQUIRE_FALSE(n.problem);
  CHECK(n.display_lines == std::vector<std::string>{"概述"});
}

TEST_CASE("docx: content nested too deep is refused, without overflowing the stack") {
  std::string body;
  for (int i = 0; i < 100000; ++i) body += "<w:sdt><w:sdtContent>";
  body += p("深");
  for (int i = 0; i < 100000; ++i) body += "</w:sdtContent></w:sdt>";
  const Extracted e = extract_docx(docx(body));
  CHECK(has(e, "嵌套超过"));
}

TEST_CASE("docx: a field whose instructions never end hides no more than its paragraph") {
  const Extracted e =
      extract_docx(docx("<w:p><w:r><w:t>前</w:t><w:fldChar "
                        "w:fldCharType=\"begin\"/><w:instrText>PAGE</w:instrText><w:t>藏</w:t></w:r></w:p>" +
                        p("后")));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "前\n后\n");
}

TEST_CASE("docx: numbering labels cannot multiply the text without bound") {
  // A 1000-byte level text on 40,000 empty paragraphs numbered by the default style: 40 MB of
  // labels from a few hundred KB of XML.
  const std::string text = "%1" + std::string(998, '.');
  const std::string styles =
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)";
  std::string body;
  for (int i = 0; i < 40000; ++i) body += "<w:p/>";
  const Extracted e = extract_docx(docx(body, abstract_num(0, lvl(0, "decimal", text)) + num(1, 0), styles));
  CHECK(has(e, "文件太大，无法检查"));
  CHECK(e.text.empty());
}

TEST_CASE("docx: a bar in a cell does not split it; it keeps its column") {
  auto tc = [](std::string_view text) { return "<w:tc>" + p(text) + "</w:tc>"; };
  const std::string table =
      "<w:tbl><w:tr>" + tc("规章|规范性文件") + tc("3") + "</w:tr><w:tr>" + tc("a|b") + tc("4") + "</w:tr></w:tbl>";
  const Extracted e = extract_docx(docx(p("前") + table));
  REQUIRE_FALSE(e.problem);
  CHECK(e.text == "前\n规章｜规范性文件 | 3 |\na｜b | 4 |\n");
  CHECK(e.display_lines[1] == "规章|规范性文件");
  CHECK(where(e, "规范性文件").column == 4);
  CHECK(where(e, "3 |").line == 3);
}

// --- gklint annotate: comments written into a copy ---------------------------------------------

namespace {

// A part of a .docx, read back.
std::string read_entry(const std::string& zip, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
  REQUIRE(src);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  REQUIRE(za);
  zip_file_t* f = zip_fopen(za, name.c_str(), 0);
  REQUIRE(f);
  std::string out;
  char buf[65536];
  for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  zip_fclose(f);
  zip_discard(za);
  zip_error_fini(&error);
  return out;
}

// Each comment's id -> the text of the w:t between its commentRangeStart and commentRangeEnd, in
// document order, checking that each range has one reference after its end.
std::map<std::string, std::string> anchored(const std::string& zip) {
  const std::string xml = read_entry(zip, "word/document.xml");
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
  std::map<std::string, std::string> open, done;
  std::map<std::string, int> references;
  for (pugi::xml_node n = doc.document_element(); n;) {
    const std::string name = n.name();
    const std::string id = n.attribute("w:id").value();
    if (name == "w:commentRangeStart") open[id];
    if (name == "w:commentRangeEnd") {
      REQUIRE(open.count(id));
      done[id] = open[id];
      open.erase(id);
    }
    if (name == "w:commentReference") {
      CHECK(done.count(id));  // after the range's end
      ++references[id];
    }
    if (name == "w:t") {
      for (auto& [k, text] : open) text += n.text().get();
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) n = n.parent();
    if (n) n = n.next_sibling();
  }
  CHECK(open.empty());
  for (const auto& [id, text] : done) CHECK(references[id] == 1);
  return done;
}

DocxComment comment(uint32_t para, uint32_t column, uint32_t end_para, uint32_t end_column, std::string text) {
  return DocxComment{para, column, end_para, end_column, {std::move(text)}};
}

}  // namespace

TEST_CASE("annotate: each comment anchors on the characters of its range, across runs, tabs and labels") {
  const std::string in = docx(
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>现将20120年度</w:t><w:tab/><w:t>报告</w:t></w:r>"
      "<w:hyperlink><w:r><w:t>如下</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>" +
          np(1, 0, "总体情况") + p("第三段") + p(""),
      abstract_num(0, lvl(0, "chineseCounting", "%1、")) + num(1, 0));
  const Extracted before = extract_docx(in);
  REQUIRE_FALSE(before.problem);
  CHECK(before.display_lines[0] == "现将20120年度\t报告如下。");
  CHECK(before.display_lines[1] == "一、\t总体情况");
  std::string out;
  REQUIRE_FALSE(annotate_docx(in,
                              {comment(1, 3, 1, 8, "year"),       // 20120, inside a w:t
                               comment(1, 5, 1, 14, "across"),    // 120年度, the tab, 报告如: runs and a link
                               comment(1, 3, 1, 3, "point"),      // a point: the whole paragraph
                               comment(2, 1, 2, 3, "label"),      // the numbering label: the whole paragraph
                               comment(2, 4, 2, 6, "body"),       // 总体, right after the label and its tab
                               comment(3, 1, 4, 1, "two"),        // leaves its paragraph: the first one whole
                               comment(4, 1, 4, 1, "empty"),      // an empty paragraph
                               comment(99, 1, 99, 1, "beyond")},  // past the end: the last paragraph
                              "gklint", &out));
  const auto a = anchored(out);
  REQUIRE(a.size() == 8);
  CHECK(a.at("0") == "20120");
  CHECK(a.at("1") == "120年度报告如");
  CHECK(a.at("2") == "现将20120年度报告如下。");
  CHECK(a.at("3") == "总体情况");
  CHECK(a.at("4") == "总体");
  CHECK(a.at("5") == "第三段");
  CHECK(a.at("6").empty());
  CHECK(a.at("7").empty());
  // The text read is the same: the runs split keep their properties, nothing is lost or added.
  const Extracted after = extract_docx(out);
  REQUIRE_FALSE(after.problem);
  CHECK(after.display_lines == before.display_lines);
  CHECK(after.text == before.text);
  const std::string xml = read_entry(out, "word/document.xml");
  CHECK(xml.find("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">现将</w:t></w:r>") != std::string::npos);
  // The comments part, its relationship and its content type.
  const std::string comments = read_entry(out, "word/comments.xml");
  CHECK(comments.find("<w:comment w:id=\"0\" w:author=\"gklint\" w:initials=\"gk\"><w:p><w:r><w:t "
                      "xml:space=\"preserve\">year</w:t></w:r></w:p></w:comment>") != std::string::npos);
  CHECK(read_entry(out, "word/_rels/document.xml.rels").find("relationships/comments\" Target=\"comments.xml\"") !=
        std::string::npos);
  CHECK(read_entry(out, "[Content_Types].xml")
            .find("<Override PartName=\"/word/comments.xml\" "
                  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>") !=
        std::string::npos);
  // The same input, the same bytes.
  std::string again;
  REQUIRE_FALSE(
      annotate_docx(in,
                    {comment(1, 3, 1, 8, "year"), comment(1, 5, 1, 14, "across"), comment(1, 3, 1, 3, "point"),
                     comment(2, 1, 2, 3, "label"), comment(2, 4, 2, 6, "body"), comment(3, 1, 4, 1, "two"),
                     comment(4, 1, 4, 1, "empty"), comment(99, 1, 99, 1, "beyond")},
                    "gklint", &again));
  CHECK(again == out);

  // Annotated again: the comments it has are kept, the new ones numbered after them.
  std::string twice;
  REQUIRE_FALSE(annotate_docx(out, {comment(3, 1, 3, 3, "more")}, "gklint", &twice));
  const auto b = anchored(twice);
  CHECK(b.size() == 9);
  CHECK(b.at("8") == "第三");
  const std::string comments2 = read_entry(twice, "word/comments.xml");
  CHECK(comments2.find(">year<") != std::string::npos);
  CHECK(comments2.find(">more<") != std::string::npos);
  CHECK(read_entry(twice, "word/_rels/document.xml.rels").find("comments2") == std::string::npos);
}

TEST_CASE("annotate: what cannot be read is said, as the reader says it") {
  std::string out;
  const auto bad = annotate_docx("not a zip", {comment(1, 1, 1, 1, "x")}, "gklint", &out);
  REQUIRE(bad);
  CHECK(bad->message_en.find("not a valid .docx") != std::string::npos);
  CHECK(out.empty());
  // No paragraph to anchor on.
  const auto none = annotate_docx(docx(""), {comment(1, 1, 1, 1, "x")}, "gklint", &out);
  REQUIRE(none);
  CHECK(none->message_en.find("no paragraph") != std::string::npos);
  // No comment: a copy all the same.
  REQUIRE_FALSE(annotate_docx(docx(p("正文")), {}, "gklint", &out));
  CHECK(extract_docx(out).text == "正文\n");
}

TEST_CASE("annotate: a large part before the document, as a picture often is, is kept as it was") {
  // The parts written lie past the first half of the archive, so libzip keeps the bytes before
  // them and writes after those (it clones its buffer): the case that once freed the caller's bytes.
  std::string picture(size_t{96} * 1024, '\0');
  uint32_t x = 12345;
  for (char& c : picture) c = static_cast<char>((x = x * 1103515245U + 12345U) >> 24);
  const std::string in = make_zip({{"word/media/image1.png", picture, false, true},
                                   {"[Content_Types].xml", kContentTypes},
                                   {"_rels/.rels", kRels},
                                   {"word/document.xml", document(p("现将年度报告如下。"))}});
  std::string out;
  REQUIRE_FALSE(annotate_docx(in, {comment(1, 3, 1, 7, "year")}, "gklint", &out));
  CHECK(anchored(out).at("0") == "年度报告");
  CHECK((read_entry(out, "word/media/image1.png") == picture));
  CHECK(extract_docx(out).text == "现将年度报告如下。\n");
}

TEST_CASE(
    "annotate: a document as Word writes one: rsid-split runs, proofing marks, bookmarks, a field, a tracked "
    "insertion, a comment of its own") {
  const std::string body =
      "<w:p w:rsidR=\"00A1\"><w:bookmarkStart w:id=\"0\" w:name=\"_Toc1\"/><w:r "
      "w:rsidRPr=\"00B2\"><w:t>现将</w:t></w:r>"
      "<w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:lang w:eastAsia=\"zh-CN\"/></w:rPr><w:t>201</w:t></w:r>"
      "<w:proofErr w:type=\"spellEnd\"/><w:r><w:lastRenderedPageBreak/><w:t>20</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
      "<w:ins w:id=\"5\" w:author=\"A\"><w:r><w:t>年度</w:t></w:r></w:ins>"
      "<w:commentRangeStart w:id=\"3\"/><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
      "w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>报告</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:commentRangeEnd w:id=\"3\"/>"
      "<w:r><w:commentReference w:id=\"3\"/></w:r><w:r><w:t>如下。</w:t></w:r></w:p>";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>)";
  const std::string own =
      part("comments",
           "<w:comment w:id=\"3\" w:author=\"审核人\" w:date=\"2021-01-05T10:00:00Z\" w:initials=\"审\">"
           "<w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>");
  const std::string in = make_zip({{"[Content_Types].xml", kContentTypes},
                                   {"_rels/.rels", kRels},
                                   {"word/document.xml", document(body)},
                                   {"word/_rels/document.xml.rels", rels},
                                   {"word/comments.xml", own}});
  const Extracted before = extract_docx(in);
  REQUIRE_FALSE(before.problem);
  REQUIRE(before.display_lines[0] == "现将20120年度报告如下。");
  std::string out;
  REQUIRE_FALSE(annotate_docx(in, {comment(1, 3, 1, 8, "typo"), comment(1, 8, 1, 12, "two")}, "gklint", &out));
  const auto a = anchored(out);
  CHECK(a.at("3") == "报告");   // Word's own comment, where it was
  CHECK(a.at("4") == "20120");  // numbered after it
  CHECK(a.at("5") == "年度报告");
  CHECK(extract_docx(out).text == before.text);
  const std::string comments = read_entry(out, "word/comments.xml");
  CHECK(comments.find("请核对") != std::string::npos);
  CHECK(comments.find(">typo<") != std::string::npos);
  // The part it has is extended: no second relationship, no new part.
  CHECK(read_entry(out, "word/_rels/document.xml.rels") == rels);
  CHECK(read_entry(out, "[Content_Types].xml") == kContentTypes);
}
