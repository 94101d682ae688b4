#include "gklint/source.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "gklint/utf8.hpp"
#include "input/decode.hpp"
#include "input/extracted.hpp"

namespace gklint {

namespace {

// Control bytes other than tab, line ends and form feed do not occur in text; a NUL or many
// controls mean a binary file (an image, a PDF, a .doc renamed .txt).
bool looks_binary(std::string_view s) {
  size_t controls = 0;
  const size_t n = std::min<size_t>(s.size(), 8192);
  for (size_t i = 0; i < n; ++i) {
    // Eight bytes at a time while none is below 0x20 (no NUL, no control: most text).
    uint64_t word = 0;
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    while (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), ((word - 0x20 * kOnes) & ~word & kHigh) == 0)) i += 8;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 20 > n;  // more than 5%
}

bool has_bom16or32(std::string_view b) {
  return b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF") || b.starts_with(std::string_view("\0\0\xFE\xFF", 4));
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// What a file that cannot be checked is, told by its first bytes, whatever its name says.
std::optional<InputProblem> unsupported(std::string_view b) {
  const auto problem = [](std::string zh, std::string en) { return InputProblem{std::move(zh), std::move(en), 0}; };
  if (b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // An OLE compound file: a Word 97–2003 document, or a password-protected .docx (Office wraps
    // the encrypted package in one, with a stream named EncryptedPackage).
    if (contains(b, std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32))) {
      return problem("文档受密码保护（已加密），无法读取；请取消密码后另存为 .docx 再检查",
                     "the document is password-protected (encrypted) and cannot be read; remove the password, "
                     "save it as .docx and check again");
    }
    return problem("这是旧版 Word 文档（.doc，Word 97–2003 格式），无法直接检查；请在 Word/WPS 中另存为 .docx 后再检查",
                   "this is a legacy Word document (.doc, Word 97–2003 format), which cannot be checked directly; "
                   "save it as .docx in Word or WPS and check again");
  }
  if (b.starts_with("{\\rtf")) {
    return problem("这是 RTF 文档，无法直接检查；请另存为 .docx 后再检查",
                   "this is an RTF document, which cannot be checked directly; save it as .docx and check again");
  }
  if (b.starts_with("\x89PNG") || b.starts_with("\xFF\xD8\xFF") || b.starts_with("GIF8") ||
      b.starts_with(std::string_view("II*\0", 4)) || b.starts_with(std::string_view("MM\0*", 4)) ||
      (b.starts_with("RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") || b.starts_with("BM")) {
    if (!b.starts_with("BM") || looks_binary(b)) {
      return problem("这是图片文件，无法检查文字；请提供报告的文字版本（.docx、.html 或 .txt）",
                     "this is an image, which has no text to check; give the report as .docx, .html or .txt");
    }
  }
  return std::nullopt;
}

InputProblem empty_problem() {
  return InputProblem{"文件为空（没有可检查的文字）", "the file is empty (no text to check)", 0};
}

InputProblem decode_problem(const DecodedText& d) {
  return InputProblem{"文件中有不能按 " + d.encoding + " 解码的字节（共 " + std::to_string(d.bad_count) +
                          " 处，此为第一处），已替换为 �；请检查文件编码，或用 --encoding 指定",
                      "the file has bytes that are not valid " + d.encoding + " (" + std::to_string(d.bad_count) +
                          ", this is the first); they were replaced by �. Check the file's encoding, or name it "
                          "with --encoding",
                      *d.first_bad};
}

// More than one bad byte in four characters, or mostly characters no report is written in: no
// encoding fits, the text would be noise.
bool undecodable(const DecodedText& d) {
  return d.bad_count * 4 > d.char_count || (d.guessed && d.implausible * 2 > d.char_count);
}

InputProblem undecodable_problem(const DecodedText& d) {
  return InputProblem{
      "无法识别文件的文字编码（不是 UTF-8、UTF-16、GB18030 或 Big5）；请另存为 UTF-8，或用 --encoding 指定",
      "the file's text encoding could not be recognised (not UTF-8, UTF-16, GB18030 or Big5); save it "
      "as UTF-8, or name it with --encoding",
      d.first_bad.value_or(0)};
}

}  // namespace

void Source::index_lines() {
  line_starts_.clear();
  line_starts_.push_back(0);
  const std::string& t = text_;
  if (t.find('\r') == std::string::npos) {
    // Most text: line feeds only, found by memchr.
    for (size_t i = t.find('\n'); i != std::string::npos; i = t.find('\n', i + 1))
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
  } else {
    for (uint32_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) line_starts_.push_back(i + 1);
    }
  }
  // Marks only where a walk could be long: a line, or a run between origins, over kCharMarkBytes.
  uint32_t longest = 0, previous = 0;
  const auto walk_start = [&](uint32_t at) {
    longest = std::max(longest, at - previous);
    previous = at;
  };
  if (origins_.empty()) {
    for (uint32_t start : line_starts_) walk_start(start);
  } else {
    for (const Origin& o : origins_) walk_start(o.text_offset);
  }
  walk_start(static_cast<uint32_t>(t.size()));
  char_marks_.clear();
  if (longest <= kCharMarkBytes) return;
  std::string_view v(t);
  uint32_t count = 0;
  for (size_t i = 0, next_mark = 0; i < v.size(); ++count) {
    if (i >= next_mark) {
      char_marks_.push_back({static_cast<uint32_t>(i), count});
      next_mark = i + kCharMarkBytes;
    }
    utf8_next(v, i);
  }
}

