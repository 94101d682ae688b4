// `gklint fix FILES`: the certain fixes of plain-text and Markdown reports written out (beside
// each report, or in place with a backup).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/lint.hpp"

namespace gklint {

struct FixCommand {
  std::vector<std::string> paths;
  bool in_place = false;  // --in-place: the report itself, its old bytes kept in REPORT.bak
};

// What `gklint --help` says of the subcommand.
extern const char* const kFixSummary;

// Where a report's fixed copy goes without --in-place: beside it, `.fixed` before its extension
// (report.txt -> report.fixed.txt).
std::string fixed_copy_path(const std::string& path);

// Fixes each of `files` with the Linter `linter_for` gives it (nullptr: its settings have errors,
// already said). Says on standard output what it changed, on standard error what it could not do.
// 0 when every file was fixed or had nothing to fix, 2 when one could not be.
int run_fix_command(const std::vector<std::string>& files,
                    const std::function<const Linter*(const std::string&)>& linter_for, bool in_place, Lang lang);

}  // namespace gklint
