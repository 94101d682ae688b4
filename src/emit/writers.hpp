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
