// The input formats (gklint/input.hpp). A new one: its reader in src/input/ (returning Extracted,
// like extract_html and extract_docx) and an entry here (CONTRIBUTING.md, "Add an input format").
#include <cctype>

#include "gklint/input.hpp"
#include "input/extracted.hpp"

namespace gklint {

namespace {

bool zip_signature(std::string_view b) { return b.starts_with("PK\x03\x04") || b.starts_with("PK\x05\x06"); }

bool pdf_signature(std::string_view b) { return b.starts_with("%PDF-"); }

// Markup at the start: <!doctype html> or <html>, after blanks and a byte order mark.
bool html_markup(std::string_view b) {
  std::string head(b.substr(0, 512));
  for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const size_t lt = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return lt != std::string::npos && (head.compare(lt, 14, "<!doctype html") == 0 || head.compare(lt, 5, "<html") == 0);
}

std::string lower_extension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string e = path.substr(dot);
  for (char& ch : e) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return e;
}

}  // namespace

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> formats = {
      {.name = "text",
       .extensions = {".txt", ".md"},
       .doc = "UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, GB18030 (GBK, GB2312) or Big5, detected "
              "(`--encoding` to name it); also any file not recognised as another format",
       .located = "line and column (characters)"},
      {.name = "html",
       .extensions = {".html", ".htm"},
       .also_named = {".xhtml", ".shtml"},
       .doc = "the page's `<meta charset>` or detection; text from block elements, `<br>`, entities; `script`, "
              "`style`, `head`, `nav`/`header`/`footer` and hidden elements left out; Word's \"save as web page\" "
              "output reads like the document; `<table>` read as a grid with `rowspan`/`colspan`; a page without "
              "an extension is known by its `<html>`",
       .located = "the line and column of the HTML source where the text or cell starts, and the table, row and "
                  "column",
       .extract = extract_html,
       .decode_first = true,
       .looks_like = html_markup},
      {.name = "docx",
       .extensions = {".docx"},
       .doc = "paragraphs in order, automatic numbering shown as Word shows it (一、（一）1.), tables with merged "
              "cells, text boxes, field results; tracked deletions left out; known by its zip signature whatever "
              "its name",
       .located = "**the paragraph number** as the line (every paragraph of the body counted from 1, those in "
                  "tables and text boxes included), the character within it, and for a table cell the table, row "
                  "and column; the text output shows the paragraph so Ctrl+F finds it, and says where it is in Word's "
                  "terms: the heading it falls under and the paragraph's opening words, or the table cell (a blank one "
                  "too); `gklint cat FILE.docx` lists "
                  "the paragraphs with their numbers",
       .extract = extract_docx,
       .magic = zip_signature},
      {.name = "pdf",
       .extensions = {".pdf"},
       .doc = "text PDFs (poppler): lines in reading order (a page in two columns column by column), a paragraph's "
              "lines joined, page numbers and running headers left out, characters a font maps to radicals (⼯ for 工) "
              "read as the characters; tables rebuilt from their ruling lines (merged cells, a table going on "
              "over a page break, a row the page broke, also one drawn without its top border on the next page), "
              "or without them from where the words sit (labels wrapping in their cells, header words a letter a "
              "line); text marked `/ActualText` read as what it stands for (a character drawn as a placeholder "
              "glyph where the writer had no font for it); a scan (no text layer), a text layer "
              "without Unicode, a PDF that needs a password or forbids copying its text are refused with the "
              "reason; known by `%PDF-` whatever its name",
       .located = "**the page and the line on it** (`3:12:5`: page 3, line 12, column 5; lines of text and table "
                  "rows counted from 1 on each page, page numbers and headers not counted), and for a table cell "
                  "the table, row and column; `gklint cat FILE.pdf` lists the lines as read",
       .extract = extract_pdf,
       .magic = pdf_signature},
      {.name = "doc",
       .extensions = {".doc"},
       .doc = "not read: one `input.error` saying to save it as .docx (listed in folders so that is seen)",
       .located = "the start of the file",
       .readable = false},
  };
  return formats;
}

const InputFormat* input_format_by_name(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext.empty()) return nullptr;
  for (const InputFormat& f : input_formats()) {
    for (const auto* list : {&f.extensions, &f.also_named}) {
      for (const std::string& e : *list) {
        if (e == ext) return &f;
      }
    }
  }
  return nullptr;
}

const InputFormat& input_format_of(const std::string& path, std::string_view bytes) {
  const std::vector<InputFormat>& formats = input_formats();
  for (const InputFormat& f : formats) {
    if (f.magic && f.magic(bytes)) return f;
  }
  if (const InputFormat* named = input_format_by_name(path); named && named->readable) return *named;
  for (const InputFormat& f : formats) {
    if (f.looks_like && f.looks_like(bytes)) return f;
  }
  return formats.front();
}

}  // namespace gklint
