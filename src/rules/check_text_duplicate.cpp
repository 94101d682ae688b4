// Rule kind text-duplicate: text written twice by a slip of the editor: a phrase doubled in place
// (政府信息政府信息公开), and a sentence or passage pasted twice, the copy right after the original.
// Precision first: only phrases of at least `phrase_min` characters are doubled words (a doubled
// character is reduplication, 层层; two characters are often two words meeting, 人民政府|政府信息),
// less those `allow` lists (研究研究); only passages of at least `sentence_min` ideographs made of
// sentences that end with sentence punctuation count (not headings, titles or table rows), in the
// report's body, outside its tables. A sentence repeated further on may be said twice on purpose
// (a report restates a fact in two sections) and is not reported.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// An ideograph of U+3400 to U+4DBF or U+4E00 to U+9FFF at text[i], whole before `to`: E3 90..BF,
// E4 (not E4 B7: U+4DC0 to U+4DFF, the hexagrams) to E9, three bytes each.
bool han_at(std::string_view text, size_t i, size_t to) {
  if (i + 3 > to) return false;
  const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
  return (b0 == 0xE3 && b1 >= 0x90) || (b0 >= 0xE4 && b0 <= 0xE9 && !(b0 == 0xE4 && b1 == 0xB7));
}

class TextDuplicate : public Check {
 public:
  TextDuplicate(size_t phrase_min, size_t phrase_max, size_t sentence_min, std::set<std::string> allow)
      : phrase_min_(phrase_min), phrase_max_(phrase_max), sentence_min_(sentence_min), allow_(std::move(allow)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string_view text = ctx.view.text();
    const Span body = ctx.report.facts.body;
    const size_t from = ctx.view.view_offset(body.begin), to = ctx.view.view_offset(body.end);
    if (from >= to) return;
    // The body less its tables, whose rows repeat labels and numbers by design: nothing in a table
    // is read (a table-heavy report is mostly table bytes).
    std::vector<std::pair<size_t, size_t>> pieces;
    size_t at = from;
    for (const auto& [tb, te] : ctx.prose->tables) {
      if (te <= at) continue;
      if (tb >= to) break;
      if (tb > at) pieces.emplace_back(at, tb);
      at = te;
    }
    if (at < to) pieces.emplace_back(at, to);
    for (const auto& [b, e] : pieces) phrases(rule, ctx, text, b, e, out);
    sentences(rule, ctx, text, from, pieces, out);
  }

 private:
  void phrases(const Rule& rule, const CheckContext& ctx, std::string_view text, size_t from, size_t to,
               std::vector<Diagnostic>& out) const {
    // The runs of ideographs: a phrase doubles inside a run. Every ideograph of U+3400 to
    // U+9FFF is three bytes, so a run is compared as bytes, character k at 3k, without decoding.
    // A doubling of length L at k needs character k equal to character k + L first, so most
    // positions cost a few comparisons of three bytes.
    const auto scan_run = [&](size_t run, size_t n) {
      for (size_t k = 0; k + 2 * phrase_min_ <= n;) {
        const size_t p = run + 3 * k;
        size_t len = std::min(phrase_max_, (n - k) / 2);
        for (; len >= phrase_min_; --len) {
          const size_t bytes = 3 * len;
          const char* a = text.data() + p;
          if (a[0] != a[bytes] || a[1] != a[bytes + 1] || a[2] != a[bytes + 2] || std::memcmp(a, a + bytes, bytes) != 0)
            continue;
          if (!allow_.count(std::string(text.substr(p, 2 * bytes)))) break;
        }
        if (len < phrase_min_) {
          ++k;
          continue;
        }
        const Span span = ctx.view.source_span(static_cast<uint32_t>(p), static_cast<uint32_t>(p + 6 * len));
        Diagnostic d = make_diagnostic(rule, ctx, "text-duplicate", "phrase", span,
                                       {{"text", std::string(span_text(ctx.source, span))}});
        d.fields = {{"problem", "phrase"}};
        out.push_back(std::move(d));
        k += 2 * len;
      }
    };
    for (size_t i = from; i < to;) {
      if (!han_at(text, i, to)) {
        const auto b = static_cast<unsigned char>(text[i]);
        i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        continue;
      }
      size_t e = i + 3;
      while (han_at(text, e, to)) e += 3;
      scan_run(i, (e - i) / 3);
      i = e;
    }
  }

