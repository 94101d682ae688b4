// A rule set's RE2 pattern, as the rule set holds it.
#pragma once

#include <memory>
#include <string>

namespace re2 {
class RE2;
}

namespace gklint {

// A compiled RE2 pattern, shared by the rules that use it and by the threads that lint. Compiled
// when made (a user's rule file, whose errors are said when it loads), or the first time it is used
// (a built-in rule set, whose patterns the tests compile from its text). A tidy report never uses
// about half of the built-in ones, such as the titles looked for inside a line or the footers of a
// crawled page, and compiling them was most of gklint's start-up.
class Regex {
 public:
  Regex() = default;  // none: false
  Regex(std::string pattern, bool compile_now);

  explicit operator bool() const { return state_ != nullptr; }
  const re2::RE2& operator*() const;  // thread-safe: compiled once, by the first thread to ask
  const re2::RE2* operator->() const { return &**this; }
  // Whether it has been compiled yet (none: false).
  bool compiled() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace gklint
