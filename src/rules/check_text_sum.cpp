// Rule kind text-sum: a total stated in the prose and the parts listed with it
// (主动公开政府信息475条……其中公示公告类159条，政策文件类12条……) that do not add up to it.
//
// Precision first. The parts are read only when the list is plain: after an introducer (其中,
// 包括 …), segments cut at 、，； each holding exactly one figure in Arabic digits followed by the
// same unit (a segment that only gives the previous part's share, 占1.53%, is passed over), up to
// the sentence's end or the first segment without a figure; a segment with two figures, an approximate or a range, or a
// word of change (同比, 新增 …) drops the list. The total is the nearest figure of that unit before the introducer, in
// the same paragraph and within `max_back` characters, passing over figures said to be cumulative or a change (累计,
// 增长 …). A sum above the total is always a contradiction. A sum below it is one only when the list says it is whole:
// a part is the rest (其他, 其余 …), or the sentence before the list names exactly as many categories
// (类别主要涉及A、B、C。其中A…B…C…); otherwise a 其中 list may be a selection. Error when the total is in the list's
// own sentence and nothing was passed over; else warning.
#include <algorithm>
#include <cmath>

#include "gklint/numbers.hpp"
#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool contains_any(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != text.npos; });
}

// A figure in Arabic digits and the unit right after it, in view offsets.
struct Figure {
  size_t begin = 0, end = 0;  // the digits (with 余, %, a range …)
  size_t unit_end = 0;        // after the unit
  ProseNumber number;
  std::string unit;
};

// Marks that cut a list into segments, and marks that end its sentence (the view has ， ； ！ ？ as
// ASCII). `_at`: the mark starting at t[i]; `_before`: a mark ending just before t[c].
bool separator_at(std::string_view t, size_t i) { return t[i] == ',' || t[i] == ';' || t.substr(i, 3) == "、"; }
bool sentence_end_at(std::string_view t, size_t i) {
  return t[i] == '\n' || t[i] == '!' || t[i] == '?' || t.substr(i, 3) == "。";
}
bool separator_before(std::string_view t, size_t c) {
  return c > 0 && (t[c - 1] == ',' || t[c - 1] == ';' || (c >= 3 && t.substr(c - 3, 3) == "、"));
}
bool sentence_end_before(std::string_view t, size_t c) {
  return c > 0 && (t[c - 1] == '\n' || t[c - 1] == '!' || t[c - 1] == '?' || (c >= 3 && t.substr(c - 3, 3) == "。"));
}
size_t mark_length(std::string_view t, size_t i) { return static_cast<unsigned char>(t[i]) < 0x80 ? 1 : 3; }

// One part of a list: where its segment starts, and its figure.
struct Part {
  size_t label = 0;
  Figure figure;
};

class TextSum : public Check {
 public:
  struct Params {
    std::vector<std::string> introducers, units, not_totals, not_parts, rest;
    size_t min_parts = 2, max_back = 120, max_list = 400;
  };
  explicit TextSum(Params p) : p_(std::move(p)) {
    // Longest unit first: 人次 before 人.
    std::sort(p_.units.begin(), p_.units.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
  }

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view t = ctx.view.text();
    const Prose prose = prose_of(ctx);
    std::vector<size_t> seen;  // introducers already read, so 其中 inside 其中…包括 is read once
    for (const std::string& word : p_.introducers) {
      for (size_t at = t.find(word, prose.from); at != t.npos && at < prose.to; at = t.find(word, at + word.size())) {
        if (prose.in_gap(at, at + word.size())) continue;
        check_list(rule, ctx, prose, at, at + word.size(), out);
      }
    }
  }

 private:
  // The unit at t[i], from the rule's list, or "".
  std::string_view unit_at(std::string_view t, size_t i) const {
    for (const std::string& u : p_.units) {
      if (t.substr(i, u.size()) == u) return u;
    }
    return {};
  }

