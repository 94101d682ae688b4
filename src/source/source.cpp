#include "gklint/source.hpp"

#include <algorithm>

namespace gklint {

int utf8_sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  int len = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
  else return 0;
  if (i + len > s.size()) return 0;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

char32_t utf8_next(std::string_view s, size_t& i) {
  int len = utf8_sequence_length(s, i);
  if (len == 0) {
    ++i;
    return 0xFFFD;
  }
  unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp = len == 1 ? c : (c & (0x7F >> len));
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Control bytes other than tab, line ends and form feed do not occur in text; a NUL or many
// controls mean a binary file (an image, a PDF, a .doc renamed .txt).
bool looks_binary(std::string_view s) {
  size_t controls = 0;
  const size_t n = std::min<size_t>(s.size(), 8192);
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 20 > n;  // more than 5%
}

}  // namespace

Source Source::decode(std::string path, std::string bytes) {
  Source src;
  src.path_ = std::move(path);
  src.encoding_ = "UTF-8";
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    src.encoding_ = "UTF-8 (BOM)";
  }
  src.text_ = std::move(bytes);
  const std::string& t = src.text_;

  src.line_starts_.push_back(0);
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) {
      src.line_starts_.push_back(i + 1);
    }
  }

  if (t.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    src.problem_ = InputProblem{"文件为空（没有可检查的文字）", "the file is empty (no text to check)", 0};
  } else if (looks_binary(t)) {
    src.problem_ = InputProblem{"文件不是文本（含有二进制数据），无法检查",
                                "the file is not text (it holds binary data) and cannot be checked", 0};
  } else {
    for (size_t i = 0; i < t.size();) {
      int len = utf8_sequence_length(t, i);
      if (len == 0) {
        src.problem_ = InputProblem{
            "文件不是有效的 UTF-8 编码（可能是 GB18030 或 Big5），请另存为 UTF-8 后再检查",
            "the file is not valid UTF-8 (it may be GB18030 or Big5); save it as UTF-8 and check again",
            static_cast<uint32_t>(i)};
        break;
      }
      i += len;
    }
  }
  return src;
}

Position Source::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t column = 1;
  std::string_view t(text_);
  for (size_t i = line_starts_[line - 1]; i < offset;) {
    utf8_next(t, i);
    ++column;
  }
  return {line, column};
}

std::string_view Source::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace gklint