uint32_t Source::code_points_before(uint32_t offset) const {
  auto it = std::upper_bound(char_marks_.begin(), char_marks_.end(), offset,
                             [](uint32_t off, const CharMark& m) { return off < m.offset; });
  std::string_view t(text_);
  size_t i = 0;
  uint32_t count = 0;
  if (it != char_marks_.begin()) {
    i = (it - 1)->offset;
    count = (it - 1)->code_points;
  }
  for (; i < offset; ++count) utf8_next(t, i);
  return count;
}

uint32_t Source::code_points_between(uint32_t from, uint32_t to) const {
  if (!char_marks_.empty() && to - from > kCharMarkBytes) return code_points_before(to) - code_points_before(from);
  std::string_view t(text_);
  uint32_t count = 0;
  for (size_t i = from; i < to; ++count) utf8_next(t, i);
  return count;
}

Source Source::decode(std::string path, std::string bytes, const ReadOptions& options) {
  return decode_text(std::move(path), std::move(bytes), options, /*html=*/false);
}

Source Source::decode_text(std::string path, std::string bytes, const ReadOptions& options, bool html) {
  Source src;
  src.path_ = std::move(path);
  src.encoding_ = "UTF-8";
  const std::string_view b(bytes);
  if (b.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    src.problem_ = empty_problem();
    src.index_lines();
    return src;
  }
  const bool wide = has_bom16or32(b);  // UTF-16/32: NULs are expected until it is decoded
  if (!wide && options.encoding.empty() && looks_binary(b)) {
    src.problem_ = InputProblem{"文件不是文本（含有二进制数据），无法检查",
                                "the file is not text (it holds binary data) and cannot be checked", 0};
    src.text_ = std::move(bytes);  // kept so the problem's line and column can be shown
    src.index_lines();
    return src;
  }
  DecodedText d = decode_bytes(std::move(bytes), options.encoding, html);
  src.text_ = std::move(d.text);
  src.encoding_ = d.encoding;
  src.index_lines();
  if (src.text_.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    src.problem_ = empty_problem();
  } else if (undecodable(d)) {
    src.problem_ = undecodable_problem(d);
  } else if (wide && looks_binary(src.text_)) {  // UTF-16 of a binary file
    src.problem_ = InputProblem{"文件不是文本（含有二进制数据），无法检查",
                                "the file is not text (it holds binary data) and cannot be checked", 0};
  } else if (d.first_bad) {
    src.decode_warning_ = decode_problem(d);
  }
  return src;
}

