#include "gklint/read.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gklint {

namespace {

ReadError not_regular(mode_t mode) {
  if (S_ISDIR(mode)) return {"不是普通文件：这是文件夹", "not a regular file: a folder"};
  if (S_ISFIFO(mode)) return {"不是普通文件：这是命名管道 (FIFO)", "not a regular file: a FIFO"};
  if (S_ISCHR(mode)) return {"不是普通文件：这是字符设备", "not a regular file: a character device"};
  if (S_ISBLK(mode)) return {"不是普通文件：这是块设备", "not a regular file: a block device"};
  if (S_ISSOCK(mode)) return {"不是普通文件：这是套接字", "not a regular file: a socket"};
  return {"不是普通文件", "not a regular file"};
}

ReadError open_error(const std::string& path, int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR: return {"文件不存在", "no such file"};
    case ELOOP: return {"符号链接循环，无法打开", "a symlink loop"};
    case EACCES:
    case EPERM: return {"没有读取权限", "permission denied"};
    case ENXIO:  // a socket (or a device without its driver): say what it is when stat can tell
    case ENODEV:
    case EOPNOTSUPP: {
      struct stat st;
      if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return not_regular(st.st_mode);
      break;
    }
    default: break;
  }
  return {std::string("无法读取文件：") + std::strerror(error),
          std::string("cannot read the file: ") + std::strerror(error)};
}

ReadError too_large(uint64_t max_bytes) {
  const std::string mib = std::to_string(max_bytes >> 20) + " MiB";
  return {"文件超过 " + mib + "，未读取（没有报告或规则文件这么大）",
          "the file is larger than " + mib + "; not read (no report or rule file is)"};
}

}  // namespace

std::optional<ReadError> read_input(const std::string& path, std::string* out, uint64_t max_bytes) {
  out->clear();
  const bool stdin_input = path == "-";
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer, hanging the whole batch before
  // fstat could tell what it is. The type is then checked on the open descriptor, not by a stat
  // beforehand, so the file cannot be swapped between the check and the read.
  const int fd = stdin_input ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return open_error(path, errno);
  struct Closer {
    int fd;
    bool own;
    ~Closer() {
      if (own) close(fd);
    }
  } closer{fd, !stdin_input};

  struct stat st;
  if (fstat(fd, &st) != 0) return open_error(path, errno);
  // Standard input may be a pipe or a terminal; only a named path must be a regular file.
  if (!stdin_input && !S_ISREG(st.st_mode)) return not_regular(st.st_mode);
  if (S_ISREG(st.st_mode)) {
    if (static_cast<uint64_t>(st.st_size) > max_bytes) return too_large(max_bytes);
    out->reserve(static_cast<size_t>(st.st_size));
  }
  if (!stdin_input) {
    const int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }

  char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking stdin given by the caller
        pollfd p{fd, POLLIN, 0};
        poll(&p, 1, -1);
        continue;
      }
      const int error = errno;
      out->clear();
      return ReadError{std::string("无法读取文件：") + std::strerror(error),
                       std::string("cannot read the file: ") + std::strerror(error)};
    }
    // Checked while reading too: standard input can be endless, and a file can grow.
    if (out->size() + static_cast<size_t>(n) > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return too_large(max_bytes);
    }
    out->append(buf, static_cast<size_t>(n));
  }
  return std::nullopt;
}

}  // namespace gklint
