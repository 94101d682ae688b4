// Lints many files on worker threads and hands the results back in input order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

// Reads and lints `paths` ("-" is standard input) with `jobs` threads, paths[i] with linters[i]
// (each report's config may give it its own). `emit` is called on the
// calling thread, once per path, in the order of `paths`, as soon as that result and every one
// before it are ready; at most a bounded window of results waits, so memory does not grow with
// the batch. `progress(done)` is called on the calling thread after each emit. `profile`, when
// given, receives every thread's timings.
// `stdin_name` is the path standard input's report is shown and matched as. `previous`, when given:
// per path, the index of last year's report among `paths` (-1: none), read again beside it and
// compared with it (the cross.* rules). `copies`, when given: per path, the index of another
// agency's report of the same year to compare with (cross.copy), read again beside it, or -1.
void lint_batch(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                const std::string& stdin_name, int jobs, Lang lang, const std::function<void(FileResult&)>& emit,
                const std::function<void(size_t)>& progress, Profile* profile,
                const std::vector<int>* previous = nullptr, const std::vector<int>* copies = nullptr);

// Reads one input: a file, or "-" for standard input (shown as `stdin_name`). An unreadable file
// gives an input-error; anything gklint itself throws, an internal-error for that file (see `guarded`).
// `previous`: last year's report, for the rules across years (Linter::lint).
FileResult lint_path(const Linter& linter, const std::string& path, Lang lang, Profile* profile,
                     const std::string& stdin_name = "<stdin>", const FileResult* previous = nullptr,
                     const FileResult* copy_of = nullptr);

// Reads one file named on the command line and lints it, keeping its bytes: for the commands that
// write a copy of it (fix, annotate). Nothing, the reason said on standard error, when it cannot be
// read or checked.
std::optional<FileResult> read_and_lint(const Linter& linter, const std::string& path, Lang lang, std::string* bytes);

// Runs `work` for `path`; an exception becomes that file's internal.error finding instead of
// ending the batch.
FileResult guarded(const std::string& path, Lang lang, const std::function<FileResult()>& work);

}  // namespace gklint
