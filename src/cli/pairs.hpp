// Pairing a batch's reports with the same agency's report of the year before: what `gklint pairs`
// shows and `--pair-years` checks (the cross.* rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

// What names a report among others: its agency as printed and its year (0: not found).
struct ReportId {
  std::string path;
  std::string agency;
  int year = 0;
  bool readable = true;
};

// Reads the agency and year of every report, on `jobs` threads (Linter::identify).
std::vector<ReportId> identify_reports(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                                       int jobs);

// The agency as compared: normalized (full-width forms, traditional script folded as in matching),
// blanks and punctuation removed.
std::string agency_key(std::string_view agency);

struct Pairing {
  std::vector<int> previous;     // per report: the index of last year's report, or -1
  std::vector<std::string> why;  // per report without one: why, in the language asked for
};

// A report is paired with the one report of the same agency (agency_key) for the year before, when
// the batch holds exactly one report of that agency for each of the two years. Two reports of one
// agency and year are never paired: which is which would be a guess. An agency named in fewer than
// five characters (公安局) is one agency only within a folder.
Pairing pair_years(const std::vector<ReportId>& reports, Lang lang);

}  // namespace gklint
