// `gklint completion bash|zsh|fish`: a shell completion script written from the command line's own
// CLI11 definition (its subcommands, their options, the choices an option accepts, whether it takes
// a file or a folder), so the completions cannot drift from the options.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace gklint {

// What `gklint --help` says of the subcommand.
extern const char* const kCompletionSummary;
// Adds the subcommand's argument (the shell) to `cmd`.
void add_completion_arguments(CLI::App& cmd);
// Writes the script for the shell chosen on `app`'s `completion` subcommand, completing `app`
// (the whole command line). 0, or 2 when the shell is unknown.
int run_completion_command(const CLI::App& app);
// The script for `shell` (bash, zsh or fish) completing `app`; false for another shell.
bool write_completion(const CLI::App& app, const std::string& shell, std::ostream& out);

}  // namespace gklint
