// The subcommands that show what gklint knows or has read, rather than lint: `gklint rules`,
// `explain`, `outline`, `extract` and `cat`.
#pragma once

#include <ostream>
#include <string>

#include "gklint/lint.hpp"

namespace gklint {

// `gklint rules [ID]`: the built-in rule sets (or one), their sections and rules. Exit status.
int list_rules(Catalog& catalog, const std::string& rules_id, Lang lang);
// `gklint explain RULE`: what a rule checks, why, and what it rests on. Exit status.
int explain(Catalog& catalog, const std::string& id, Lang lang);
// `gklint outline FILE`: the facts and every heading read, with positions.
void print_outline(const FileResult& r, bool en);
// `gklint extract`: one file's tables, one record per cell, as JSON (`first`: no comma before it)
// or CSV rows.
void extract(const FileResult& r, bool csv, bool* first, std::ostream& out);
// `gklint cat FILE`: the text read, each line led by where it is in the user's file.
void print_cat(const FileResult& r);

}  // namespace gklint
