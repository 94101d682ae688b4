// `gklint annotate FILE.docx`: a copy of a Word draft with every finding as a comment (批注) on
// the text it is about.
#pragma once

#include <string>

#include "gklint/annotate.hpp"
#include "gklint/diagnostic.hpp"
#include "gklint/lint.hpp"

namespace gklint {

struct AnnotateCommand {
  std::string path;
  std::string output;  // -o: where the copy goes; empty: DRAFT.gklint.docx beside the draft
};

extern const char* const kAnnotateSummary;

// Where the annotated copy goes by default: report.docx -> report.gklint.docx.
std::string annotated_copy_path(const std::string& path);

// One comment for each of a .docx's findings, placed where the finding is: the finding, the
// numbers and cells of a sum (or its other places), its basis, its fix.
std::vector<DocxComment> docx_comments(const FileResult& r, Lang lang);

// Lints the draft with `linter`, writes the copy. 0: written and no finding at or above
// `fail_on` (an empty optional: never); 1: written, with such findings; 2: not written (said on
// standard error).
int run_annotate_command(const AnnotateCommand& command, const Linter& linter, Lang lang,
                         std::optional<Severity> fail_on);

}  // namespace gklint
