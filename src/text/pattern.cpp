#include "gklint/pattern.hpp"

#include <re2/re2.h>

#include <atomic>
#include <mutex>
#include <optional>

namespace gklint {

struct Regex::State {
  std::string pattern;
  std::once_flag once;
  std::optional<re2::RE2> re;
  std::atomic<bool> done{false};
};

Regex::Regex(std::string pattern) : state_(std::make_shared<State>()) { state_->pattern = std::move(pattern); }

const re2::RE2& Regex::operator*() const {
  std::call_once(state_->once, [s = state_.get()] {
    re2::RE2::Options options;
    options.set_log_errors(false);
    s->re.emplace(s->pattern, options);
    s->done.store(true, std::memory_order_release);
  });
  return *state_->re;
}

bool Regex::compiled() const { return state_ && state_->done.load(std::memory_order_acquire); }

}  // namespace gklint
