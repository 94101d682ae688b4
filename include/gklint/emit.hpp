// Output formats. Each takes FileResults in input order; positions come from each result's Source.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/lint.hpp"

namespace gklint {

struct Summary {
  int files = 0;
  int unreadable = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  std::map<std::string, int> by_rule;         // findings per rule id
  std::vector<std::string> unreadable_paths;  // files that could not be checked
  int suppressed = 0;                         // findings left out because --baseline holds them
  int baseline_unmatched = -1;                // --baseline entries that matched no finding; -1: no baseline
  // --pair-years, --previous: the reports checked with no report of the year before; -1: not asked.
  int without_previous = -1;
  void add(const FileResult& r);
};

struct TextStyle {
  bool color = false;
  Lang lang = Lang::zh;
};

// path:line:col: severity: message [rule], then the source line with a caret under the span.
void write_text(std::ostream& out, const FileResult& r, const TextStyle& style);
void write_text_summary(std::ostream& out, const Summary& s, const TextStyle& style);
// A severity as the findings of `lang` say it: 错误, 警告, 提示; error, warning, info.
const char* severity_label(Severity s, Lang lang);

// Every byte of `s` outside RFC 3986's unreserved characters (and `keep`) as %XX: a path in a
// URI, a file name in a header.
std::string percent_encoded(std::string_view s, std::string_view keep = "");

// What a finding's fix does, in words: 将“20120”改为“2020”, 在“12月31”后插入“日” (the text output,
// SARIF's fix description, the language server's quick fix).
std::string fix_description(const Source& src, const Fix& fix, Lang lang);

// One output format: gets every file's result in input order, then the run's summary. Writers
// stream what they can (text, JSON, gcc, github, rdjson, SARIF results); JUnit keeps the small
// per-file counts it needs until the file is done.
class Writer {
 public:
  virtual ~Writer();
  virtual void file(const FileResult& r) = 0;
  virtual void finish(const Summary& s) = 0;
};

struct WriterOptions {
  TextStyle style;                                    // text: colour; every format: language of rule texts
  bool quiet = false;                                 // text: no summary line
  std::optional<Severity> fail_on = Severity::error;  // junit: what is a failure; nullopt = never
  Catalog* catalog = nullptr;                         // sarif: rule metadata of the rule sets used, by id
  std::shared_ptr<const RuleSet> fixed;               // sarif: the --rules set (a YAML file is no catalog id)
  bool baseline = false;                              // --baseline given: sarif marks results baselineState new
  std::string step_summary;                           // github: Markdown appended here ($GITHUB_STEP_SUMMARY)
};

// An output format: the registry (src/emit/writer.cpp) that --format, its help, a config's
// `format:` and README's table of formats are made from.
struct OutputFormat {
  std::string name;   // what --format takes
  std::string brief;  // --help: "name (brief)", or the name alone when empty
  std::string users;  // README's table: who reads it
  std::string doc;    // README's table: what it writes (Markdown)
  std::unique_ptr<Writer> (*make)(std::ostream& out, const WriterOptions& options);
};
// Every format, in the order --help lists them.
const std::vector<OutputFormat>& output_format_registry();
// Their names, in the same order.
const std::vector<std::string>& output_formats();
// A writer for one of output_formats() writing to `out`, or nullptr for an unknown name.
std::unique_ptr<Writer> make_writer(const std::string& format, std::ostream& out, const WriterOptions& options);

// The JSON contract (docs/json-output.md), written as results arrive so memory stays flat.
class JsonWriter : public Writer {
 public:
  explicit JsonWriter(std::ostream& out);
  void file(const FileResult& r) override;
  void finish(const Summary& s) override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

// Terminal columns taken by a code point (CJK and full-width forms take two).
int display_width(char32_t c);

}  // namespace gklint
