#include "cli/output_file.hpp"

#include "cli/messages.hpp"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

namespace gklint {

namespace {

// The temporary files being written, for the signal handler: fixed buffers, since a handler may
// only call async-signal-safe functions (unlink, not anything that allocates). One slot for
// --output, one for --write-baseline.
constexpr int kSlots = 2;
char g_temp_paths[kSlots][PATH_MAX];
volatile sig_atomic_t g_temp_used[kSlots];
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// Ctrl+C or a CI timeout: remove the half-written files, then die of the signal as before, so
// the caller still sees what killed the run.
extern "C" void remove_temps_and_die(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_temp_used[i]) unlink(g_temp_paths[i]);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void install_handler() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction action {};
  action.sa_handler = remove_temps_and_die;
  sigemptyset(&action.sa_mask);
  for (int s : kSignals) {
    struct sigaction old {};
    // A signal ignored by the parent (nohup, a shell's background job) stays ignored.
    if (sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(s, &action, nullptr);
  }
}

// Signals blocked while a slot changes, so the handler never sees a path half copied, nor a
// file created but not yet recorded.
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockSignals(const BlockSignals&) = delete;
  BlockSignals& operator=(const BlockSignals&) = delete;

 private:
  sigset_t old_;
};

// A stream buffer over the temporary file's descriptor: the file is written through the
// descriptor opened with O_EXCL, never reopened by name.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~FdBuf() override { close_fd(); }
  // Flushes and closes; 0, or the errno of the first failure.
  int close_fd() {
    if (fd_ < 0) return error_;
    flush();
    if (close(fd_) != 0 && !error_) error_ = errno;
    fd_ = -1;
    return error_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return flush() ? 0 : -1; }

