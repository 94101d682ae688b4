// A baseline: the findings a portal has accepted, by file and fingerprint. Reports cannot carry
// suppression comments, so `--write-baseline FILE` records today's findings and `--baseline FILE`
// reports only the ones not recorded there. Fingerprints ignore lines (gklint/fingerprint.hpp), so
// editing a report elsewhere does not bring a recorded finding back.
#pragma once

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

class Baseline {
 public:
  // Reads a file written by write(). False with `error` set when it cannot be read or is not one.
  static bool read(const std::string& path, Baseline* out, std::string* error);

  // Removes from `r` the findings the baseline holds for its file; returns how many.
  int suppress(FileResult& r) const;

  // Adds a file's findings (what --write-baseline records), and writes them all as JSON.
  void record(const FileResult& r);
  void write(std::ostream& out) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string path;  // as normalized by key()
    std::string rule;
    std::string fingerprint;
    uint32_t line = 0;    // for a person reading the file; never compared
    std::string message;  // likewise
  };
  static std::string key(const std::string& path);
  std::vector<Entry> entries_;
  std::map<std::string, std::multiset<std::string>> by_path_;  // key(path) -> fingerprints
};

}  // namespace gklint
