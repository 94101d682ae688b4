// A rule set's RE2 pattern, as the rule set holds it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace gklint {

// A compiled RE2 pattern, shared by the rules that use it and by the threads that lint, and compiled
// the first time it is used. The loader uses a user's pattern at once, to say its errors where the
// file gives it; a built-in rule set's patterns (which the tests compile from the file's text) wait
// for a report that needs them. A tidy report never uses about half of them, such as the titles
// looked for inside a line or the footers of a crawled page, and compiling them was most of
// gklint's start-up.
class Regex {
 public:
  Regex() = default;  // none: false
  explicit Regex(std::string pattern);
  // A pattern whose named groups a rule reads by their place in `groups` (a rule's patterns joined
  // into one alternation, each under a name of its own): found when it is compiled.
  Regex(std::string pattern, std::vector<std::string> groups);

  explicit operator bool() const { return state_ != nullptr; }
  const re2::RE2& operator*() const;  // thread-safe: compiled once, by the first thread to ask
  const re2::RE2* operator->() const { return &**this; }
  // Whether it has been compiled yet (none: false).
  bool compiled() const;
  // The index of the group named `groups[i]` (compiles it): -1 when the pattern has no such group.
  int group(size_t i) const;
  // False when no match can start at the start of `text`: every match starts with one of the
  // literals the pattern starts with, and `text` with none ("当前位置" of "(?:当前位置|您的位置) ?:…").
  // Known from the pattern's text, without compiling it: a report whose first line is its title
  // need not compile the patterns of a crawled page's breadcrumb or metadata lines. True when the
  // pattern starts otherwise (a class, an optional part, an alternative at its top level).
  bool may_start(std::string_view text) const;
  // False when no match can be found in `subject` at all: the pattern starts at the start of the
  // text (^关于…) with literals `subject` does not start with. Known without compiling it.
  bool may_match(std::string_view subject) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace gklint
