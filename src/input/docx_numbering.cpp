#include "input/docx_numbering.hpp"

#include <algorithm>

#include "gklint/utf8.hpp"

namespace gklint::docx {

namespace {

constexpr size_t kMaxLevelText = 1000;  // Word's own limit is far below this
constexpr int64_t kMaxStart = 1'000'000'000;

std::string roman(int64_t n, bool upper) {
  static constexpr std::pair<int, const char*> kRoman[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
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

constexpr Counting kChinese{
    {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, {"", "十", "百", "千"}, "〇", true, false};
constexpr Counting kChineseThousand{
    {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, {"", "十", "百", "千"}, "零", true, false};
constexpr Counting kJapanese{
    {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, {"", "十", "百", "千"}, "", false, true};
constexpr Counting kLegalSimplified{
    {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}, {"", "拾", "佰", "仟"}, "零", false, false};
constexpr Counting kLegalTraditional{
    {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}, {"", "拾", "佰", "仟"}, "零", false, false};

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
  std::string dec = std::to_string(n);
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
    return std::string(static_cast<size_t>((n - 1) / 26 + 1),
                       static_cast<char>((fmt[0] == 'u' ? 'A' : 'a') + (n - 1) % 26));
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

Level level(pugi::xml_node lvl, const Ns& ns) {
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
std::string bullet(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8_next(s, i);
    utf8_append(out, cp >= 0xF000 && cp <= 0xF0FF ? U'•' : cp);
  }
  return out;
}

}  // namespace

void Numbering::load_styles(pugi::xml_node root, const Ns& ns) {
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

void Numbering::load_numbering(pugi::xml_node root, const Ns& ns) {
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

void Numbering::finish() {
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

std::pair<std::string, std::string> Numbering::next(pugi::xml_node ppr, const Ns& ns) {
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

}  // namespace gklint::docx
