// What several writers share (one file each in src/emit/, registered in writer.cpp).
#pragma once

#include <memory>
#include <ostream>

#include "gklint/emit.hpp"

namespace gklint {

// Where a finding is in the user's file: start, and the position just after it (equal for a
// point), as the JSON output gives them.
struct Range {
  Position begin;
  Position end;
};
Range range_of(const Source& source, Span span);

// A finding's line as the text and HTML outputs show it: a long line cut to a window around the
// span (about 30 CJK characters before it and 60 after), in three parts. Views into the source.
struct LineWindow {
  bool shown = false;                          // false: an empty line (a blank table cell), nothing to show
  uint32_t line = 0;                           // the line of the user's file
  std::string_view before, marked, after;      // the span is `marked` (its part on this line)
  bool cut_before = false, cut_after = false;  // text left out at either end
};
// Findings of one file in order of their begin: columns are walked once per line, not per finding.
class LineWindows {
 public:
  LineWindow of(const Source& src, Span span);

 private:
  ColumnWalker begins_, ends_;  // findings are sorted by their begin, not their end
};

// XML and HTML text, valid UTF-8 and only characters XML 1.0 allows (invalid bytes and control
// characters become U+FFFD). In an attribute, quotes, tabs and line breaks are references.
std::string xml_escape(std::string_view text, bool attribute);

// The rule set a result was checked with (FileResult::ruleset is its id): the --rules set, or a
// built-in one from the catalog; nullptr when nothing was checked or it cannot be found.
std::shared_ptr<const RuleSet> ruleset_of(const WriterOptions& options, const std::string& id);

// The word gcc, SARIF and most editors use: "error", "warning", or "note" for an info.
const char* severity_word(Severity s);

// The run's counts in one line, as the text summary says them ("共检查 3 个文件：…").
std::string summary_counts(const Summary& s, Lang lang);

// Text made safe for a one-line format: line breaks and other control characters become spaces.
std::string one_line(std::string_view text);

}  // namespace gklint
