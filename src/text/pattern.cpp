#include "gklint/pattern.hpp"

#include <re2/re2.h>

#include <atomic>
#include <mutex>
#include <optional>

namespace gklint {

struct Regex::State {
  std::string pattern;
  std::vector<std::string> group_names;
  std::vector<int> groups;  // their indices, when compiled
  std::once_flag once;
  std::optional<re2::RE2> re;
  std::atomic<bool> done{false};
};

Regex::Regex(std::string pattern) : state_(std::make_shared<State>()) { state_->pattern = std::move(pattern); }

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

bool Regex::compiled() const { return state_ && state_->done.load(std::memory_order_acquire); }

}  // namespace gklint
