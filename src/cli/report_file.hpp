// Where the report goes: standard output, or --output FILE.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

#include "gklint/diagnostic.hpp"

namespace gklint {

// --output FILE is written under a temporary name beside FILE and renamed over it when complete
// (rename within a folder is atomic), so an editor or a CI step reading FILE never sees half a
// report, and a failed run leaves the previous report in place.
class ReportFile {
 public:
  ReportFile() = default;
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;
  ~ReportFile();  // removes the temporary file of a report that was not committed

  // "" or "-": standard output. False, said on standard error, when FILE cannot be written.
  bool open(const std::string& path, Lang lang);
  std::ostream& stream();
  // Flushes the report and moves it into place. False, said on standard error, when that failed.
  bool commit();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
  Lang lang_ = Lang::zh;
  bool committed_ = false;
};

}  // namespace gklint
