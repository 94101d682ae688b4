// Lints many files on worker threads and hands the results back in input order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

// Which reports of a batch each one is compared with, by index into the batch's paths.
struct BatchPartners {
  std::vector<int> previous;  // last year's report (--pair-years), or -1; empty: none for any
  std::vector<int> copies;    // another agency's report of the same year (--find-copies), or -1; empty: none
  // A .gklint.yaml's sums: per report, its parts in the batch, and what the declaration names that
  // the batch holds no report for (both empty: not a declared total). Empty: no sums declared.
  std::vector<std::vector<int>> parts;
  std::vector<std::vector<std::string>> missing_parts;
};

// Reads and lints `paths` ("-" is standard input) with `jobs` threads, paths[i] with linters[i]
// (each report's config may give it its own). `emit` is called on the
// calling thread, once per path, in the order of `paths`, as soon as that result and every one
// before it are ready; at most a bounded window of results waits, so memory does not grow with
// the batch. `progress(done)` is called on the calling thread after each emit. `profile`, when
// given, receives every thread's timings.
// `stdin_name` is the path standard input's report is shown and matched as. `partners`, when
// given: per path, the other reports among `paths` it is compared with, each read again beside it.
void lint_batch(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                const std::string& stdin_name, int jobs, Lang lang, const std::function<void(FileResult&)>& emit,
                const std::function<void(size_t)>& progress, Profile* profile, const BatchPartners* partners = nullptr);

// Reads one input: a file, or "-" for standard input (shown as `stdin_name`). An unreadable file
// gives an input-error; anything gklint itself throws, an internal-error for that file (see `guarded`).
// `partners`: the other reports the rules across reports compare it with (Linter::lint).
FileResult lint_path(const Linter& linter, const std::string& path, Lang lang, Profile* profile,
                     const std::string& stdin_name = "<stdin>", const Partners& partners = {});

// Reads one file named on the command line and lints it, keeping its bytes: for the commands that
// write a copy of it (fix, annotate). Nothing, the reason said on standard error, when it cannot be
// read or checked.
std::optional<FileResult> read_and_lint(const Linter& linter, const std::string& path, Lang lang, std::string* bytes);

// Runs `work` for `path`; an exception becomes that file's internal.error finding instead of
// ending the batch.
FileResult guarded(const std::string& path, Lang lang, const std::function<FileResult()>& work);

}  // namespace gklint
