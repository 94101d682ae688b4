// The .docx reader: the body of the main document part (word/document.xml) becomes the text gklint
// lints, one line per paragraph and one "cell | cell |" line per table row, and every piece of it
// keeps the paragraph and column it came from.
//
// Line numbers are paragraph numbers. Every w:p that is read is numbered 1, 2, 3... in document
// order (the order of the start tags): paragraphs of the body, of table cells and of text boxes
// alike, which is what a user counting paragraphs sees in `gklint cat`. A text box's paragraphs
// therefore come right after the paragraph that anchors it. Paragraphs in content that is not
// read (deleted text, the branch of mc:AlternateContent not taken) take no number.
//
// Element names are matched by their local name under the prefix that the part's root element
// binds to the WordprocessingML namespace (Word always writes w:, another producer may choose its
// own). Declarations on inner elements are not followed: no producer puts them there.
//
// Bad input never crashes or hangs: the zip is read through libzip with a cap on the number of
// entries and on the bytes each part may inflate to (never trusting the sizes the zip declares),
// pugixml expands no entities (no DTD, so no "billion laughs"), and the walk is bounded in depth.
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "input/extracted.hpp"

namespace gklint {

namespace {

constexpr zip_int64_t kMaxEntries = 10000;
constexpr size_t kMaxDocumentBytes = size_t{64} << 20;  // word/document.xml, inflated
constexpr size_t kMaxSideBytes = size_t{16} << 20;      // styles.xml, numbering.xml
constexpr size_t kMaxRelsBytes = size_t{1} << 20;       // the .rels parts that name them
constexpr int kMaxDepth = 200;                          // nested tables, text boxes, content controls
constexpr size_t kMaxLevelText = 1000;                  // Word's own limit is far below this
// What the paragraphs may add beyond the XML's own text (numbering labels) and how many there may
// be: a list whose label is long, on millions of empty paragraphs, would otherwise multiply.
constexpr size_t kMaxParagraphs = 1'000'000;
constexpr size_t kMaxLabelBytes = size_t{16} << 20;  // a long report has some 100 KB
constexpr int64_t kMaxStart = 1'000'000'000;

InputProblem problem(std::string zh, std::string en) { return InputProblem{std::move(zh), std::move(en), 0}; }

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// ---------------------------------------------------------------------------------------------
// The zip package

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipDiscard>;

Zip open_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (src && !za) zip_source_free(src);  // on success the archive owns the source
  zip_error_fini(&error);
  return Zip(za);
}

bool has_entry(zip_t* za, const std::string& name) { return zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE) >= 0; }

enum class Read { ok, missing, encrypted, too_large, damaged };

// Inflates one part in chunks and stops past `cap`: the size in the zip's headers may lie.
Read read_part(zip_t* za, const std::string& name, size_t cap, std::string& out, std::string& why) {
  out.clear();
  const zip_int64_t index = zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Read::missing;
  zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (!f) {
    zip_error_t* e = zip_get_error(za);
    const int code = zip_error_code_zip(e);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) return Read::encrypted;
    why = zip_error_strerror(e);
    return Read::damaged;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  constexpr size_t kChunk = size_t{1} << 16;
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    out.reserve(static_cast<size_t>(std::min<zip_uint64_t>(st.size, cap)) + kChunk);  // a hint only
  }
  Read status = Read::ok;
  for (;;) {
    const size_t old = out.size();
    out.resize(old + kChunk);
    const zip_int64_t n = zip_fread(f, out.data() + old, kChunk);
    if (n < 0) {
      why = zip_error_strerror(zip_file_get_error(f));
      status = Read::damaged;
      break;
    }
    out.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
    if (out.size() > cap) {
      status = Read::too_large;
      break;
    }
  }
  zip_fclose(f);
  if (status != Read::ok) out = std::string();
  return status;
}

