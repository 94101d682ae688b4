// Automatic numbering: the label Word shows before a numbered paragraph ("一、", "（二）", "1.1"),
// from numbering.xml's lists, styles.xml's paragraph styles and Word's counters.
#pragma once

#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "input/docx_xml.hpp"

namespace gklint::docx {

struct Level {
  int64_t start = 0;  // the schema's default when w:start is absent
  std::string format = "decimal";
  std::string text;  // w:lvlText: %1..%9 stand for the numbers of levels 1..9
  std::string suffix = "\t";
  bool legal = false;  // w:isLgl: every number in the text in decimal
  int restart = -1;    // w:lvlRestart: -1 absent (after any shallower level), 0 never, n after level n
  std::string style;   // w:pStyle: the paragraph style this level is for
};
using Levels = std::array<std::optional<Level>, 9>;

class Numbering {
 public:
  void load_styles(pugi::xml_node root, const Ns& ns);
  void load_numbering(pugi::xml_node root, const Ns& ns);

  // Resolves each w:num to the levels it shows, once styles and numbering are both read.
  void finish();

  // The label of a paragraph (its number text, and the suffix after it), advancing the counters.
  // Empty when the paragraph is not numbered.
  std::pair<std::string, std::string> next(pugi::xml_node ppr, const Ns& ns);

 private:
  struct Style {
    std::string based_on;
    std::optional<int64_t> num_id, ilvl;
  };
  struct Abstract {
    Levels levels;
    std::string style_link;
  };
  struct Num {
    std::string abstract;
    std::array<std::optional<int64_t>, 9> start;
    Levels levels;
  };
  struct Resolved {
    Levels levels;
    std::string counters;
  };
  struct Counters {
    std::array<int64_t, 9> value{};
    std::array<bool, 9> started{};
  };

  std::unordered_map<std::string, Style> styles_;
  std::string default_style_;
  std::unordered_map<std::string, Abstract> abstracts_;
  std::map<int64_t, Num> nums_;
  std::unordered_map<int64_t, Resolved> resolved_;
  std::unordered_map<std::string, Counters> counters_;
};

}  // namespace gklint::docx