  // Figures in Arabic digits in [b, e), each with its unit (empty when none follows).
  std::vector<Figure> figures(std::string_view t, size_t b, size_t e) const {
    std::vector<Figure> list;
    for (size_t i = b; i < e;) {
      if (!is_digit(t[i]) || (i > b && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ','))) {
        ++i;
        continue;
      }
      Figure f;
      if (!read_number(t.substr(0, e), i, &f.number)) {
        ++i;
        continue;
      }
      f.begin = i;
      f.end = i + f.number.length;
      f.unit = std::string(unit_at(t, f.end));
      f.unit_end = f.end + f.unit.size();
      list.push_back(f);
      i = f.end;
    }
    return list;
  }

  void check_list(const Rule& rule, const CheckContext& ctx, const Prose& prose, size_t intro, size_t after,
                  std::vector<Diagnostic>& out) const {
    const std::string_view t = ctx.view.text();
    // The parts: segments after the introducer, each with one figure and the unit.
    std::vector<Part> parts;
    size_t seg = after;
    if (seg < t.size() && (t[seg] == ':' || t[seg] == ',')) ++seg;  // 其中：… 其中，…
    const size_t limit = std::min(prose.to, after + p_.max_list);
    while (seg < limit) {
      size_t e = seg;
      while (e < limit && !separator_at(t, e) && !sentence_end_at(t, e))
        e += static_cast<size_t>(std::max(1, utf8_sequence_length(t, e)));
      if (prose.in_gap(seg, e)) return;
      const std::vector<Figure> fs = figures(t, seg, e);
      if (fs.empty()) break;  // the list ended
      const Figure& f = fs.front();
      const bool share = fs.size() == 1 && f.number.percent && !parts.empty() &&
                         t.substr(seg, f.begin - seg).find("占") != std::string_view::npos;
      if (share) {  // 概况类239条,占1.53%: the previous part's share, not a part
        if (e >= limit || sentence_end_at(t, e)) break;
        seg = e + mark_length(t, e);
        continue;
      }
      if (fs.size() > 1 || f.unit.empty() || !f.number.exact() || f.number.percent ||
          contains_any(t.substr(seg, f.begin - seg), p_.not_parts))
        return;  // not a plain part
      parts.push_back({seg, f});
      if (e >= limit || sentence_end_at(t, e)) break;
      seg = e + mark_length(t, e);
    }
    if (parts.size() < p_.min_parts) return;
    const std::string& unit = parts.front().figure.unit;
    if (!std::all_of(parts.begin(), parts.end(), [&](const Part& x) { return x.figure.unit == unit; })) return;

    // The total: the nearest figure of the unit before the introducer, in its paragraph.
    size_t back = intro;
    for (size_t n = 0; back > prose.from && n < p_.max_back; ++n) {
      size_t prev = back - 1;
      while (prev > prose.from && (static_cast<unsigned char>(t[prev]) & 0xC0) == 0x80) --prev;
      if (t[prev] == '\n' || prose.in_gap(prev, back)) break;
      back = prev;
    }
    const std::vector<Figure> before = figures(t, back, intro);
    const Figure* total = nullptr;
    bool passed_over = false;
    for (auto it = before.rbegin(); it != before.rend(); ++it) {
      if (it->unit != unit) continue;
      // The clause the figure is said in: from the punctuation before it.
      size_t clause = it->begin;
      while (clause > back && !separator_before(t, clause) && !sentence_end_before(t, clause)) --clause;
      if (contains_any(t.substr(clause, it->begin - clause), p_.not_totals)) {
        passed_over = true;
        continue;
      }
      total = &*it;
      break;
    }
    if (!total || !total->number.exact() || total->number.percent) return;
    bool same_sentence = true;
    for (size_t i = total->unit_end; i < intro; ++i) {
      if (sentence_end_at(t, i)) same_sentence = false;
    }

    int decimals = total->number.decimals;
    for (const Part& x : parts) decimals = std::max(decimals, x.figure.number.decimals);
    double sum = 0;
    for (const Part& x : parts) sum += x.figure.number.value;
    const double tolerance = 0.5 * std::pow(10.0, -decimals);
    const double stated = total->number.value;
    if (std::fabs(sum - stated) < tolerance) return;
    if (sum < stated && !whole(t, parts, prose, intro, same_sentence)) return;

    const bool certain = same_sentence && !passed_over;
    const Span span = ctx.view.source_span(static_cast<uint32_t>(total->begin), static_cast<uint32_t>(total->unit_end));
    std::string terms;
    for (const Part& x : parts) {
      if (!terms.empty()) terms += " + ";
      terms += std::string(t.substr(x.figure.begin, x.figure.end - x.figure.begin));
    }
    const std::string sum_text = format_number(sum, decimals);
    Diagnostic d = make_diagnostic(rule, ctx, "text-sum", certain ? "default" : "earlier", span,
                                   {{"total", std::string(t.substr(total->begin, total->end - total->begin))},
                                    {"unit", unit},
                                    {"sum", sum_text},
                                    {"parts", terms},
                                    {"text", std::string(span_text(ctx.source, span))}});
    if (!certain && d.severity == Severity::error) d.severity = Severity::warning;
    d.expected = Number{sum, decimals};
    d.actual = Number{stated, total->number.decimals};
    for (const Part& x : parts) {
      Related r;
      r.span = ctx.view.source_span(static_cast<uint32_t>(x.figure.begin), static_cast<uint32_t>(x.figure.unit_end));
      const Span label = ctx.view.source_span(static_cast<uint32_t>(x.label), static_cast<uint32_t>(x.figure.begin));
      r.label = std::string(span_text(ctx.source, label));
      r.value = std::string(t.substr(x.figure.begin, x.figure.end - x.figure.begin));
      d.related.push_back(std::move(r));
    }
    d.fields = {{"unit", unit}};
    out.push_back(std::move(d));
  }

  // Does the list say it is whole? A part that is the rest (其他), or the sentence just before the
  // introducer naming as many categories as there are parts (A、B、C).
  bool whole(std::string_view t, const std::vector<Part>& parts, const Prose& prose, size_t intro,
             bool same_sentence) const {
    for (const Part& x : parts) {
      if (contains_any(t.substr(x.label, x.figure.begin - x.label), p_.rest)) return true;
    }
    if (same_sentence || !sentence_end_before(t, intro) || t[intro - 1] == '\n') return false;
    size_t b = intro - (static_cast<unsigned char>(t[intro - 1]) < 0x80 ? 1 : 3), commas = 0;  // the sentence before
    while (b > prose.from && !sentence_end_before(t, b)) {
      --b;
      if (t.substr(b, 3) == "、") ++commas;
    }
    return commas > 0 && commas + 1 == parts.size();
  }

  static std::string format_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
  }

  Params p_;
};

}  // namespace