 private:
  bool flush() {
    const char* p = pbase();
    while (p < pptr() && !error_) {
      const ssize_t n = write(fd_, p, static_cast<size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        error_ = n < 0 ? errno : EIO;
      else
        p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return !error_;
  }

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

void say(const std::string& option, const std::string& path, const std::string& text) {
  std::cerr << "gklint: " << option << " " << path << ": " << text << "\n";
}

void say_cannot_write(const std::string& option, const std::string& path, Lang lang, int error) {
  say(option, path, msg::text(lang, msg::kCannotWrite, {std::strerror(error)}));
}

// What a file that is not regular is, for the refusal.
void say_not_regular(const std::string& option, const std::string& path, mode_t mode, bool via_link, Lang lang) {
  std::string zh = S_ISDIR(mode)    ? "文件夹"
                   : S_ISCHR(mode)  ? "字符设备"
                   : S_ISBLK(mode)  ? "块设备"
                   : S_ISFIFO(mode) ? "命名管道"
                   : S_ISSOCK(mode) ? "套接字"
                                    : "特殊文件";
  std::string en = S_ISDIR(mode)    ? "a folder"
                   : S_ISCHR(mode)  ? "a character device"
                   : S_ISBLK(mode)  ? "a block device"
                   : S_ISFIFO(mode) ? "a FIFO"
                   : S_ISSOCK(mode) ? "a socket"
                                    : "a special file";
  if (via_link) {
    zh = "是指向" + zh + "的符号链接";
    en = "a symbolic link to " + en;
  } else {
    zh = "是" + zh;
  }
  const std::vector<std::string> en_args = {en};
  say(option, path, msg::text(lang, msg::kNotRegular, {zh}, &en_args));
}

}  // namespace

bool same_output(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  std::error_code ea, eb;
  const auto pa = std::filesystem::weakly_canonical(a, ea), pb = std::filesystem::weakly_canonical(b, eb);
  return !ea && !eb && pa == pb;
}

OutputFile::~OutputFile() {
  if (!committed_) remove_temp();
}

void OutputFile::remove_temp() {
  file_.reset();
  buffer_.reset();  // closes the descriptor
  if (temp_.empty()) return;
  {
    // Unlinked before the slot is freed: a signal in between finds nothing left to remove.
    BlockSignals block;
    unlink(temp_.c_str());
    if (slot_ >= 0) g_temp_used[slot_] = 0;
  }
  temp_.clear();
  slot_ = -1;
}

bool OutputFile::open(const std::string& option, const std::string& path, const std::vector<std::string>& inputs,
                      Lang lang) {
  option_ = option;
  path_ = path;
  lang_ = lang;
  if (path.empty() || path == "-" || path == "/dev/stdout") {
    stream_ = &std::cout;
    return true;
  }
  if (path == "/dev/stderr") {
    stream_ = &std::cerr;
    return true;
  }
  // "--write-baseline b.json --output /dev/null" throws the report away: written straight to the
  // device, which stays a device (never replaced by a renamed temporary file).
  if (path == "/dev/null") {
    file_ = std::make_unique<std::ofstream>("/dev/null", std::ios::binary);
    stream_ = file_.get();
    return true;
  }

  // What is at PATH: nothing (a new file), a regular file, or a symbolic link to one, whose
  // target is written so the link stays a link.
  struct stat at {
  }, st{};
  target_ = path;
  if (lstat(path.c_str(), &at) != 0) {
    if (errno != ENOENT) {
      say_cannot_write(option, path, lang, errno);
      return false;
    }
  } else if (stat(path.c_str(), &st) != 0) {
    say(option, path, msg::text(lang, msg::kLinkToNothing));
    return false;
  } else if (!S_ISREG(st.st_mode)) {
    say_not_regular(option, path, st.st_mode, S_ISLNK(at.st_mode), lang);
    return false;
  } else {
    if (S_ISLNK(at.st_mode)) {
      char resolved[PATH_MAX];
      if (!realpath(path.c_str(), resolved)) {
        say_cannot_write(option, path, lang, errno);
        return false;
      }
      target_ = resolved;
    }
    // Writing over a report being linted would lose it: the report is read after this.
    for (const std::string& input : inputs) {
      struct stat in {};
      if (input != "-" && stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
        say(option, path, msg::text(lang, msg::kIsAnInput));
        return false;
      }
    }
  }

  // O_EXCL and a random part: never an existing file, nor another run's, nor a link planted in
  // the folder. Mode 0666 less the umask, like any new file; an existing file keeps its mode.
  static std::random_device rng;
  int fd = -1;
  {
    BlockSignals block;
    const int slot = g_temp_used[0] ? 1 : 0;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      char suffix[64];
      std::snprintf(suffix, sizeof suffix, ".gklint-%ld-%08x.tmp", static_cast<long>(getpid()), rng());
      temp_ = target_ + suffix;
      if (temp_.size() >= PATH_MAX) break;
      fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
      if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
      const int error = temp_.size() >= PATH_MAX ? ENAMETOOLONG : errno;
      temp_.clear();
      say_cannot_write(option, path, lang, error);
      return false;
    }
    std::memcpy(g_temp_paths[slot], temp_.c_str(), temp_.size() + 1);
    g_temp_used[slot] = 1;
    slot_ = slot;
  }
  install_handler();
  if (st.st_mode != 0) (void)fchmod(fd, st.st_mode & 07777);
  buffer_ = std::make_unique<FdBuf>(fd);
  file_ = std::make_unique<std::ostream>(buffer_.get());
  stream_ = file_.get();
  return true;
}

std::ostream& OutputFile::stream() { return stream_ ? *stream_ : std::cout; }

bool OutputFile::commit() {
  if (temp_.empty()) {
    if (!stream().flush()) {
      say_cannot_write(option_, path_, lang_, EIO);
      return false;
    }
    return true;
  }
  file_->flush();
  const int error = static_cast<FdBuf*>(buffer_.get())->close_fd();
  if (error != 0 || !*file_) {
    say_cannot_write(option_, path_, lang_, error ? error : EIO);
    remove_temp();
    return false;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    say_cannot_write(option_, path_, lang_, errno);
    remove_temp();
    return false;
  }
  {
    BlockSignals block;
    g_temp_used[slot_] = 0;
  }
  temp_.clear();
  committed_ = true;
  return true;
}

std::string beside(const std::string& path, const std::string& infix) {
  const std::filesystem::path p(path);
  std::filesystem::path out = p;
  out.replace_filename(p.stem().string() + infix + p.extension().string());
  return out.string();
}

bool write_whole(const std::string& option, const std::string& path, const std::vector<std::string>& inputs,
                 std::string_view bytes, Lang lang) {
  OutputFile out;
  if (!out.open(option, path, inputs, lang)) return false;
  out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out.commit();
}

}  // namespace gklint
