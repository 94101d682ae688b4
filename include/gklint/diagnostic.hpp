// A finding: what every output format (text, JSON, later SARIF and LSP) is made from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gklint {

class Source;

enum class Severity { info = 0, warning = 1, error = 2 };
const char* severity_name(Severity s);  // "info" | "warning" | "error"
bool parse_severity(const std::string& name, Severity* out);

enum class Lang { zh, en };

// Byte offsets [begin, end) into Source::text (the input file after decoding).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A place that fed a finding: each cell of a sum, with its label and value as printed.
struct Related {
  Related() = default;
  Related(Span at, std::string label_, std::string value_, std::shared_ptr<const Source> in = nullptr)
      : span(at), label(std::move(label_)), value(std::move(value_)), source(std::move(in)) {}

  Span span;
  std::string label;
  std::string value;
  // The file `span` is in when it is not the finding's own: last year's report, for the checks
  // across years. Null: the finding's file.
  std::shared_ptr<const Source> source;
};

// A number as compared: its value and the digits after the point it was printed with.
struct Number {
  double value = 0;
  int decimals = 0;
};

// A correction that is certain, not a judgement: the text of `span` is to read `replacement`
// (an empty span: inserted there). Never for arithmetic (which cell is wrong is the reader's call).
struct Fix {
  Span span;
  std::string replacement;
};

struct Diagnostic {
  std::string rule;  // stable dotted id, e.g. "section.missing"
  std::string kind;  // from the documented vocabulary, e.g. "section-missing"
  Severity severity = Severity::error;
  Span span;
  std::string message;  // in the language asked for
  std::string cite;     // the article or template the rule rests on; may be empty
  // Kind-specific fields, in output order (e.g. {"section", "fees"}). Values are strings.
  std::vector<std::pair<std::string, std::string>> fields;
  // Arithmetic findings: what the cell should be, what it is, and every cell that fed the sum.
  std::optional<Number> expected;
  std::optional<Number> actual;
  std::vector<Related> related;
  // The finding uses table cells cut out of digits that ran together (read by the row's own total).
  bool inferred = false;
  std::optional<Fix> fix;
};

}  // namespace gklint
