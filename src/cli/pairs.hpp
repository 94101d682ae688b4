// Which reports of a batch are compared with which: the same agency's report of the year before
// (what `gklint pairs` shows and `--pair-years` checks), another agency's of the same year
// (--find-copies), and the parts of a declared total (a .gklint.yaml's sums).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/config.hpp"
#include "gklint/lint.hpp"

namespace gklint {

// What names a report among others: its agency as printed and its year (0: not found).
struct ReportId {
  std::string path;
  std::string agency;
  int year = 0;
  bool readable = true;
  std::vector<uint64_t> prints;  // --find-copies: a hash per sentence (Linter::identify)
};

// Reads the agency and year of every report, on `jobs` threads (Linter::identify); with `prints`,
// also its sentences' hashes.
std::vector<ReportId> identify_reports(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                                       int jobs, bool prints = false);

// For --find-copies: per report, the other report it shares the most sentences with (by `prints`)
// among those of the same year whose agency is a different one (both agencies read), or -1 when it
// shares none. Whether that is a copy is cross.copy's to judge. A sentence in more than
// `kCommonSentence` reports of the batch is the region's common wording, not a copy between two of
// them, and does not count (it would also make the search quadratic).
inline constexpr size_t kCommonSentence = 20;
std::vector<int> find_copies(const std::vector<ReportId>& reports);

// The agency as compared: normalized (full-width forms, traditional script folded as in matching),
// blanks and punctuation removed.
std::string agency_key(std::string_view agency);

struct Pairing {
  std::vector<int> previous;     // per report: the index of last year's report, or -1
  std::vector<std::string> why;  // per report without one: why, in the language asked for
  std::vector<bool> configured;  // per report: its pair was named in a .gklint.yaml
};

// The pairs the reports' .gklint.yaml files name (`pairs:`), among the batch's reports only: per
// report, the index of the previous report its config names for it, or -1; `missing` holds, per
// report, the previous path a config names that is not in the batch (nothing outside the batch is
// read). `config_of(path)`: the config a report uses, or nullptr.
struct ConfiguredPairs {
  std::vector<int> previous;
  std::vector<std::string> missing;
};
ConfiguredPairs configured_pairs(const std::vector<std::string>& paths,
                                 const std::function<const Config*(const std::string&)>& config_of);

// The sums the reports' .gklint.yaml files declare (`sums:`), among the batch's reports only: per
// report that a config declares a total (the config it uses itself), the indexes of the reports its
// parts' globs match (never itself), and the globs that match no report of the batch.
struct ConfiguredSums {
  std::vector<std::vector<int>> parts;
  std::vector<std::vector<std::string>> missing;
  size_t totals = 0;  // reports declared totals
};
ConfiguredSums configured_sums(const std::vector<std::string>& paths,
                               const std::function<const Config*(const std::string&)>& config_of);

// A report is paired with the one report of the same agency (agency_key) for the year before, when
// the batch holds exactly one report of that agency for each of the two years. Two reports of one
// agency and year are never paired: which is which would be a guess. An agency named in fewer than
// five characters (公安局) is one agency only within a folder. A pair in `configured` wins, taken as
// given (Linter::lint still checks the years); a report whose configured previous report is not in
// the batch is not paired, and says so.
Pairing pair_years(const std::vector<ReportId>& reports, Lang lang, const ConfiguredPairs* configured = nullptr);

}  // namespace gklint
