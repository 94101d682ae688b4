// The .docx reader: the body of the main document part (word/document.xml) becomes the text gklint
// lints, one line per paragraph and one "cell | cell |" line per table row, and every piece of it
// keeps the paragraph and column it came from.
//
// Line numbers are paragraph numbers. Every w:p that is read is numbered 1, 2, 3... in document
// order (the order of the start tags): paragraphs of the body, of table cells and of text boxes
// alike, which is what a user counting paragraphs sees in `gklint cat`. A text box's paragraphs
// therefore come right after the paragraph that anchors it. Paragraphs in content that is not
// read (deleted text, the branch of mc:AlternateContent not taken) take no number.
//
// Element names are matched by their local name under the prefix that the part's root element
// binds to the WordprocessingML namespace (Word always writes w:, another producer may choose its
// own). Declarations on inner elements are not followed: no producer puts them there.
//
// Bad input never crashes or hangs: the zip is read through libzip with a cap on the number of
// entries and on the bytes each part may inflate to (never trusting the sizes the zip declares),
// pugixml expands no entities (no DTD, so no "billion laughs"), and the walk is bounded in depth.
//
// The parts, each in its own file: the zip package (docx_package), WordprocessingML names and
// text (docx_xml), automatic numbering (docx_numbering), and the walk of the body that writes the
// text (docx_body). This file puts them together and words every problem the reader reports.
#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "input/docx.hpp"
#include "input/docx_body.hpp"
#include "input/docx_numbering.hpp"
#include "input/docx_package.hpp"
#include "input/docx_xml.hpp"
#include "input/extracted.hpp"

namespace gklint {

using namespace docx;

namespace {

constexpr zip_int64_t kMaxEntries = 10000;
constexpr size_t kMaxDocumentBytes = size_t{64} << 20;  // word/document.xml, inflated
constexpr size_t kMaxSideBytes = size_t{16} << 20;      // styles.xml, numbering.xml

InputProblem problem(std::string zh, std::string en) { return InputProblem{std::move(zh), std::move(en), 0}; }

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::optional<InputProblem> parse_xml(pugi::xml_document& doc, const std::string& data, const std::string& part,
                                      unsigned options) {
  const pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size(), options);
  if (r) return std::nullopt;
  const auto [line, column] = line_column(data, r.offset < 0 ? 0 : static_cast<size_t>(r.offset));
  const std::string at = std::to_string(line), col = std::to_string(column);
  return problem(part + " 不是有效的 XML（第 " + at + " 行第 " + col + " 列：" + r.description() + "），文件可能已损坏",
                 part + " is not well-formed XML (line " + at + ", column " + col + ": " + r.description() +
                     "); the file may be damaged");
}

// Reads a side part (styles, numbering) if it is there and well formed; a missing or broken one
// only leaves the numbering out. Returns a problem only for a part too large to read.
std::optional<InputProblem> read_side(zip_t* za, const std::string& name, std::string_view root_name,
                                      Numbering& numbering) {
  std::string data, why;
  const Read r = read_part(za, name, kMaxSideBytes, data, why);
  if (r == Read::too_large) {
    return problem(
        "文件太大，无法检查：" + name + " 解压后超过 " + mib(kMaxSideBytes) + " 上限",
        "the file is too large to check: " + name + " inflates to more than the " + mib(kMaxSideBytes) + " limit");
  }
  if (r != Read::ok) return std::nullopt;
  pugi::xml_document doc;
  if (!doc.load_buffer(data.data(), data.size(), kParseOptions)) return std::nullopt;
  const pugi::xml_node root = doc.document_element();
  const Ns ns = Ns::of(root);
  if (!ns.is(root, root_name)) return std::nullopt;
  if (root_name == "styles")
    numbering.load_styles(root, ns);
  else
    numbering.load_numbering(root, ns);
  return std::nullopt;
}

}  // namespace

