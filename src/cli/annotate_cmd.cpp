#include "cli/annotate_cmd.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/batch.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "gklint/annotate.hpp"
#include "gklint/emit.hpp"

namespace gklint {

const char* const kAnnotateSummary =
    "write a copy of a .docx draft with every finding as a Word comment (批注) on the text it is about\n"
    "(the cell of a table finding, the heading a missing section belongs before): DRAFT.gklint.docx beside it,\n"
    "or -o FILE; the draft itself is never changed. Opens in Word, WPS and LibreOffice";

std::string annotated_copy_path(const std::string& path) { return beside(path, ".gklint"); }

namespace {

std::string number_text(const Number& n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", n.decimals, n.value);
  return buf;
}

// The comment's paragraphs for one finding.
std::vector<std::string> comment_lines(const Source& src, const Diagnostic& d, Lang lang) {
  const bool en = lang == Lang::en;
  std::vector<std::string> lines;
  lines.push_back(std::string(severity_label(d.severity, lang)) + (en ? ": " : "：") + d.message + " [" + d.rule + "]");
  if (d.expected && d.actual) {
    lines.push_back(en ? "expected " + number_text(*d.expected) + ", printed " + number_text(*d.actual)
                       : "应为 " + number_text(*d.expected) + "，表中为 " + number_text(*d.actual));
  }
  if (!d.related.empty()) {
    // The cells a sum was made of; for another finding, the other places it is found at.
    std::string cells = d.expected ? (en ? "cells: " : "参与计算的单元格：") : (en ? "also: " : "其他位置：");
    for (size_t i = 0; i < d.related.size() && i < 40; ++i) {
      if (i > 0) cells += en ? "; " : "；";
      cells += d.related[i].label + " = " + d.related[i].value;
    }
    if (d.related.size() > 40) cells += en ? "; …" : "；……";
    lines.push_back(cells);
  }
  if (!d.cite.empty()) lines.push_back((en ? "basis: " : "依据：") + d.cite);
  if (d.fix) lines.push_back(fix_description(src, *d.fix, lang));
  return lines;
}

}  // namespace

std::vector<DocxComment> docx_comments(const FileResult& r, Lang lang) {
  std::vector<DocxComment> comments;
  comments.reserve(r.diagnostics.size());
  for (const Diagnostic& d : r.diagnostics) {
    const Position b = r.source->position(d.span.begin);
    const Position e = r.source->position(std::max(d.span.end, d.span.begin));
    comments.push_back(DocxComment{b.line, b.column, e.line, e.column, comment_lines(*r.source, d, lang)});
  }
  return comments;
}

int run_annotate_command(const AnnotateCommand& command, const Linter& linter, Lang lang,
                         std::optional<Severity> fail_on) {
  const std::string& path = command.path;
  const auto refuse = [&](const std::string& why) {
    std::cerr << "gklint: " << path << ": " << why << "\n";
    return 2;
  };
  if (path == "-") return refuse(msg::text(lang, msg::kAnnotateStdin));
  std::string bytes;
  const std::optional<FileResult> linted = read_and_lint(linter, path, lang, &bytes);
  if (!linted) return 2;
  const FileResult& r = *linted;
  if (r.source->format() != "docx") return refuse(msg::text(lang, msg::kAnnotateNotDocx, {r.source->format()}));

  const std::vector<DocxComment> comments = docx_comments(r, lang);
  const bool failed = fail_on && std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                             [&](const Diagnostic& d) { return d.severity >= *fail_on; });
  std::string annotated;
  if (auto p = annotate_docx(bytes, comments, "gklint", &annotated)) {
    return refuse(lang == Lang::en ? p->message_en : p->message_zh);
  }
  const std::string target = command.output.empty() ? annotated_copy_path(path) : command.output;
  if (!write_whole(command.output.empty() ? "annotate" : "-o", target, {path}, annotated, lang)) return 2;
  std::cout << path << ": " << msg::text(lang, msg::kAnnotateWritten, {target, std::to_string(comments.size())})
            << "\n";
  return failed ? 1 : 0;
}

}  // namespace gklint
