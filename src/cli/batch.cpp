#include "cli/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace gklint {

namespace fs = std::filesystem;

FileResult lint_path(const Linter& linter, const std::string& path, Lang lang, Profile* profile) {
  const bool en = lang == Lang::en;
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return linter.lint("<stdin>", ss.str(), profile);
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) return unreadable_result(path, en ? "no such file" : "文件不存在");
  if (fs::is_directory(path, ec)) return unreadable_result(path, en ? "a folder, not a file" : "这是文件夹，不是文件");
  // No report is this large; reading it would only exhaust memory.
  constexpr uintmax_t kMaxBytes = 256u << 20;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > kMaxBytes) {
    return unreadable_result(path, en ? "the file is larger than 256 MiB; no report is, so it is not checked"
                                      : "文件超过 256 MiB，不像是年度报告，未检查");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  if (!in || !(ss << in.rdbuf()) || in.bad()) {
    // An empty file makes `ss << rdbuf()` fail without anything being wrong: lint it as empty.
    if (in && !in.bad() && fs::file_size(path, ec) == 0) return linter.lint(path, "", profile);
    return unreadable_result(path, en ? "cannot read the file" : "无法读取文件");
  }
  return linter.lint(path, ss.str(), profile);
}

void lint_batch(const std::vector<const Linter*>& linters, const std::vector<std::string>& paths, int jobs, Lang lang,
                const std::function<void(FileResult&)>& emit, const std::function<void(size_t)>& progress,
                Profile* profile) {
  const size_t n = paths.size();
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(n, 1))));
  if (jobs == 1) {  // no threads: the simplest path for one file or -j 1
    for (size_t i = 0; i < n; ++i) {
      FileResult r = lint_path(*linters[i], paths[i], lang, profile);
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
      FileResult r = lint_path(*linters[i], paths[i], lang, profile ? &profiles[worker] : nullptr);
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
