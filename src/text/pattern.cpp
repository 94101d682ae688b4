#include "gklint/pattern.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>

namespace gklint {

namespace {

// RE2's characters of syntax outside a class ('{', ']' and '}' are literal in some places: taken as
// syntax here, which only means no literal is known).
bool syntax(char c) {
  return c == '\\' || c == '.' || c == '+' || c == '*' || c == '?' || c == '(' || c == ')' || c == '|' || c == '[' ||
         c == ']' || c == '{' || c == '}' || c == '^' || c == '$';
}
bool quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// Whether `pattern` has an alternative at its top level ("a|b", not "(?:a|b)c"), or a part this
// scan does not follow (\Q…\E, a [:class:] inside brackets): then no literal starts every match.
bool top_level_alternative(std::string_view p) {
  int depth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && (p[i + 1] == 'Q' || p[i + 1] == 'E')) return true;
      ++i;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a ] first in a class is itself
      for (; j < p.size() && p[j] != ']'; ++j) {
        if (p[j] == '\\')
          ++j;
        else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':')
          return true;
      }
      i = j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return true;
    }
  }
  return false;
}

// The literal characters `p` starts with: up to its first character of syntax, less the last one
// when a quantifier makes it optional or repeats it ("年度?" gives "年"). "": none.
std::string_view literal_run(std::string_view p) {
  size_t n = 0;
  while (n < p.size() && !syntax(p[n])) ++n;
  if (n < p.size() && quantifier(p[n])) {
    while (n > 0 && (static_cast<unsigned char>(p[n - 1]) & 0xC0) == 0x80) --n;  // its UTF-8 continuation bytes
    if (n > 0) --n;
  }
  return p.substr(0, n);
}

// The literals every match of `p` starts with, when its text shows them: a leading run of literal
// characters, or a leading group of alternatives each starting with one ("(?:当前位置|文 ?号)"),
// not made optional. Empty: none known.
std::vector<std::string> leading_literals(std::string_view p) {
  if (top_level_alternative(p)) return {};
  if (!p.starts_with("(?:")) {
    const std::string_view run = literal_run(p);
    if (run.empty()) return {};
    return {std::string(run)};
  }
  // The group's alternatives, split at its | when nothing in it could hide one (a group, a class,
  // an escape).
  const size_t close = p.find_first_of("()[\\", 3);
  if (close == std::string_view::npos || p[close] != ')' || (close + 1 < p.size() && quantifier(p[close + 1]))) {
    return {};
  }
  std::vector<std::string> out;
  for (std::string_view rest = p.substr(3, close - 3);;) {
    const size_t bar = rest.find('|');
    const std::string_view run = literal_run(rest.substr(0, bar));
    if (run.empty()) return {};
    out.emplace_back(run);
    if (bar == std::string_view::npos) return out;
    rest.remove_prefix(bar + 1);
  }
}

}  // namespace

struct Regex::State {
  std::string pattern;
  bool anchored = false;             // it starts with ^ (the start of the text)
  std::vector<std::string> leading;  // leading_literals of what follows the ^, if any
  std::vector<std::string> group_names;
  std::vector<int> groups;  // their indices, when compiled
  std::once_flag once;
  std::optional<re2::RE2> re;
  std::atomic<bool> done{false};
};

Regex::Regex(std::string pattern) : state_(std::make_shared<State>()) {
  state_->anchored = pattern.starts_with('^');
  state_->leading = leading_literals(std::string_view(pattern).substr(state_->anchored ? 1 : 0));
  state_->pattern = std::move(pattern);
}

Regex::Regex(std::string pattern, std::vector<std::string> groups) : Regex(std::move(pattern)) {
  state_->group_names = std::move(groups);
}

const re2::RE2& Regex::operator*() const {
  std::call_once(state_->once, [s = state_.get()] {
    re2::RE2::Options options;
    options.set_log_errors(false);
    s->re.emplace(s->pattern, options);
    const auto& names = s->re->NamedCapturingGroups();
    for (const std::string& name : s->group_names) {
      const auto it = names.find(name);
      s->groups.push_back(it == names.end() ? -1 : it->second);
    }
    s->done.store(true, std::memory_order_release);
  });
  return *state_->re;
}

int Regex::group(size_t i) const {
  static_cast<void>(**this);  // compiles it, which finds the groups
  return state_->groups.at(i);
}

bool Regex::may_start(std::string_view text) const {
  const std::vector<std::string>& leading = state_->leading;
  return leading.empty() ||
         std::any_of(leading.begin(), leading.end(), [&](const std::string& l) { return text.starts_with(l); });
}

bool Regex::may_match(std::string_view subject) const { return !state_->anchored || may_start(subject); }

bool Regex::compiled() const { return state_ && state_->done.load(std::memory_order_acquire); }

}  // namespace gklint
