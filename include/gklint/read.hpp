// Reading an input file whole: reports, standard input, rule files, baselines. One function, so
// every reader refuses the same hostile inputs (FIFOs, devices, huge or endless streams) the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gklint {

// No report, rule file or baseline is this large; reading more would only exhaust memory.
constexpr uint64_t kMaxInputBytes = uint64_t{256} << 20;

// Why a file was not read, in both languages; callers choose one or show both.
struct ReadError {
  std::string zh;
  std::string en;
  std::string both() const { return zh + " (" + en + ")"; }
};

// Reads `path` ("-": standard input) into `out`. Only a regular file (or standard input, whatever
// it is) is read: a FIFO, device, socket or folder is refused without blocking on it. More than
// `max_bytes` is refused, checked before reading (the file's size) and while reading (a stream,
// or a file that grows).
std::optional<ReadError> read_input(const std::string& path, std::string* out, uint64_t max_bytes = kMaxInputBytes);

}  // namespace gklint