// "word/" + "../customXml/x.xml" -> "customXml/x.xml"; an absolute target is from the package root.
std::string resolve(std::string_view base_dir, std::string_view target) {
  const std::string path = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                               : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string_view local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The target of the first relationship of a type in a .rels part, or "" (the caller then uses the
// part name Word uses). Relationships let a producer name its parts otherwise (document2.xml).
std::string relationship(zip_t* za, const std::string& rels_part, std::string_view type, std::string_view base_dir) {
  std::string data, why;
  if (read_part(za, rels_part, kMaxRelsBytes, data, why) != Read::ok) return "";
  pugi::xml_document doc;
  if (!doc.load_buffer(data.data(), data.size())) return "";
  for (pugi::xml_node rel : doc.document_element().children()) {
    if (local_name(rel.name()) != "Relationship") continue;
    const std::string_view t = rel.attribute("Type").value();
    if (t.size() <= type.size() || !t.ends_with(type) || t[t.size() - type.size() - 1] != '/') continue;
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
    return resolve(base_dir, rel.attribute("Target").value());
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// XML


// Keeps whitespace-only text when it is an element's only child: <w:t xml:space="preserve"> </w:t>.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

std::optional<InputProblem> parse_xml(pugi::xml_document& doc, const std::string& data, const std::string& part) {
  const pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size(), kParseOptions);
  if (r) return std::nullopt;
  const auto [line, column] = line_column(data, r.offset < 0 ? 0 : static_cast<size_t>(r.offset));
  const std::string at = std::to_string(line), col = std::to_string(column);
  return problem(part + " 不是有效的 XML（第 " + at + " 行第 " + col + " 列：" + r.description() +
                     "），文件可能已损坏",
                 part + " is not well-formed XML (line " + at + ", column " + col + ": " + r.description() +
                     "); the file may be damaged");
}

bool name_is(std::string_view name, const std::string& prefix, std::string_view local) {
  if (prefix.empty()) return name == local;
  return name.size() == prefix.size() + 1 + local.size() && name.starts_with(prefix) && name[prefix.size()] == ':' &&
         name.ends_with(local);
}

// The prefixes a part's root element binds to the namespaces the reader knows.
struct Ns {
  std::string w = "w";
  std::string mc = "mc";
  std::vector<std::string> drawing;  // the prefixes of text-box drawing namespaces (wps, wpg...)

  static Ns of(pugi::xml_node root) {
    Ns ns;
    for (pugi::xml_attribute a : root.attributes()) {
      const std::string_view name = a.name(), uri = a.value();
      std::string prefix;
      if (name.starts_with("xmlns:")) prefix = std::string(name.substr(6));
      else if (name != "xmlns") continue;
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
  pugi::xml_node branch(pugi::xml_node alternate) const {
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
};

std::optional<int64_t> to_int(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Appends text from the XML as valid UTF-8 on one line: an invalid byte becomes U+FFFD (still one
// column) and a control character (a line break in the XML text) a space; tabs are kept.
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
    if (len == 1 && c < 0x20 && c != '\t') out += ' ';
    else out.append(s.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
  }
}

// ---------------------------------------------------------------------------------------------
// Automatic numbering: numbering.xml's lists, styles.xml's paragraph styles, Word's counters.

std::string roman(int64_t n, bool upper) {
  static constexpr std::pair<int, const char*> kRoman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                           {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                           {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                           {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kRoman) {
    for (; n >= value; n -= value) out += text;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// A counting system with units: 十一, 一百〇一...
struct Counting {
  std::array<const char*, 10> digits;
  std::array<const char*, 4> units;  // "", 十, 百, 千
  const char* zero;                  // written for a run of zero digits inside the number
  bool bare_ten;                     // 十一 rather than 一十一 (only at the start)
  bool bare_all;                     // 百一 rather than 一百一 (Japanese)
};

constexpr Counting kChinese{{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                            {"", "十", "百", "千"}, "〇", true, false};
constexpr Counting kChineseThousand{{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                                    {"", "十", "百", "千"}, "零", true, false};
constexpr Counting kJapanese{{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                             {"", "十", "百", "千"}, "", false, true};
constexpr Counting kLegalSimplified{{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
                                    {"", "拾", "佰", "仟"}, "零", false, false};
constexpr Counting kLegalTraditional{{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"},
                                     {"", "拾", "佰", "仟"}, "零", false, false};

std::string counting(int64_t n, const Counting& c) {
  if (n == 0) return c.digits[0];
  if (n > 9999) return std::to_string(n);
  const std::array<int64_t, 4> d{n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
  std::string out;
  bool pending_zero = false;
  for (size_t i = 0; i < 4; ++i) {
    const size_t unit = 3 - i;
    if (d[i] == 0) {
      pending_zero = pending_zero || !out.empty();
      continue;
    }
    if (pending_zero) out += c.zero;
    pending_zero = false;
    const bool bare = unit > 0 && d[i] == 1 && (c.bare_all || (c.bare_ten && unit == 1 && out.empty()));
    if (!bare) out += c.digits[static_cast<size_t>(d[i])];
    out += c.units[unit];
  }
  return out;
}

// One number in a w:numFmt. Formats not known here, and numbers past what a format can show, are
// written in decimal.
std::string format_number(int64_t n, std::string_view fmt) {
  if (fmt == "none") return "";
  n = std::max<int64_t>(n, 0);
  const std::string dec = std::to_string(n);
  auto cycle = [n](const std::array<const char*, 12>& signs, int64_t count) {
    return std::string(signs[static_cast<size_t>((n - 1) % count)]);
  };
  auto enclosed = [n, &dec](char32_t first) {
    if (n < 1 || n > 20) return dec;
    std::string out;
    utf8_append(out, first + static_cast<char32_t>(n - 1));
    return out;
  };
  if (fmt == "decimalZero") return n < 10 ? "0" + dec : dec;
  if (fmt == "upperRoman" || fmt == "lowerRoman") return n >= 1 && n < 4000 ? roman(n, fmt[0] == 'u') : dec;
  if (fmt == "upperLetter" || fmt == "lowerLetter") {
    // A..Z, then AA..ZZ, AAA...: Word repeats the letter.
    if (n < 1 || n > 780) return dec;
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>((fmt[0] == 'u' ? 'A' : 'a') + (n - 1) % 26));
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string out;
    for (char d : dec) utf8_append(out, U'０' + static_cast<char32_t>(d - '0'));
    return out;
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") return enclosed(U'①');
  if (fmt == "decimalEnclosedParen") return enclosed(U'⑴');
  if (fmt == "decimalEnclosedFullstop") return enclosed(U'⒈');
  if (fmt == "ideographTraditional" && n >= 1) {
    return cycle({"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "", ""}, 10);
  }
  if (fmt == "ideographZodiac" && n >= 1) {
    return cycle({"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}, 12);
  }
  if (fmt == "ideographDigital") {
    std::string out;
    for (char d : dec) out += kChinese.digits[static_cast<size_t>(d - '0')];
    return out;
  }
  if (fmt == "chineseCounting" || fmt == "taiwaneseCounting") return counting(n, kChinese);
  if (fmt == "chineseCountingThousand" || fmt == "taiwaneseCountingThousand") return counting(n, kChineseThousand);
  if (fmt == "japaneseCounting") return counting(n, kJapanese);
  if (fmt == "chineseLegalSimplified") return counting(n, kLegalSimplified);
  if (fmt == "ideographLegalTraditional") return counting(n, kLegalTraditional);
  return dec;
}

struct Level {
  int64_t start = 0;  // the schema's default when w:start is absent
  std::string format = "decimal";
  std::string text;  // w:lvlText: %1..%9 stand for the numbers of levels 1..9
  std::string suffix = "\t";
  bool legal = false;   // w:isLgl: every number in the text in decimal
  int restart = -1;     // w:lvlRestart: -1 absent (after any shallower level), 0 never, n after level n
  std::string style;    // w:pStyle: the paragraph style this level is for
};
using Levels = std::array<std::optional<Level>, 9>;

class Numbering {
 public:
  void load_styles(pugi::xml_node root, const Ns& ns) {
    for (pugi::xml_node s : root.children()) {
      if (!ns.is(s, "style")) continue;
      const std::string id(ns.attr(s, "styleId"));
      Style style;
      style.based_on = ns.val(ns.child(s, "basedOn"));
      const pugi::xml_node num_pr = ns.child(ns.child(s, "pPr"), "numPr");
      style.num_id = to_int(ns.val(ns.child(num_pr, "numId")));
      style.ilvl = to_int(ns.val(ns.child(num_pr, "ilvl")));
      const std::string_view is_default = ns.attr(s, "default");
      if (ns.attr(s, "type") == "paragraph" && (is_default == "1" || is_default == "true" || is_default == "on")) {
        default_style_ = id;
      }
      styles_[id] = std::move(style);
    }
  }

  void load_numbering(pugi::xml_node root, const Ns& ns) {
    for (pugi::xml_node n : root.children()) {
      if (ns.is(n, "abstractNum")) {
        Abstract& a = abstracts_[std::string(ns.attr(n, "abstractNumId"))];
        a.style_link = ns.val(ns.child(n, "numStyleLink"));
        for (pugi::xml_node lvl : n.children()) {
          const auto i = to_int(ns.attr(lvl, "ilvl"));
          if (ns.is(lvl, "lvl") && i && *i >= 0 && *i < 9) a.levels[static_cast<size_t>(*i)] = level(lvl, ns);
        }
      } else if (ns.is(n, "num")) {
        const auto id = to_int(ns.attr(n, "numId"));
        if (!id) continue;
        Num& num = nums_[*id];
        num.abstract = ns.val(ns.child(n, "abstractNumId"));
        for (pugi::xml_node o : n.children()) {
          const auto i = to_int(ns.attr(o, "ilvl"));
          if (!ns.is(o, "lvlOverride") || !i || *i < 0 || *i >= 9) continue;
          const auto k = static_cast<size_t>(*i);
          if (pugi::xml_node lvl = ns.child(o, "lvl")) num.levels[k] = level(lvl, ns);
          if (auto s = to_int(ns.val(ns.child(o, "startOverride")))) num.start[k] = std::clamp<int64_t>(*s, 0, kMaxStart);
        }
      }
    }
  }

  // Resolves each w:num to the levels it shows, once styles and numbering are both read.
  void finish() {
    for (const auto& [id, num] : nums_) {
      std::string abstract = num.abstract;
      const Abstract* a = nullptr;
      // An abstract numbering with w:numStyleLink takes its levels from a numbering style's list.
      for (int hops = 0; hops < 4; ++hops) {
        auto it = abstracts_.find(abstract);
        if (it == abstracts_.end()) break;
        if (it->second.style_link.empty()) {
          a = &it->second;
          break;
        }
        auto style = styles_.find(it->second.style_link);
        if (style == styles_.end() || !style->second.num_id) break;
        auto linked = nums_.find(*style->second.num_id);
        if (linked == nums_.end()) break;
        abstract = linked->second.abstract;
      }
      if (!a) continue;
      Resolved r;
      r.levels = a->levels;
      bool restarts = false;
      for (size_t k = 0; k < 9; ++k) {
        if (num.levels[k]) r.levels[k] = num.levels[k];
        if (num.start[k] && r.levels[k]) {
          r.levels[k]->start = *num.start[k];
          restarts = true;
        }
      }
      // Lists sharing an abstract numbering count on together, as in Word; a w:num that overrides
      // a start ("restart numbering") is a list of its own.
      r.counters = restarts ? "num " + std::to_string(id) : "abstract " + abstract;
      resolved_[id] = std::move(r);
    }
  }

  // The label of a paragraph (its number text, and the suffix after it), advancing the counters.
  // Empty when the paragraph is not numbered.
  std::pair<std::string, std::string> next(pugi::xml_node ppr, const Ns& ns) {
    std::string style_id(ns.val(ns.child(ppr, "pStyle")));
    if (style_id.empty()) style_id = default_style_;
    const pugi::xml_node num_pr = ns.child(ppr, "numPr");
    std::optional<int64_t> num_id = to_int(ns.val(ns.child(num_pr, "numId")));
    std::optional<int64_t> ilvl = to_int(ns.val(ns.child(num_pr, "ilvl")));
    // The style chain fills in what the paragraph leaves out; the nearest style wins.
    std::string id = style_id;
    for (int hops = 0; hops < 32 && !id.empty() && (!num_id || !ilvl); ++hops) {
      auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (!num_id) num_id = it->second.num_id;
      if (!ilvl) ilvl = it->second.ilvl;
      id = it->second.based_on;
    }
    if (!num_id || *num_id == 0) return {};
    auto r = resolved_.find(*num_id);
    if (r == resolved_.end()) return {};
    const Levels& levels = r->second.levels;
    if (!ilvl) {
      // A style-numbered paragraph without w:ilvl is at the level that names its style.
      ilvl = 0;
      for (size_t k = 0; k < 9; ++k) {
        if (levels[k] && !style_id.empty() && levels[k]->style == style_id) ilvl = static_cast<int64_t>(k);
      }
    }
    const auto at = static_cast<size_t>(std::clamp<int64_t>(*ilvl, 0, 8));
    if (!levels[at]) return {};
    const Level& level = *levels[at];

    Counters& c = counters_[r->second.counters];
    c.value[at] = c.started[at] ? c.value[at] + 1 : level.start;
    c.started[at] = true;
    for (size_t k = at + 1; k < 9; ++k) {
      const int restart = levels[k] ? levels[k]->restart : -1;
      if (restart < 0 || static_cast<int>(at) < restart) c.started[k] = false;
    }

    std::string label;
    const std::string_view text = level.text;
    for (size_t i = 0; i < text.size();) {
      const size_t percent = std::min(text.find('%', i), text.size());
      label.append(text.substr(i, percent - i));
      i = percent;
      if (i == text.size()) break;
      if (i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const auto k = static_cast<size_t>(text[i + 1] - '1');
        const int64_t value = c.started[k] ? c.value[k] : levels[k] ? levels[k]->start : 0;
        label += format_number(value, level.legal ? "decimal" : levels[k] ? levels[k]->format : "decimal");
        i += 2;
      } else {
        label += text[i++];
      }
    }
    std::string clean;
    append_clean(clean, label);
    if (level.format == "bullet") clean = bullet(clean);
    if (clean.empty()) return {};
    return {clean, level.suffix};
  }

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

  static Level level(pugi::xml_node lvl, const Ns& ns) {
    Level l;
    if (auto s = to_int(ns.val(ns.child(lvl, "start")))) l.start = std::clamp<int64_t>(*s, 0, kMaxStart);
    pugi::xml_node fmt = ns.child(lvl, "numFmt");
    // Word 2010 writes a custom format as mc:AlternateContent with a standard one as fallback.
    for (pugi::xml_node c = lvl.first_child(); c && !fmt; c = c.next_sibling()) {
      if (!ns.is_mc(c, "AlternateContent")) continue;
      for (pugi::xml_node b : c.children()) {
        if (ns.is_mc(b, "Fallback")) fmt = ns.child(b, "numFmt");
      }
    }
    if (fmt) l.format = ns.val(fmt);
    if (pugi::xml_node t = ns.child(lvl, "lvlText")) {
      const std::string_view v = ns.val(t);
      if (v.size() <= kMaxLevelText) l.text = v;  // longer is no list Word made: no label
    }
    if (pugi::xml_node s = ns.child(lvl, "suff")) {
      const std::string_view v = ns.val(s);
      l.suffix = v == "space" ? " " : v == "nothing" ? "" : "\t";
    }
    l.legal = ns.on(ns.child(lvl, "isLgl"));
    if (auto r = to_int(ns.val(ns.child(lvl, "lvlRestart")))) l.restart = static_cast<int>(std::clamp<int64_t>(*r, 0, 9));
    l.style = ns.val(ns.child(lvl, "pStyle"));
    return l;
  }

  // A bullet in a symbol font is a private-use code point (U+F0B7 in Symbol, U+F0A7 in
  // Wingdings...) that shows as nothing elsewhere: it is written as •.
  static std::string bullet(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      const char32_t cp = utf8_next(s, i);
      utf8_append(out, cp >= 0xF000 && cp <= 0xF0FF ? U'•' : cp);
    }
    return out;
  }

  std::unordered_map<std::string, Style> styles_;
  std::string default_style_;
  std::unordered_map<std::string, Abstract> abstracts_;
  std::map<int64_t, Num> nums_;
  std::unordered_map<int64_t, Resolved> resolved_;
  std::unordered_map<std::string, Counters> counters_;
};

// ---------------------------------------------------------------------------------------------
// The document body

struct Para {
  std::string label, suffix, body;  // shown as label + suffix + body
};

struct Cell {
  std::vector<uint32_t> paras;  // paragraph numbers
  uint32_t first = 1;           // where the cell is located: its first paragraph
  GridRef grid;
};

// What the text is made of, in order: a paragraph's line, or a table row.
struct Item {
  uint32_t para = 0;  // a paragraph's number, or 0 for a row
  std::vector<Cell> row;
};

class Walker {
 public:
  Walker(const Ns& ns, Numbering& numbering) : ns_(ns), numbering_(numbering) {}

  std::vector<Para> paras;  // paras[n - 1] is paragraph n
  std::vector<Item> items;
  bool too_deep = false;
  bool too_many = false;  // past kMaxParagraphs or kMaxLabelBytes: the walk stops

  // Block content: paragraphs and tables. In a data table's cell, the paragraphs go to `cell`.
  void blocks(pugi::xml_node parent, int depth, Cell* cell) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, "p")) paragraph(c, depth, cell);
      else if (ns_.is(c, "tbl")) table(c, depth + 1);
      else if (ns_.is(c, "sdt")) blocks(ns_.child(c, "sdtContent"), depth + 1, cell);
      else if (ns_.is(c, "customXml")) blocks(c, depth + 1, cell);
      else if (ns_.is_mc(c, "AlternateContent")) blocks(ns_.branch(c), depth + 1, cell);
    }
  }

 private:
  bool deeper(int depth) {
    if (depth <= kMaxDepth) return true;
    too_deep = true;
    return false;
  }

  void paragraph(pugi::xml_node p, int depth, Cell* cell) {
    if (paras.size() >= kMaxParagraphs || label_bytes_ > kMaxLabelBytes) too_many = true;
    if (too_many) return;
    const size_t index = paras.size();
    const auto number = static_cast<uint32_t>(index + 1);
    paras.emplace_back();
    // The paragraph's line is placed before any text box it anchors is walked.
    if (cell) cell->paras.push_back(number);
    else items.push_back(Item{number, {}});
    auto [label, suffix] = numbering_.next(ns_.child(p, "pPr"), ns_);
    label_bytes_ += label.size() + suffix.size();
    paras[index].label = std::move(label);
    paras[index].suffix = std::move(suffix);
    inline_content(p, index, depth + 1);
    // A field's instructions end within their paragraph in any document Word makes; one left open
    // (a damaged file) must not hide the rest of the document. A result may go on (a contents).
    if (instructions_ > 0) {
      std::erase(fields_, false);
      instructions_ = 0;
    }
  }

  void inline_content(pugi::xml_node parent, size_t para, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, "r")) {
        run(c, para, depth + 1);
      } else if (ns_.is(c, "hyperlink") || ns_.is(c, "smartTag") || ns_.is(c, "ins") || ns_.is(c, "moveTo") ||
                 ns_.is(c, "fldSimple") || ns_.is(c, "customXml") || ns_.is(c, "dir") || ns_.is(c, "bdo")) {
        inline_content(c, para, depth + 1);
      } else if (ns_.is(c, "sdt")) {
        inline_content(ns_.child(c, "sdtContent"), para, depth + 1);
      } else if (ns_.is_mc(c, "AlternateContent")) {
        inline_content(ns_.branch(c), para, depth + 1);
      }
      // Not read: w:del and w:moveFrom (deleted), w:pPr, bookmarks, comments, math (m:oMath).
    }
  }

  void run(pugi::xml_node r, size_t para, int depth) {
    if (!deeper(depth)) return;
    const bool hidden = ns_.on(ns_.child(ns_.child(r, "rPr"), "vanish"));
    for (pugi::xml_node c : r.children()) {
      if (ns_.is_mc(c, "AlternateContent")) {
        run(ns_.branch(c), para, depth + 1);
      } else if (ns_.is(c, "drawing") || ns_.is(c, "pict") || ns_.is(c, "object")) {
        text_boxes(c, depth + 1);
      } else if (ns_.is(c, "ruby")) {
        inline_content(ns_.child(c, "rubyBase"), para, depth + 1);
      } else if (ns_.is(c, "fldChar")) {
        field(ns_.attr(c, "fldCharType"));
      } else if (!hidden && instructions_ == 0) {
        // Text shown: not hidden, and not a field's instructions (only its result is shown).
        std::string& body = paras[para].body;
        if (ns_.is(c, "t")) {
          for (pugi::xml_node t : c.children()) {
            if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) append_clean(body, t.value());
          }
        } else if (ns_.is(c, "tab") || ns_.is(c, "ptab")) {
          body += '\t';
        } else if (ns_.is(c, "br") || ns_.is(c, "cr")) {
          body += ' ';  // a line break inside a paragraph: the paragraph stays one line
        } else if (ns_.is(c, "noBreakHyphen")) {
          body += '-';
        }
        // Not read: w:sym, w:softHyphen, w:delText, w:instrText, note and comment references.
      }
    }
  }

  // Complex fields (w:fldChar begin, separate, end) nest; their instructions are not shown.
  void field(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(false);
      ++instructions_;
    } else if (type == "separate") {
      if (!fields_.empty() && !fields_.back()) {
        fields_.back() = true;
        --instructions_;
      }
    } else if (type == "end" && !fields_.empty()) {
      if (!fields_.back()) --instructions_;
      fields_.pop_back();
    }
  }

  // The text boxes (w:txbxContent) in a drawing, VML picture or object, in document order; a text
  // box inside a text box is reached when its own paragraphs are walked.
  void text_boxes(pugi::xml_node object, int depth) {
    if (!deeper(depth)) return;
    std::vector<pugi::xml_node> stack{object};
    while (!stack.empty()) {
      const pugi::xml_node n = stack.back();
      stack.pop_back();
      if (ns_.is(n, "txbxContent")) {
        blocks(n, depth + 1, nullptr);
        continue;
      }
      if (ns_.is_mc(n, "AlternateContent")) {
        if (pugi::xml_node b = ns_.branch(n)) stack.push_back(b);
        continue;
      }
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
        if (c.type() == pugi::node_element) stack.push_back(c);
      }
    }
  }

  // The rows of a table or the cells of a row, also when wrapped in a content control.
  void collect(pugi::xml_node parent, std::string_view local, std::vector<pugi::xml_node>& out, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node c : parent.children()) {
      if (ns_.is(c, local)) out.push_back(c);
      else if (ns_.is(c, "sdt")) collect(ns_.child(c, "sdtContent"), local, out, depth + 1);
      else if (ns_.is(c, "customXml")) collect(c, local, out, depth + 1);
      else if (ns_.is_mc(c, "AlternateContent")) collect(ns_.branch(c), local, out, depth + 1);
    }
  }

  // Whether a table holds another table (outside text boxes).
  bool holds_table(pugi::xml_node tbl) const {
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node c : tbl.children()) stack.push_back(c);
    while (!stack.empty()) {
      const pugi::xml_node n = stack.back();
      stack.pop_back();
      if (ns_.is(n, "tbl")) return true;
      if (ns_.is(n, "txbxContent")) continue;
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) stack.push_back(c);
      }
    }
    return false;
  }

  static uint32_t count(std::string_view v, uint32_t fallback) {
    const auto n = to_int(v);
    return n ? static_cast<uint32_t>(std::clamp<int64_t>(*n, 0, 1000)) : fallback;
  }

  void table(pugi::xml_node tbl, int depth) {
    if (!deeper(depth)) return;
    const uint32_t index = ++tables_;  // every table counts, layout ones too, in document order
    std::vector<pugi::xml_node> rows;
    collect(tbl, "tr", rows, depth + 1);
    std::vector<std::vector<pugi::xml_node>> cells(rows.size());
    bool several_columns = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      collect(rows[r], "tc", cells[r], depth + 1);
      several_columns = several_columns || cells[r].size() > 1;
    }
    // A one-column table is a frame around text, and a table holding a table is page layout:
    // their paragraphs are ordinary lines (an inner table is still a table).
    if (!several_columns || holds_table(tbl)) {
      for (const auto& row : cells) {
        for (pugi::xml_node tc : row) blocks(tc, depth + 1, nullptr);
      }
      return;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      uint32_t column = 1 + count(ns_.val(ns_.child(ns_.child(rows[r], "trPr"), "gridBefore")), 0);
      const size_t at = items.size();
      items.emplace_back();  // the row's line, before the lines of text boxes in its cells
      std::vector<Cell> row;
      for (pugi::xml_node tc : cells[r]) {
        const pugi::xml_node pr = ns_.child(tc, "tcPr");
        const uint32_t span = std::max<uint32_t>(1, count(ns_.val(ns_.child(pr, "gridSpan")), 1));
        // A merged cell is written once, where it starts: w:vMerge without val="restart" (and the
        // legacy w:hMerge) continues the cell above (or to the left).
        const pugi::xml_node vmerge = ns_.child(pr, "vMerge"), hmerge = ns_.child(pr, "hMerge");
        const bool continues = (vmerge && ns_.val(vmerge) != "restart") || (hmerge && ns_.val(hmerge) != "restart");
        Cell cell;
        cell.grid = GridRef{index, static_cast<uint32_t>(r + 1), column};
        blocks(tc, depth + 1, &cell);
        // A cell without a paragraph (not valid, but seen) is located at the paragraph before it.
        cell.first = cell.paras.empty() ? std::max<uint32_t>(1, static_cast<uint32_t>(paras.size())) : cell.paras.front();
        if (!continues) row.push_back(std::move(cell));
        column = std::min<uint32_t>(column + span, 1'000'000);
      }
      items[at].row = std::move(row);
    }
  }

  const Ns& ns_;
  Numbering& numbering_;
  std::vector<bool> fields_;  // open complex fields: true once past `separate`
  int instructions_ = 0;      // how many of them are still in their instructions
  uint32_t tables_ = 0;
  size_t label_bytes_ = 0;
};

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); utf8_next(s, i)) ++n;
  return n;
}

// The paragraph's line in the text: its display text, except that the tab after a number becomes a
// space (a tab separates cells, and "一、<tab>总体情况" is a heading, not a row), and in a table
// cell every tab does, and a bar becomes the full-width ｜ (a "|" would split the cell). Each is
// still one character, so columns stay those of the display text.
std::string text_line(const Para& p, bool in_cell) {
  std::string s = p.label + (p.suffix == "\t" ? " " : p.suffix) + p.body;
  if (!in_cell) return s;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\t') out += ' ';
    else if (c == '|') out += "\xEF\xBD\x9C";
    else out += c;
  }
  return out;
}

void render(const Walker& w, Extracted& out) {
  out.display_lines.reserve(w.paras.size());
  for (const Para& p : w.paras) out.display_lines.push_back(p.label + p.suffix + p.body);
  TextBuilder tb(out);
  for (const Item& item : w.items) {
    if (item.para != 0) {
      tb.copy(text_line(w.paras[item.para - 1], false), item.para, 1);
      tb.end_line();
      continue;
    }
    for (size_t k = 0; k < item.row.size(); ++k) {
      const Cell& cell = item.row[k];
      if (k > 0) tb.insert(" ", cell.first, 1, cell.grid);
      uint32_t previous = 0;
      size_t previous_columns = 0;
      for (uint32_t n : cell.paras) {
        const std::string s = text_line(w.paras[n - 1], true);
        if (s.empty()) continue;
        // The space joining a cell's paragraphs is at the end of the first of them.
        if (previous != 0) tb.insert(" ", previous, static_cast<uint32_t>(previous_columns + 1), cell.grid);
        tb.copy(s, n, 1, cell.grid);
        previous = n;
        previous_columns = code_points(s);
      }
      tb.insert(" |", cell.first, 1, cell.grid);
    }
    tb.end_line();
  }
}

// Reads a side part (styles, numbering) if it is there and well formed; a missing or broken one
// only leaves the numbering out. Returns a problem only for a part too large to read.
std::optional<InputProblem> read_side(zip_t* za, const std::string& name, std::string_view root_name,
                                      Numbering& numbering) {
  std::string data, why;
  const Read r = read_part(za, name, kMaxSideBytes, data, why);
  if (r == Read::too_large) {
    return problem("文件太大，无法检查：" + name + " 解压后超过 " + mib(kMaxSideBytes) + " 上限",
                   "the file is too large to check: " + name + " inflates to more than the " + mib(kMaxSideBytes) +
                       " limit");
  }
  if (r != Read::ok) return std::nullopt;
  pugi::xml_document doc;
  if (!doc.load_buffer(data.data(), data.size(), kParseOptions)) return std::nullopt;
  const pugi::xml_node root = doc.document_element();
  const Ns ns = Ns::of(root);
  if (!ns.is(root, root_name)) return std::nullopt;
  if (root_name == "styles") numbering.load_styles(root, ns);
  else numbering.load_numbering(root, ns);
  return std::nullopt;
}

}  // namespace