void register_text_sum_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"text-sum",
               {"text-sum"},
               {"default", "earlier"},
               {"introducers", "units", "not_totals", "not_parts", "rest", "min_parts", "max_back"},
               [](const YAML::Node& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextSum::Params p;
                 const auto words = [&](const char* key, std::vector<std::string>& into, bool required) {
                   const YAML::Node n = params[key];
                   if (!n && !required) return true;
                   if (!n || !n.IsSequence() || (required && n.size() == 0)) {
                     error(n ? n : params, std::string("params.") + key + " 应为词语列表 (a list of words)");
                     return false;
                   }
                   for (const YAML::Node& w : n) {
                     if (!w.IsScalar() || w.Scalar().empty()) {
                       error(w, "应为非空词语 (a non-empty word)");
                       return false;
                     }
                     into.push_back(w.Scalar());
                   }
                   return true;
                 };
                 if (!words("introducers", p.introducers, true) || !words("units", p.units, true) ||
                     !words("not_totals", p.not_totals, false) || !words("not_parts", p.not_parts, false) ||
                     !words("rest", p.rest, false))
                   return nullptr;
                 for (const char* key : {"min_parts", "max_back"}) {
                   const YAML::Node n = params[key];
                   if (!n) continue;
                   int v = 0;
                   if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < (key[1] == 'i' ? 2 : 1) || v > 1000) {
                     error(n, std::string("params.") + key +
                                  (key[1] == 'i' ? " 应为 2 到 1000 的整数 (an integer, 2 to 1000)"
                                                 : " 应为 1 到 1000 的整数 (an integer, 1 to 1000)"));
                     return nullptr;
                   }
                   (key[1] == 'i' ? p.min_parts : p.max_back) = static_cast<size_t>(v);
                 }
                 return std::make_shared<TextSum>(std::move(p));
               }});
  kinds.back().placeholders = {{"default", {"total", "unit", "sum", "parts", "text"}},
                               {"earlier", {"total", "unit", "sum", "parts", "text"}}};
  kinds.back().finds = "a total stated in the prose that the parts listed with it do not add up to";
  kinds.back().param_docs = {
      {"introducers", "words that start a list of parts: 其中, 包括"},
      {"units", "measure words a figure is counted in (条, 件 …); parts and total share one"},
      {"not_totals", "words that make a figure before the list not its total: 累计, 同比, 增长 …"},
      {"not_parts", "words that make a list not plain parts: 同比, 新增 …"},
      {"rest", "words naming the rest (其他): a list with such a part is whole"},
      {"min_parts", "the fewest parts a list must have (default 2)"},
      {"max_back", "how far before the list, in characters, the total may be (default 120)"}};
}

}  // namespace gklint
