// `gklint test [RULES...]`: runs the cases rule files carry under their rules' `tests:`
// (docs/rules.md, "Tests") and says which rules no case exercises.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace gklint {

struct TestCommand {
  std::vector<std::string> rules;  // built-in ids or YAML files; none: every built-in set
  std::string format = "text";     // text | json
  bool require_coverage = false;
};

// What `gklint --help` says of the subcommand.
extern const char* const kTestSummary;
// Adds the subcommand's arguments to `cmd`. Its --lang writes `lang`, the option the main command
// has too.
void add_test_arguments(CLI::App& cmd, TestCommand* command, std::string* lang);
// Runs it: 0 every case passed, 1 a case failed (or, with --require-coverage, a rule is not
// exercised both ways), 2 a rule file or a `tests:` with an error.
int run_test_command(const TestCommand& command, const std::string& lang);

}  // namespace gklint
