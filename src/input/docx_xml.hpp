// WordprocessingML as pugixml gives it: elements and attributes named under the prefixes a part
// binds (Ns), the branch of mc:AlternateContent to read, and text and numbers made safe to use.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gklint::docx {

// Keeps whitespace-only text when it is an element's only child: <w:t xml:space="preserve"> </w:t>.
inline constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

inline bool name_is(std::string_view name, const std::string& prefix, std::string_view local) {
  if (prefix.empty()) return name == local;
  return name.size() == prefix.size() + 1 + local.size() && name.starts_with(prefix) && name[prefix.size()] == ':' &&
         name.ends_with(local);
}

// The prefixes a part's root element binds to the namespaces the reader knows.
struct Ns {
  std::string w = "w";
  std::string mc = "mc";
  std::vector<std::string> drawing;  // the prefixes of text-box drawing namespaces (wps, wpg...)

  static Ns of(pugi::xml_node root);

  bool is(pugi::xml_node n, std::string_view local) const { return name_is(n.name(), w, local); }
  bool is_mc(pugi::xml_node n, std::string_view local) const { return name_is(n.name(), mc, local); }

  pugi::xml_node child(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_node c : n.children()) {
      if (is(c, local)) return c;
    }
    return {};
  }
  std::string_view attr(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes()) {
      if (name_is(a.name(), w, local)) return a.value();
    }
    return {};
  }
  std::string_view val(pugi::xml_node n) const { return attr(n, "val"); }

  // A toggle such as <w:vanish/>: on when present, unless its val says off.
  bool on(pugi::xml_node n) const {
    if (!n) return false;
    const std::string_view v = val(n);
    return v != "0" && v != "false" && v != "off";
  }

  // The branch of mc:AlternateContent to read: the first mc:Choice that needs only drawing
  // namespaces we read text boxes from, else mc:Fallback. Never both, or a text box (written once
  // as DrawingML and once as VML) would be read twice.
  pugi::xml_node branch(pugi::xml_node alternate) const;
};

std::optional<int64_t> to_int(std::string_view s);

// Appends text from the XML as valid UTF-8 on one line: an invalid byte becomes U+FFFD (still one
// column) and a control character (a line break in the XML text) a space; tabs are kept.
void append_clean(std::string& out, std::string_view s);

}  // namespace gklint::docx
