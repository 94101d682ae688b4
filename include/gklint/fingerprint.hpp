// A stable identity for a finding, for SARIF partialFingerprints and a later baseline: the same
// problem keeps its print when lines are added or moved, when --lang changes, and across runs.
#pragma once

#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/source.hpp"

namespace gklint {

// 16 lower-case hex digits: FNV-1a 64 of the rule id, the kind and the kind-specific fields
// (section, table, row_id, column_id, problem…; labels left out when an id names the same row or
// column), and — when none of them names a place (no `section`, no `table`: year.typo,
// heading.numbering, period.incomplete…) — the span's text normalized (NFKC, Traditional to
// Simplified, blanks removed). Never a line, column or offset, never the message (it depends on
// --lang), never the file's path (prints are compared per file). `occurrence` (0 for the first)
// tells apart findings that would otherwise be identical, e.g. the same typo twice in a file.
std::string fingerprint(const Diagnostic& d, const Source& source, int occurrence = 0);

// The prints of a file's findings, in order: a finding identical to an earlier one gets the next
// occurrence, so the first keeps its print when a duplicate is added after it.
std::vector<std::string> fingerprints(const Source& source, const std::vector<Diagnostic>& diagnostics);

// A print unique across a batch, for formats that compare findings of many files at once (GitLab
// Code Quality): the file's path, as given, hashed with the finding's print.
std::string fingerprint_in_batch(const std::string& path, const std::string& print);

}  // namespace gklint
