// A baseline: the findings a portal has accepted, by file and fingerprint. Reports cannot carry
// suppression comments, so `--write-baseline FILE` records today's findings and `--baseline FILE`
// reports only the ones not recorded there. Fingerprints ignore lines (gklint/fingerprint.hpp), so
// editing a report elsewhere does not bring a recorded finding back. Paths are stored relative to
// the baseline file's folder (version 2), so a run from another folder, or with absolute paths,
// finds the same files; a version-1 file (paths as typed) is read relative to the current folder.
#pragma once

#include <filesystem>
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
  // An empty baseline anchored at the current folder, or at the folder of the file it will be
  // written to: what record() keeps is relative to that folder.
  Baseline();
  explicit Baseline(const std::string& file);

  // Removes from `r` the findings the baseline holds for its file; returns how many.
  int suppress(FileResult& r);
  // The entries that matched no finding: of the files suppress() saw, those whose finding is gone;
  // of the others, those whose file no longer exists (a file not linted this run is not judged).
  size_t unmatched() const;

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
  // A file's path relative to the baseline's folder, normalized: the same however it was typed.
  std::string key(const std::string& path) const;
  std::filesystem::path folder_;  // absolute, normalized
  std::vector<Entry> entries_;
  std::map<std::string, std::multiset<std::string>> by_path_;  // key(path) -> fingerprints
  std::map<std::string, size_t> unmatched_in_seen_;            // key -> prints no finding used
};

}  // namespace gklint