Extracted extract_docx(std::string_view bytes) {
  Extracted out;
  auto fail = [&out](InputProblem p) {
    out = Extracted{};
    out.problem = std::move(p);
    return out;
  };

  const Zip zip = open_zip(bytes);
  if (!zip || bytes.empty()) {  // libzip takes no bytes at all for an empty archive
    return fail(problem("不是有效的 .docx 文件（不是 zip 压缩包，或已损坏/被截断）",
                        "not a valid .docx file (not a zip archive, or damaged/truncated)"));
  }
  zip_t* za = zip.get();
  const zip_int64_t entries = zip_get_num_entries(za, 0);
  if (entries > kMaxEntries) {
    return fail(problem("文件太大，无法检查：压缩包中有 " + std::to_string(entries) + " 个条目，超过 " +
                            std::to_string(kMaxEntries) + " 个的上限",
                        "the file is too large to check: the archive has " + std::to_string(entries) +
                            " entries, more than the limit of " + std::to_string(kMaxEntries)));
  }
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE) {
      const std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?";
      return fail(problem("文件受密码保护（压缩包条目 " + name + " 已加密），无法检查；请取消密码后另存为 .docx 再检查",
                          "the file is password-protected (archive entry " + name +
                              " is encrypted) and cannot be checked; remove the password, save it as .docx "
                              "and check again"));
    }
  }

  // The main part is named by the package's relationships; Word always calls it word/document.xml.
  std::string main = relationship(za, "_rels/.rels", "officeDocument", "");
  if (main.empty() || !has_entry(za, main)) main = "word/document.xml";
  std::string data, why;
  switch (read_part(za, main, kMaxDocumentBytes, data, why)) {
    case Read::ok: break;
    case Read::missing: {
      std::string zh = "是 zip 压缩包，但不是 Word 文档（没有 word/document.xml）";
      std::string en = "a zip archive, but not a Word document (it has no word/document.xml)";
      if (has_entry(za, "content.xml")) {
        zh += "；它像是 OpenDocument 文本（.odt），请用 WPS、Word 或 LibreOffice 另存为 .docx 后再检查";
        en += "; it looks like an OpenDocument text (.odt): save it as .docx in WPS, Word or LibreOffice and check again";
      } else if (has_entry(za, "xl/workbook.xml")) {
        zh += "；它是 Excel 工作簿（.xlsx）";
        en += "; it is an Excel workbook (.xlsx)";
      } else if (has_entry(za, "ppt/presentation.xml")) {
        zh += "；它是 PowerPoint 演示文稿（.pptx）";
        en += "; it is a PowerPoint presentation (.pptx)";
      }
      return fail(problem(std::move(zh), std::move(en)));
    }
    case Read::encrypted:
      return fail(problem("文件受密码保护（" + main + " 已加密），无法检查；请取消密码后另存为 .docx 再检查",
                          "the file is password-protected (" + main +
                              " is encrypted) and cannot be checked; remove the password, save it as .docx and "
                              "check again"));
    case Read::too_large:
      return fail(problem("文件太大，无法检查：" + main + " 解压后超过 " + mib(kMaxDocumentBytes) + " 上限",
                          "the file is too large to check: " + main + " inflates to more than the " +
                              mib(kMaxDocumentBytes) + " limit"));
    case Read::damaged:
      return fail(problem("不是有效的 .docx 文件（已损坏）：读取 " + main + " 出错（" + why + "）",
                          "not a valid .docx file (damaged): reading " + main + " failed (" + why + ")"));
  }
  pugi::xml_document doc;
  if (auto p = parse_xml(doc, data, main)) return fail(std::move(*p));
  data = std::string();  // the parsed tree has its own copy
  const pugi::xml_node root = doc.document_element();
  const Ns ns = Ns::of(root);
  if (!ns.is(root, "document")) {
    return fail(problem(main + " 不是 Word 文档的正文（根元素是 " + std::string(root.name()) + "）",
                        main + " is not a Word document body (its root element is " + std::string(root.name()) + ")"));
  }

  // Styles before numbering: a list may link to a numbering style.
  const std::string base = main.substr(0, main.rfind('/') + 1);
  const std::string rels = base + "_rels/" + main.substr(base.size()) + ".rels";
  Numbering numbering;
  for (const auto& [type, fallback] : {std::pair<std::string_view, std::string_view>{"styles", "styles.xml"},
                                       {"numbering", "numbering.xml"}}) {
    std::string part = relationship(za, rels, type, base);
    if (part.empty() || !has_entry(za, part)) part = base + std::string(fallback);
    if (auto p = read_side(za, part, type, numbering)) return fail(std::move(*p));
  }
  numbering.finish();

  Walker walker(ns, numbering);
  walker.blocks(ns.child(root, "body"), 0, nullptr);
  if (walker.too_deep) {
    return fail(problem("无法检查：" + main + " 中表格、文本框或内容控件嵌套超过 " + std::to_string(kMaxDepth) + " 层",
                        "cannot check: tables, text boxes or content controls in " + main + " nest more than " +
                            std::to_string(kMaxDepth) + " levels deep"));
  }
  if (walker.too_many) {
    return fail(problem("文件太大，无法检查：" + main + " 中段落超过 " + std::to_string(kMaxParagraphs) +
                            " 个，或编号文字超过 " + mib(kMaxLabelBytes),
                        "the file is too large to check: " + main + " has more than " + std::to_string(kMaxParagraphs) +
                            " paragraphs, or more than " + mib(kMaxLabelBytes) + " of numbering labels"));
  }
  render(walker, out);
  return out;
}

}  // namespace gklint
