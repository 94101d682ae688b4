#include "input/docx_xml.hpp"

#include <algorithm>
#include <charconv>

#include "gklint/utf8.hpp"

namespace gklint::docx {

Ns Ns::of(pugi::xml_node root) {
  Ns ns;
  for (pugi::xml_attribute a : root.attributes()) {
    const std::string_view name = a.name(), uri = a.value();
    std::string prefix;
    if (name.starts_with("xmlns:"))
      prefix = std::string(name.substr(6));
    else if (name != "xmlns")
      continue;
    if (uri == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
        uri == "http://purl.oclc.org/ooxml/wordprocessingml/main") {
      ns.w = prefix;
    } else if (uri == "http://schemas.openxmlformats.org/markup-compatibility/2006") {
      ns.mc = prefix;
    } else if (uri == "http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ||
               uri == "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" ||
               uri == "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ||
               uri == "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing") {
      ns.drawing.push_back(prefix);
    }
  }
  return ns;
}

pugi::xml_node Ns::branch(pugi::xml_node alternate) const {
  for (pugi::xml_node c : alternate.children()) {
    if (!is_mc(c, "Choice")) continue;
    const std::string_view requires_ = c.attribute("Requires").value();
    bool understood = true, any = false;
    size_t start = 0;
    while (start < requires_.size()) {
      size_t end = requires_.find(' ', start);
      if (end == std::string_view::npos) end = requires_.size();
      const std::string_view token = requires_.substr(start, end - start);
      if (!token.empty()) {
        any = true;
        understood = understood && std::find(drawing.begin(), drawing.end(), token) != drawing.end();
      }
      start = end + 1;
    }
    if (any && understood) return c;
  }
  for (pugi::xml_node c : alternate.children()) {
    if (is_mc(c, "Fallback")) return c;
  }
  return {};
}

std::optional<int64_t> to_int(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

void append_clean(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // Printable ASCII goes in whole runs: the common case, and cheap.
    size_t ascii = i;
    while (ascii < s.size() && s[ascii] >= 0x20 && s[ascii] < 0x7F) ++ascii;
    if (ascii > i) {
      out.append(s.substr(i, ascii - i));
      i = ascii;
      continue;
    }
    const int len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (len == 1 && c < 0x20 && c != '\t')
      out += ' ';
    else
      out.append(s.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
  }
}

}  // namespace gklint::docx
