// The input file as text: decoding, and positions (line, column) for any byte offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/input.hpp"
#include "gklint/utf8.hpp"

namespace gklint {

// Where a finding is in the file the user gave. 1-based line (for a .docx, the paragraph number;
// for a PDF, the line as `gklint cat` numbers them over the whole document); 1-based column counted
// in code points (an invalid byte counts as one).
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  GridRef grid;
  // A PDF: the 1-based page, and the line within it (0 for other formats).
  uint32_t page = 0;
  uint32_t page_line = 0;
};

struct ReadOptions {
  std::string encoding;  // --encoding: an ICU converter name; empty = detect
};

class Source {
 public:
  // Reads a file as the user gave it: plain text in any supported encoding, an HTML page or a
  // .docx (by extension and content), and the binaries that cannot be checked (PDF, images, .doc).
  // The Source is always made so a problem can be located; `problem` is set when nothing can be
  // checked.
  static Source read(std::string path, std::string bytes, const ReadOptions& options = {});
  // Plain text only (rule files, tests): UTF-8, UTF-16 with a BOM, GB18030 or Big5.
  static Source decode(std::string path, std::string bytes, const ReadOptions& options = {});

  const std::string& path() const { return path_; }
  // The text gklint lints: the decoded file, or the text read out of a page or document.
  const std::string& text() const { return text_; }
  const std::string& encoding() const { return encoding_; }  // e.g. "UTF-8", "GB18030", "Big5"
  const std::string& format() const { return format_; }      // "text" | "html" | "docx" | "pdf"
  const std::optional<InputProblem>& problem() const { return problem_; }
  // The file decoded, but some bytes were not valid in its encoding: where the first one is in
  // text() (as U+FFFD). The file is still linted.
  const std::optional<InputProblem>& decode_warning() const { return decode_warning_; }

  // Where a byte offset of text() is in the user's file.
  Position position(uint32_t offset) const;
  // Lines of text() (1-based, without line ends): what the rules scan.
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  std::string_view line_text(uint32_t line) const;
  // Lines of the user's file as they are shown beside a finding: the same as line_text for plain
  // text, the HTML source lines for a page, the paragraphs' visible text for a .docx.
  uint32_t display_line_count() const;
  std::string_view display_line(uint32_t line) const;
  // A PDF: each display line's page and its line on that page, 1-based (empty for other formats).
  const std::vector<std::pair<uint32_t, uint32_t>>& display_pages() const { return display_pages_; }
  // Where each run of text() came from (HTML and .docx only; empty for plain text).
  const std::vector<Origin>& origins() const { return origins_; }

 private:
  // `html`: the bytes are a page, whose <meta charset> is a hint.
  static Source decode_text(std::string path, std::string bytes, const ReadOptions& options, bool html);
  void index_lines();
  // Code points (utf8_next steps) from the start of text() to `offset`.
  uint32_t code_points_before(uint32_t offset) const;
  // Code points from `from` (a code point start) to `to`: the column a position() walks.
  uint32_t code_points_between(uint32_t from, uint32_t to) const;

  std::string path_;
  std::string text_;
  std::string encoding_;
  std::string format_ = "text";
  std::optional<InputProblem> problem_;
  std::optional<InputProblem> decode_warning_;
  std::vector<uint32_t> line_starts_;
  // A crawled page is one line: walking from the line start for each finding's column would be
  // quadratic. When a line or run is longer than kCharMarkBytes, a mark every kCharMarkBytes bytes
  // (at a code point start) records how many code points come before it, so no walk is longer.
  static constexpr uint32_t kCharMarkBytes = 1024;
  struct CharMark {
    uint32_t offset;
    uint32_t code_points;
  };
  std::vector<CharMark> char_marks_;
  // HTML and .docx only: where each run of text() came from, and the user's file lines.
  std::vector<Origin> origins_;
  std::vector<std::string> display_lines_;
  std::vector<std::pair<uint32_t, uint32_t>> display_pages_;  // a PDF: each display line's page and line on it
};

// The text of text() that a span covers.
std::string_view span_text(const Source& source, Span span);

// Converts 1-based code-point columns of a line into bytes, and into a count of other units (the
// LSP client's UTF-16 code units, rdjson's bytes). Findings come sorted by place, so each answer
// continues from the previous one on the same line: a crawled page on one line is walked once, not
// once per finding. Other orders cost little too: a walk starts from the nearest place known before
// its column, where the last walk stopped or a mark left every kMarkBytes bytes of the line walked,
// so one walker serves a finding's begin, end and cells. A column past the line's end stops at the
// end (`column` says how far it got).
class ColumnWalker {
 public:
  using Units = uint32_t (*)(char32_t);
  struct At {
    size_t byte = 0;      // in the line
    uint32_t units = 0;   // from the line's start
    uint32_t column = 1;  // the column reached
  };
  explicit ColumnWalker(Units units = nullptr) : units_(units) {}
  At walk(std::string_view line, uint32_t line_number, uint32_t column);
  // `start`: where column 1 is (e.g. after a byte order mark the client still counts).
  At walk(std::string_view line, uint32_t line_number, uint32_t column, At start);
  uint32_t count(char32_t c) const { return units_ ? units_(c) : 0; }

 private:
  static constexpr size_t kMarkBytes = 1024;
  Units units_;
  uint32_t line_ = 0;
  At start_;               // where column 1 of line_ is
  At at_;                  // where the last walk stopped
  std::vector<At> marks_;  // on line_, one each kMarkBytes bytes walked from start_, in order
};

}  // namespace gklint
