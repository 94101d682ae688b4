// The .docx's main document part opened for reading or writing: what the reader (extract_docx)
// and the annotator (annotate_docx) both start from.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "gklint/input.hpp"
#include "input/docx_body.hpp"
#include "input/docx_numbering.hpp"
#include "input/docx_package.hpp"
#include "input/docx_xml.hpp"

namespace gklint::docx {

struct Document {
  Zip zip;           // over the bytes given, which must outlive it
  std::string main;  // the main part's name (word/document.xml)
  pugi::xml_document xml;
  Ns ns;
  Numbering numbering;  // styles and numbering read, ready for the walk
};

// Opens the package, parses its main part with `parse_options`, reads its styles and numbering; the
// problem (in both languages) when the file is not a .docx gklint can read.
std::optional<InputProblem> open_document(std::string_view bytes, Document& d, unsigned parse_options);

// What a walk that stopped at a limit says.
std::optional<InputProblem> body_problem(BodyRead body, const std::string& main);

}  // namespace gklint::docx
