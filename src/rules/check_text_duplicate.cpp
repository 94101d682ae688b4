// Rule kind text-duplicate: text written twice by a slip of the editor: a phrase doubled in place
// (政府信息政府信息公开), and a sentence or passage pasted twice, the copy right after the original.
// Precision first: only phrases of at least `phrase_min` characters are doubled words (a doubled
// character is reduplication, 层层; two characters are often two words meeting, 人民政府|政府信息),
// less those `allow` lists (研究研究); only passages of at least `sentence_min` ideographs made of
// sentences that end with sentence punctuation count (not headings, titles or table rows), in the
// report's body, outside its tables. A sentence repeated further on may be said twice on purpose
// (a report restates a fact in two sections) and is not reported.
#include <algorithm>
#include <map>
#include <set>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

bool han(char32_t c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }

class TextDuplicate : public Check {
 public:
  TextDuplicate(size_t phrase_min, size_t phrase_max, size_t sentence_min, std::set<std::string> allow)
      : phrase_min_(phrase_min), phrase_max_(phrase_max), sentence_min_(sentence_min), allow_(std::move(allow)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view text = ctx.view.text();
    const Span body = ctx.report.facts.body;
    const size_t from = ctx.view.view_offset(body.begin), to = ctx.view.view_offset(body.end);
    if (from >= to) return;
    // The tables' view ranges: their rows repeat labels and numbers by design.
    std::vector<std::pair<size_t, size_t>> tables;
    for (const Table& t : ctx.report.tables)
      tables.emplace_back(ctx.view.view_offset(t.span.begin), ctx.view.view_offset(t.span.end));
    const auto in_table = [&](size_t b, size_t e) {
      return std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return b < t.second && e > t.first; });
    };
    phrases(rule, ctx, text, from, to, in_table, out);
    sentences(rule, ctx, text, from, to, in_table, out);
  }

 private:
  template <typename InTable>
  void phrases(const Rule& rule, const CheckContext& ctx, std::string_view text, size_t from, size_t to,
               const InTable& in_table, std::vector<Diagnostic>& out) const {
    // The body's runs of ideographs, decoded once: a phrase doubles inside a run. A doubling of
    // length L at i needs cps[i] == cps[i + L] first, so most positions cost a few comparisons.
    std::vector<char32_t> cps;
    std::vector<size_t> at;  // offset of each code point of the run, then the run's end
    const auto scan_run = [&] {
      const size_t n = cps.size();
      for (size_t i = 0; i + 2 * phrase_min_ <= n;) {
        size_t len = std::min(phrase_max_, (n - i) / 2);
        for (; len >= phrase_min_; --len) {
          if (cps[i] != cps[i + len] || !std::equal(cps.begin() + static_cast<std::ptrdiff_t>(i),
                                                    cps.begin() + static_cast<std::ptrdiff_t>(i + len),
                                                    cps.begin() + static_cast<std::ptrdiff_t>(i + len)))
            continue;
          const std::string doubled(text.substr(at[i], at[i + 2 * len] - at[i]));
          if (!allow_.count(doubled) && !in_table(at[i], at[i + 2 * len])) break;
        }
        if (len < phrase_min_) {
          ++i;
          continue;
        }
        const Span span = ctx.view.source_span(static_cast<uint32_t>(at[i]), static_cast<uint32_t>(at[i + 2 * len]));
        Diagnostic d = make_diagnostic(rule, ctx, "text-duplicate", "phrase", span,
                                       {{"text", std::string(span_text(ctx.source, span))}});
        d.fields = {{"problem", "phrase"}};
        out.push_back(std::move(d));
        i += 2 * len;
      }
      cps.clear();
      at.clear();
    };
    for (size_t i = from; i < to;) {
      const size_t begin = i;
      const char32_t c = utf8_next_valid(text, i);
      if (han(c)) {
        cps.push_back(c);
        at.push_back(begin);
        continue;
      }
      if (!cps.empty()) {
        at.push_back(begin);
        scan_run();
      }
    }
    if (!cps.empty()) {
      at.push_back(to);
      scan_run();
    }
  }

  template <typename InTable>
  void sentences(const Rule& rule, const CheckContext& ctx, std::string_view text, size_t from, size_t to,
                 const InTable& in_table, std::vector<Diagnostic>& out) const {
    // The body's sentences in order: view offsets, the end after their punctuation. A line that
    // does not end with sentence punctuation (a heading, a title, a table row) breaks the sequence.
    struct Sentence {
      size_t begin = 0, end = 0, hans = 0;
      bool barrier = false;
    };
    std::vector<Sentence> list;
    size_t start = from, sentence_hans = 0;
    // Bytes, not code points: the ends are ASCII or 。 (E3 80 82), and an ideograph of U+3400 to
    // U+9FFF is a lead byte E4..E9, or E3 followed by 90..BF (the hot loop of the check).
    for (size_t i = from; i < to; ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      bool ends = b == '!' || b == '?' || b == ';';
      if (b >= 0xE3 && b <= 0xE9 && i + 2 < to) {
        const auto b1 = static_cast<unsigned char>(text[i + 1]);
        if (b > 0xE3 || b1 >= 0x90) ++sentence_hans;
        ends = b == 0xE3 && b1 == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x82;
        i += 2;
      }
      if (!ends && b != '\n') continue;
      Sentence s;
      s.begin = start;
      while (s.begin < i && text[s.begin] == ' ') ++s.begin;  // blanks before it are not part of it
      s.end = ends ? i + 1 : i;
      s.hans = sentence_hans;
      start = i + 1;
      sentence_hans = 0;
      s.barrier = !ends || s.hans == 0 || in_table(s.begin, s.end);
      if (s.barrier && !list.empty() && list.back().barrier) continue;
      list.push_back(s);
    }
    const auto same = [&](const Sentence& a, const Sentence& b) {
      return !a.barrier && !b.barrier && text.substr(a.begin, a.end - a.begin) == text.substr(b.begin, b.end - b.begin);
    };
    // A passage of 1 to kMaxSentences sentences written again right after itself ("A。B。A。B。"):
    // one finding on the second copy, the first in `related`.
    for (size_t i = 1; i < list.size();) {
      size_t found = 0;
      for (size_t n = 1; n <= kMaxSentences && n <= i && i + n <= list.size() && !found; ++n) {
        size_t hans = 0;
        bool all = true;
        for (size_t k = 0; k < n && all; ++k) {
          all = same(list[i - n + k], list[i + k]);
          hans += list[i + k].hans;
        }
        if (all && hans >= sentence_min_) found = n;
      }
      if (!found) {
        ++i;
        continue;
      }
      const Span span =
          ctx.view.source_span(static_cast<uint32_t>(list[i].begin), static_cast<uint32_t>(list[i + found - 1].end));
      const Span earlier =
          ctx.view.source_span(static_cast<uint32_t>(list[i - found].begin), static_cast<uint32_t>(list[i - 1].end));
      const Position p = ctx.source.position(earlier.begin);
      // The message quotes its beginning; the span covers all of it.
      std::string shown(span_text(ctx.source, span));
      size_t cut = 0, points = 0;
      while (cut < shown.size() && points < kQuoted) {
        utf8_next_valid(shown, cut);
        ++points;
      }
      if (cut < shown.size()) shown = shown.substr(0, cut) + "…";
      Diagnostic d = make_diagnostic(rule, ctx, "text-duplicate", "sentence", span,
                                     {{"text", shown},
                                      {"count", std::to_string(found)},
                                      {"line", std::to_string(p.line)},
                                      {"column", std::to_string(p.column)}});
      d.fields = {{"problem", "sentence"}, {"count", std::to_string(found)}};
      d.related.push_back({earlier, "first", std::string(span_text(ctx.source, earlier))});
      out.push_back(std::move(d));
      i += found;
    }
  }

  static constexpr size_t kQuoted = 30;       // code points of a repeated passage quoted in the message
  static constexpr size_t kMaxSentences = 8;  // the longest passage looked for, in sentences
  size_t phrase_min_, phrase_max_, sentence_min_;
  std::set<std::string> allow_;  // normalized doubled forms that are words: 研究研究
};