Source Source::read(std::string path, std::string bytes, const ReadOptions& options) {
  const std::string_view b(bytes);
  if (auto problem = unsupported(b)) {
    Source src;
    src.path_ = std::move(path);
    src.problem_ = std::move(problem);
    src.index_lines();
    return src;
  }
  const InputFormat& format = input_format_of(path, b);
  if (!format.extract) return decode(std::move(path), std::move(bytes), options);

  Source src;
  src.path_ = std::move(path);
  src.format_ = format.name;
  Extracted e;
  if (!format.decode_first) {
    src.encoding_ = "UTF-8";  // a structured document (.docx) is XML, always Unicode
    e = b.empty() ? Extracted{} : format.extract(b);
    if (b.empty()) e.problem = empty_problem();
  } else {
    // The page is decoded like a text file, then its text is read out of the markup.
    Source page = decode_text(src.path_, std::move(bytes), options, /*html=*/true);
    src.encoding_ = page.encoding_;
    if (page.problem_) {
      page.format_ = format.name;
      return page;
    }
    e = format.extract(page.text_);
    if (page.decode_warning_) {
      // Located at the first replaced character that made it into the text, if any did.
      const Position bad = page.position(page.decode_warning_->offset);
      src.decode_warning_ = page.decode_warning_;
      src.decode_warning_->offset = 0;
      for (const Origin& o : e.origins) {
        if (o.line > bad.line || (o.line == bad.line && o.column >= bad.column)) {
          src.decode_warning_->offset = o.text_offset;
          break;
        }
      }
    }
  }
  src.text_ = std::move(e.text);
  src.origins_ = std::move(e.origins);
  src.display_lines_ = std::move(e.display_lines);
  src.display_pages_ = std::move(e.display_pages);
  src.index_lines();
  if (e.problem)
    src.problem_ = std::move(e.problem);
  else if (src.text_.find_first_not_of(" \t\r\n\f") == std::string::npos)
    src.problem_ = empty_problem();
  return src;
}

Position Source::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  if (!origins_.empty()) {
    auto it = std::upper_bound(origins_.begin(), origins_.end(), offset,
                               [](uint32_t off, const Origin& o) { return off < o.text_offset; });
    if (it == origins_.begin()) return {1, 1, {}};
    const Origin& o = *(it - 1);
    Position p{o.line, o.column, o.grid};
    if (o.line >= 1 && o.line <= display_pages_.size()) {
      p.page = display_pages_[o.line - 1].first;
      p.page_line = display_pages_[o.line - 1].second;
    }
    if (o.fixed) return p;
    p.column += code_points_between(o.text_offset, offset);
    return p;
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  return {line, 1 + code_points_between(line_starts_[line - 1], offset), {}};
}

std::string_view Source::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

uint32_t Source::display_line_count() const {
  return origins_.empty() && display_lines_.empty() ? line_count() : static_cast<uint32_t>(display_lines_.size());
}

std::string_view Source::display_line(uint32_t line) const {
  if (origins_.empty() && display_lines_.empty()) return line_text(line);
  if (line == 0 || line > display_lines_.size()) return {};
  return display_lines_[line - 1];
}

ColumnWalker::At ColumnWalker::walk(std::string_view line, uint32_t line_number, uint32_t column) {
  return walk(line, line_number, column, At{});
}

ColumnWalker::At ColumnWalker::walk(std::string_view line, uint32_t line_number, uint32_t column, At start) {
  if (line_number != line_ || start.byte != start_.byte || start.units != start_.units) {
    line_ = line_number;
    start_ = at_ = start;
    marks_.clear();
  } else {
    // From the nearest place known at or before the column: where the last walk stopped, or a mark.
    const auto after =
        std::upper_bound(marks_.begin(), marks_.end(), column, [](uint32_t c, const At& m) { return c < m.column; });
    const At* mark = after == marks_.begin() ? &start_ : &*(after - 1);
    if (column < at_.column || mark->column > at_.column) at_ = *mark;
  }
  size_t next_mark = (marks_.empty() ? start_.byte : marks_.back().byte) + kMarkBytes;
  while (at_.column < column && at_.byte < line.size()) {
    const char32_t c = utf8_next(line, at_.byte);
    if (units_) at_.units += units_(c);
    ++at_.column;
    if (at_.byte >= next_mark) {
      marks_.push_back(at_);  // past the last mark: a walk back from here, the marks stay in order
      next_mark = at_.byte + kMarkBytes;
    }
  }
  return at_;
}

std::string_view span_text(const Source& source, Span span) {
  return std::string_view(source.text()).substr(span.begin, span.end - span.begin);
}

}  // namespace gklint
