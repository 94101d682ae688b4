// Applying the certain fixes findings carry (Diagnostic::fix) to the text they were made from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint {

struct FixedText {
  std::string text;
  std::vector<size_t> applied;  // indexes into the findings, in the order of their fixes in the text
  std::vector<size_t> skipped;  // fixes that overlap one applied before them (or lie outside the text)
};

// Applies every finding's fix to `text` (Source::text(): the fixes' spans are offsets into it), in
// the order of their places; a fix that overlaps one already applied (or two insertions at one
// place) is skipped rather than guessed at.
FixedText apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings);

}  // namespace gklint