size_t count_param(const YAML::Node& params, const char* key, size_t fallback, size_t low, size_t high,
                   const ParamError& error, bool* ok) {
  const YAML::Node n = params[key];
  if (!n) return fallback;
  size_t v = 0;
  try {
    v = n.as<size_t>();
  } catch (const YAML::Exception&) {
    v = 0;
  }
  if (v < low || v > high) {
    error(n, std::string(key) + " 应为 " + std::to_string(low) + " 到 " + std::to_string(high) + " 之间的整数 (" + key +
                 " is a whole number from " + std::to_string(low) + " to " + std::to_string(high) + ")");
    *ok = false;
  }
  return v;
}

}  // namespace

void register_text_duplicate_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(
      RuleKind{"text-duplicate",
               {"text-duplicate"},
               {"phrase", "sentence"},
               {"phrase_min", "phrase_max", "sentence_min", "allow"},
               [](const YAML::Node& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 bool ok = true;
                 const size_t phrase_min = count_param(params, "phrase_min", 2, 1, 20, error, &ok);
                 const size_t phrase_max = count_param(params, "phrase_max", 8, 1, 50, error, &ok);
                 const size_t sentence_min = count_param(params, "sentence_min", 15, 4, 1000, error, &ok);
                 if (ok && phrase_max < phrase_min) {
                   error(params, "phrase_max 不能小于 phrase_min (phrase_max is less than phrase_min)");
                   ok = false;
                 }
                 std::set<std::string> allow;
                 if (const YAML::Node a = params["allow"]) {
                   if (!a.IsSequence()) {
                     error(a, "allow 应为词语列表 (allow lists words)");
                     ok = false;
                   } else {
                     for (const YAML::Node& w : a) {
                       if (w.IsScalar()) allow.insert(normalize_label(w.Scalar()));
                     }
                   }
                 }
                 if (!ok) return nullptr;
                 return std::make_shared<TextDuplicate>(phrase_min, phrase_max, sentence_min, std::move(allow));
               }});
  kinds.back().placeholders = {{"phrase", {"text"}}, {"sentence", {"text", "count", "line", "column"}}};
  kinds.back().finds =
      "a phrase doubled in place (政府信息政府信息), a sentence or passage repeated in the body, outside tables";
  kinds.back().param_docs = {{"phrase_min",
                              "the shortest phrase, in ideographs, whose doubling is reported (default 2: one doubled "
                              "character is reduplication)"},
                             {"phrase_max", "the longest phrase looked for (default 8)"},
                             {"sentence_min", "the fewest ideographs a repeated sentence has (default 15)"},
                             {"allow", "doubled forms that are words (研究研究)"}};
}

}  // namespace gklint
