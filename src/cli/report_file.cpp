#include "cli/report_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace gklint {

namespace {

void say_cannot_write(const std::string& path, Lang lang, int error) {
  std::cerr << "gklint: --output " << path << ": " << (lang == Lang::en ? "cannot write: " : "无法写入：")
            << std::strerror(error) << "\n";
}

}  // namespace

ReportFile::~ReportFile() {
  if (!temp_.empty() && !committed_) {
    file_.close();
    std::remove(temp_.c_str());
  }
}

bool ReportFile::open(const std::string& path, Lang lang) {
  lang_ = lang;
  if (path.empty() || path == "-") return true;
  path_ = path;
  // Beside FILE, so the rename stays within one file system; the process id keeps two runs apart.
  temp_ = path + ".gklint-" + std::to_string(getpid()) + ".tmp";
  errno = 0;
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    say_cannot_write(path, lang, errno ? errno : EIO);
    temp_.clear();
    return false;
  }
  return true;
}

std::ostream& ReportFile::stream() { return temp_.empty() ? std::cout : file_; }

bool ReportFile::commit() {
  if (temp_.empty()) {
    std::cout.flush();
    return true;
  }
  errno = 0;
  file_.close();
  if (file_.fail()) {
    say_cannot_write(path_, lang_, errno ? errno : EIO);
    return false;
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    say_cannot_write(path_, lang_, errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace gklint