std::optional<InputProblem> docx::open_document(std::string_view bytes, Document& d, unsigned parse_options) {
  d.zip = open_zip(bytes);
  if (!d.zip || bytes.empty()) {  // libzip takes no bytes at all for an empty archive
    return problem("不是有效的 .docx 文件（不是 zip 压缩包，或已损坏/被截断）",
                   "not a valid .docx file (not a zip archive, or damaged/truncated)");
  }
  zip_t* za = d.zip.get();
  const zip_int64_t entries = zip_get_num_entries(za, 0);
  if (entries > kMaxEntries) {
    return problem("文件太大，无法检查：压缩包中有 " + std::to_string(entries) + " 个条目，超过 " +
                       std::to_string(kMaxEntries) + " 个的上限",
                   "the file is too large to check: the archive has " + std::to_string(entries) +
                       " entries, more than the limit of " + std::to_string(kMaxEntries));
  }
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE) {
      const std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?";
      return problem("文件受密码保护（压缩包条目 " + name + " 已加密），无法检查；请取消密码后另存为 .docx 再检查",
                     "the file is password-protected (archive entry " + name +
                         " is encrypted) and cannot be checked; remove the password, save it as .docx "
                         "and check again");
    }
  }
  // The main part is named by the package's relationships; Word always calls it word/document.xml.
  std::string main = relationship(za, "_rels/.rels", "officeDocument", "");
  if (main.empty() || !has_entry(za, main)) main = "word/document.xml";
  d.main = main;
  std::string data, why;
  switch (read_part(za, main, kMaxDocumentBytes, data, why)) {
    case Read::ok: break;
    case Read::missing: {
      std::string zh = "是 zip 压缩包，但不是 Word 文档（没有 word/document.xml）";
      std::string en = "a zip archive, but not a Word document (it has no word/document.xml)";
      if (has_entry(za, "content.xml")) {
        zh += "；它像是 OpenDocument 文本（.odt），请用 WPS、Word 或 LibreOffice 另存为 .docx 后再检查";
        en +=
            "; it looks like an OpenDocument text (.odt): save it as .docx in WPS, Word or LibreOffice and check again";
      } else if (has_entry(za, "xl/workbook.xml")) {
        zh += "；它是 Excel 工作簿（.xlsx）";
        en += "; it is an Excel workbook (.xlsx)";
      } else if (has_entry(za, "ppt/presentation.xml")) {
        zh += "；它是 PowerPoint 演示文稿（.pptx）";
        en += "; it is a PowerPoint presentation (.pptx)";
      }
      return problem(std::move(zh), std::move(en));
    }
    case Read::encrypted:
      return problem("文件受密码保护（" + main + " 已加密），无法检查；请取消密码后另存为 .docx 再检查",
                     "the file is password-protected (" + main +
                         " is encrypted) and cannot be checked; remove the password, save it as .docx and "
                         "check again");
    case Read::too_large:
      return problem("文件太大，无法检查：" + main + " 解压后超过 " + mib(kMaxDocumentBytes) + " 上限",
                     "the file is too large to check: " + main + " inflates to more than the " +
                         mib(kMaxDocumentBytes) + " limit");
    case Read::damaged:
      return problem("不是有效的 .docx 文件（已损坏）：读取 " + main + " 出错（" + why + "）",
                     "not a valid .docx file (damaged): reading " + main + " failed (" + why + ")");
  }
  if (auto p = parse_xml(d.xml, data, main, parse_options)) return p;
  data = std::string();  // the parsed tree has its own copy
  const pugi::xml_node root = d.xml.document_element();
  d.ns = Ns::of(root);
  if (!d.ns.is(root, "document")) {
    return problem(main + " 不是 Word 文档的正文（根元素是 " + std::string(root.name()) + "）",
                   main + " is not a Word document body (its root element is " + std::string(root.name()) + ")");
  }
  // Styles before numbering: a list may link to a numbering style.
  const std::string base = main.substr(0, main.rfind('/') + 1);
  const std::string rels = base + "_rels/" + main.substr(base.size()) + ".rels";
  for (const auto& [type, fallback] :
       {std::pair<std::string_view, std::string_view>{"styles", "styles.xml"}, {"numbering", "numbering.xml"}}) {
    std::string part = relationship(za, rels, type, base);
    if (part.empty() || !has_entry(za, part)) part = base + std::string(fallback);
    if (auto p = read_side(za, part, type, d.numbering)) return p;
  }
  d.numbering.finish();
  return std::nullopt;
}

std::optional<InputProblem> docx::body_problem(BodyRead body, const std::string& main) {
  if (body == BodyRead::too_deep) {
    return problem("无法检查：" + main + " 中表格、文本框或内容控件嵌套超过 " + std::to_string(kMaxDepth) + " 层",
                   "cannot check: tables, text boxes or content controls in " + main + " nest more than " +
                       std::to_string(kMaxDepth) + " levels deep");
  }
  if (body == BodyRead::too_many) {
    return problem("文件太大，无法检查：" + main + " 中段落超过 " + std::to_string(kMaxParagraphs) +
                       " 个，或编号文字超过 " + mib(kMaxLabelBytes),
                   "the file is too large to check: " + main + " has more than " + std::to_string(kMaxParagraphs) +
                       " paragraphs, or more than " + mib(kMaxLabelBytes) + " of numbering labels");
  }
  return std::nullopt;
}

Extracted extract_docx(std::string_view bytes) {
  Extracted out;
  auto fail = [&out](InputProblem p) {
    out = Extracted{};
    out.problem = std::move(p);
    return out;
  };
  Document d;
  if (auto p = open_document(bytes, d, kParseOptions)) return fail(std::move(*p));
  const BodyRead body = read_body(d.ns.child(d.xml.document_element(), "body"), d.ns, d.numbering, out);
  if (auto p = body_problem(body, d.main)) return fail(std::move(*p));
  return out;
}

}  // namespace gklint
