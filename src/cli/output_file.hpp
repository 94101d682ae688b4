// Where --output and --write-baseline write: a regular file (or a new one), or a standard stream.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint {

// A file is written under a temporary name beside it and renamed over it when complete (rename
// within a folder is atomic), so an editor or a CI step reading it never sees half a report, and a
// failed run leaves the previous one in place. Only a regular file or a new path is written so:
// renaming over /dev/null, a FIFO or a symbolic link would replace them with a regular file.
// "", "-" and /dev/stdout write to standard output, /dev/stderr to standard error, with no file.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // removes the temporary file of an output that was not committed

  // OPTION ("--output") names PATH in messages. False, said on standard error, when PATH is not a
  // place to write: a device, FIFO, socket or folder, a symbolic link to one (or to nothing), one of
  // INPUTS (the files to be linted, the same device and inode), or a temporary file cannot be made.
  bool open(const std::string& option, const std::string& path, const std::vector<std::string>& inputs, Lang lang);
  std::ostream& stream();
  // Flushes the output and moves it into place. False, said on standard error, when that failed.
  bool commit();

 private:
  void remove_temp();

  std::string option_;
  std::string path_;    // as given, for messages
  std::string target_;  // where the output goes: the file a symbolic link points to
  std::string temp_;
  int slot_ = -1;  // in the signal handler's list of temporary files
  std::unique_ptr<std::streambuf> buffer_;
  std::unique_ptr<std::ostream> file_;
  std::ostream* stream_ = nullptr;
  Lang lang_ = Lang::zh;
  bool committed_ = false;
};

// Writes `bytes` to `path` as --output writes (open, then commit). False, said on standard error,
// when it could not.
bool write_whole(const std::string& option, const std::string& path, const std::vector<std::string>& inputs,
                 std::string_view bytes, Lang lang);

// A file beside `path`, `infix` before its extension: beside("a/report.docx", ".gklint") is
// a/report.gklint.docx.
std::string beside(const std::string& path, const std::string& infix);

// True when A and B name the same file: the same device and inode, or for paths not yet made,
// the same absolute path.
bool same_output(const std::string& a, const std::string& b);

}  // namespace gklint
