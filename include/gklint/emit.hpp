// Output formats. Each takes FileResults in input order; positions come from each result's Source.
#pragma once

#include <map>
#include <ostream>
#include <vector>
#include <string>

#include "gklint/lint.hpp"

namespace gklint {

struct Summary {
  int files = 0;
  int unreadable = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  std::map<std::string, int> by_rule;          // findings per rule id
  std::vector<std::string> unreadable_paths;   // files that could not be checked
  void add(const FileResult& r);
};

struct TextStyle {
  bool color = false;
  Lang lang = Lang::zh;
};

// path:line:col: severity: message [rule], then the source line with a caret under the span.
void write_text(std::ostream& out, const FileResult& r, const TextStyle& style);
void write_text_summary(std::ostream& out, const Summary& s, const TextStyle& style);

// The JSON contract (docs/json-output.md), written as results arrive so memory stays flat.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  void file(const FileResult& r);
  void finish(const Summary& s);

 private:
  std::ostream& out_;
  bool first_ = true;
};

// Terminal columns taken by a code point (CJK and full-width forms take two).
int display_width(char32_t c);

}  // namespace gklint