  void sentences(const Rule& rule, const CheckContext& ctx, std::string_view text, size_t body_from,
                 const std::vector<std::pair<size_t, size_t>>& pieces, std::vector<Diagnostic>& out) const {
    // The body's sentences in order: view offsets, the end after their punctuation. A line that
    // does not end with sentence punctuation (a heading, a title) breaks the sequence, and so does
    // a table, with the sentence it cuts.
    struct Sentence {
      size_t begin = 0, end = 0, hans = 0;
      bool barrier = false;
    };
    std::vector<Sentence> list;
    const auto push = [&](const Sentence& s) {
      if (!(s.barrier && !list.empty() && list.back().barrier)) list.push_back(s);
    };
    size_t start = body_from, sentence_hans = 0;
    bool table_cut = false;  // the sentence being read began in the table before it
    for (const auto& [from, to] : pieces) {
      if (from != body_from) {  // a table before this piece
        push({start, from, 0, true});
        const std::string_view before = text.substr(0, from);
        table_cut = !(before.ends_with('\n') || before.ends_with('!') || before.ends_with('?') ||
                      before.ends_with(';') || before.ends_with("。"));
        start = from;
        sentence_hans = 0;
      }
      // Bytes, not code points: the ends are ASCII or 。 (E3 80 82), and an ideograph of U+3400 to
      // U+9FFF is a lead byte E4..E9, or E3 followed by 90..BF (the hot loop of the check).
      for (size_t i = from; i < to; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        bool ends = false;
        if (b >= 0xE4 && b <= 0xE9 && i + 2 < to) {  // an ideograph (most characters): never an end
          ++sentence_hans;
          i += 2;
          continue;
        }
        if (b == 0xE3 && i + 2 < to) {
          const auto b1 = static_cast<unsigned char>(text[i + 1]);
          if (b1 >= 0x90) ++sentence_hans;
          ends = b1 == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x82;
          i += 2;
        } else {
          ends = b == '!' || b == '?' || b == ';';
        }
        if (!ends && b != '\n') continue;
        Sentence s;
        s.begin = start;
        while (s.begin < i && text[s.begin] == ' ') ++s.begin;  // blanks before it are not part of it
        s.end = ends ? i + 1 : i;
        s.hans = sentence_hans;
        start = i + 1;
        sentence_hans = 0;
        s.barrier = !ends || s.hans == 0 || table_cut;
        table_cut = false;
        push(s);
      }
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
      d.related.emplace_back(earlier, "first", std::string(span_text(ctx.source, earlier)));
      out.push_back(std::move(d));
      i += found;
    }
  }

  static constexpr size_t kQuoted = 30;       // code points of a repeated passage quoted in the message
  static constexpr size_t kMaxSentences = 8;  // the longest passage looked for, in sentences
  size_t phrase_min_, phrase_max_, sentence_min_;
  std::set<std::string> allow_;  // normalized doubled forms that are words: 研究研究
};

size_t count_param(const RuleNode& params, const char* key, size_t fallback, size_t low, size_t high,
                   const ParamError& error, bool* ok) {
  const RuleNode n = params[key];
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
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 bool ok = true;
                 const size_t phrase_min = count_param(params, "phrase_min", 2, 1, 20, error, &ok);
                 const size_t phrase_max = count_param(params, "phrase_max", 8, 1, 50, error, &ok);
                 const size_t sentence_min = count_param(params, "sentence_min", 15, 4, 1000, error, &ok);
                 if (ok && phrase_max < phrase_min) {
                   error(params, "phrase_max 不能小于 phrase_min (phrase_max is less than phrase_min)");
                   ok = false;
                 }
                 std::set<std::string> allow;
                 if (const RuleNode a = params["allow"]) {
                   if (!a.IsSequence()) {
                     error(a, "allow 应为词语列表 (allow lists words)");
                     ok = false;
                   } else {
                     for (const RuleNode& w : a) {
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
