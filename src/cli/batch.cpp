#include "cli/batch.hpp"

#include "cli/messages.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "gklint/read.hpp"

namespace gklint {

FileResult guarded(const std::string& path, Lang lang, const std::function<FileResult()>& work) {
  std::string what;
  try {
    return work();
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  // A defect in gklint, not in the report: said about this file, and the batch goes on.
  FileResult r = unreadable_result(path, msg::text(lang, msg::kInternalError, {what}));
  r.diagnostics.front().rule = "internal.error";
  r.diagnostics.front().kind = "internal-error";
  r.internal_error = true;
  return r;
}

FileResult lint_path(const Linter& linter, const std::string& path, Lang lang, Profile* profile,
                     const std::string& stdin_name, const Partners& partners) {
  const std::string shown = path == "-" ? stdin_name : path;
  return guarded(shown, lang, [&] {
    std::string bytes;
    if (const auto error = read_input(path, &bytes))
      return unreadable_result(shown, lang == Lang::en ? error->en : error->zh);
    return linter.lint(shown, std::move(bytes), profile, partners);
  });
}

std::optional<FileResult> read_and_lint(const Linter& linter, const std::string& path, Lang lang, std::string* bytes) {
  std::string why;
  if (const auto error = read_input(path, bytes)) {
    why = lang == Lang::en ? error->en : error->zh;
  } else if (FileResult r = linter.lint(path, *bytes); !r.unreadable) {
    return r;
  } else if (!r.diagnostics.empty()) {
    why = r.diagnostics.front().message;
  }
  std::cerr << "gklint: " << path << ": " << why << "\n";
  return std::nullopt;
}

void lint_batch(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths,
                const std::string& stdin_name, int jobs, Lang lang, const std::function<void(FileResult&)>& emit,
                const std::function<void(size_t)>& progress, Profile* profile, const BatchPartners* partners) {
  const size_t n = paths.size();
  // The other report a check compares with, read again as it is (its own findings are not shown).
  const auto read_other = [&](size_t k) { return lint_path(*linters[k], paths[k], lang, nullptr, stdin_name); };
  const auto at = [](const std::vector<int>& of, size_t i) { return i < of.size() ? of[i] : -1; };
  const auto lint_at = [&](size_t i, Profile* p) {
    if (!partners) return lint_path(*linters[i], paths[i], lang, p, stdin_name);
    std::vector<FileResult> others;  // reserved: `with` points into it
    const std::vector<int> no_parts;
    const std::vector<int>& parts = i < partners->parts.size() ? partners->parts[i] : no_parts;
    others.reserve(parts.size() + 2);
    Partners with;
    if (const int j = at(partners->previous, i); j >= 0)
      with.previous = &others.emplace_back(read_other(static_cast<size_t>(j)));
    if (const int j = at(partners->copies, i); j >= 0)
      with.copy_of = &others.emplace_back(read_other(static_cast<size_t>(j)));
    for (const int j : parts) with.parts.push_back(&others.emplace_back(read_other(static_cast<size_t>(j))));
    if (i < partners->missing_parts.size()) with.missing_parts = partners->missing_parts[i];
    return lint_path(*linters[i], paths[i], lang, p, stdin_name, with);
  };
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(n, 1))));
  if (jobs == 1) {  // no threads: the simplest path for one file or -j 1
    for (size_t i = 0; i < n; ++i) {
      FileResult r = lint_at(i, profile);
      emit(r);
      progress(i + 1);
    }
    return;
  }
  // Results wait in a window of slots, indexed from `emitted`. A worker does not start file i
  // before i < emitted + window, so a slow file holds back at most `window` results.
  const size_t window = static_cast<size_t>(jobs) * 32;
  std::mutex mutex;
  std::condition_variable ready, room;
  std::deque<std::optional<FileResult>> slots;  // slots[k] is file emitted + k
  size_t emitted = 0, next = 0;
  std::vector<Profile> profiles(static_cast<size_t>(jobs));

  const auto work = [&](int worker) {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return next >= n || next < emitted + window; });
        if (next >= n) return;
        i = next++;
      }
      FileResult r = lint_at(i, profile ? &profiles[worker] : nullptr);
      {
        std::lock_guard<std::mutex> lock(mutex);
        const size_t k = i - emitted;
        if (slots.size() <= k) slots.resize(k + 1);
        slots[k] = std::move(r);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(jobs));
  for (int w = 0; w < jobs; ++w) threads.emplace_back(work, w);
  while (emitted < n) {
    FileResult r;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return !slots.empty() && slots.front().has_value(); });
      r = std::move(*slots.front());
      slots.pop_front();
      ++emitted;
    }
    room.notify_all();
    emit(r);  // outside the lock: writing output never blocks the workers
    progress(emitted);
  }
  for (std::thread& t : threads) t.join();
  if (profile) {
    for (const Profile& p : profiles) profile->merge(p);
  }
}

}  // namespace gklint
