// Rule kind text-enumeration: the numbers of a list run inside a paragraph (一是…二是…, 第一，第二，
// （一）…（二）… where the outline reads no heading): a number skipped (一是…三是), a number given twice
// in a row (二是…二是), and a count the sentence before announces that the list does not meet
// (以下三个方面：一是…二是… and no 三是, or a 三是 after 以下两方面：).
//
// Precision first. A marker is a marker only where a list item can start: at a line start, after a
// heading or a table, or after one of its style's `boundary` characters (统一是, 唯一是, 第一时间 are
// words). Reports restart their lists in every paragraph, and a one-line crawled page has all its
// paragraphs on one line, so 一 always opens a list, nested in the list before it (二是…：一是…二是。
// 三是…: 三是 continues either, and neither list's count is judged). A list ends at a heading, a
// table, a line break (unless the next line starts with its next number), a marker of an outer style
// (（二） ends the 一是 list inside （一）), and more than `max_distance` characters after its last item.
// Whatever another reading explains is not reported: a number that continues any open list, a number
// going back (an outer list resumed), a skipped number that is written in another form between (二要,
// 第二), a short count when the next number comes further on, or when fewer than two items were
// numbered.
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "gklint/numerals.hpp"
#include "gklint/regex.hpp"
#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

constexpr const char* kNumeral = "[一二三四五六七八九十]{1,3}";
constexpr size_t kMaxDepth = 2;  // a list, and one list nested in it

struct MarkerStyle {
  std::string id;
  std::string form;            // "{n}是": a marker of number n as written, for the messages
  std::u32string boundary;     // what a marker may follow (normalized), besides a line start, heading or table
  int group = 0, numeral = 0;  // its groups in the combined pattern
};

// 1..99 from a Chinese numeral that is the whole of `s`, or 两; 0 when it is not one.
int numeral_value(std::string_view s) {
  if (s == "两") return 2;
  int v = 0;
  size_t len = 0;
  if (!parse_cn_numeral(s, 0, &v, &len) || len != s.size()) return 0;
  return v;
}

bool cn_digit(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' || c == U'八' ||
         c == U'九' || c == U'十';
}

bool blank_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

class TextEnumeration : public Check {
 public:
  TextEnumeration(std::vector<MarkerStyle> styles, Regex all, size_t max_distance)
      : styles_(std::move(styles)), all_(std::move(all)), max_distance_(max_distance) {
    announce_ = re_group(*all_, "a");
    count_ = re_group(*all_, "n");
    for (const MarkerStyle& s : styles_) {
      for (char32_t c : s.boundary) {
        if (loose_boundary_.find(c) == std::u32string::npos) loose_boundary_.push_back(c);
      }
    }
  }

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    Scan scan(*this, rule, ctx, out);
    scan.run();
  }

 private:
  struct Item {
    int n = 0;
    size_t begin = 0, end = 0;  // view offsets of the marker
    bool said = false;          // reported as skipping or repeating a number
  };
  struct List {
    std::vector<Item> items;
    int announced = 0;                      // the count announced before it, 0: none
    size_t announce_b = 0, announce_e = 0;  // view offsets of the announcing words (from the count)
    bool more_said = false;
    bool ambiguous = false;  // a number continued it and another list alike: its count is not judged
  };
  struct Announce {
    int n = 0;
    size_t begin = 0, end = 0, match_end = 0;
  };

  // One report's reading: the text between the headings and tables (the bounds) once, in order, by
  // one pattern; only a list that ended short, or skipped a number, has the stretch after it read
  // again for the numbers written otherwise (each stretch once, bounded by max_distance or by the
  // next bound).
  class Scan {
   public:
    Scan(const TextEnumeration& kind, const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out)
        : k_(kind),
          rule_(rule),
          ctx_(ctx),
          out_(out),
          t_(ctx.view.text()),
          stacks_(kind.styles_.size()),
          last_at_(kind.styles_.size()) {}

    void run() {
      from_ = ctx_.view.view_offset(ctx_.report.facts.body.begin);
      const size_t to = ctx_.view.view_offset(ctx_.report.facts.body.end);
      if (from_ >= to) return;
      // Headings and tables, as view ranges in order, with a heading's number: each ends every list,
      // and nothing in it is a marker.
      struct Bound {
        size_t begin, end;
        int number;
        bool operator<(const Bound& o) const { return begin < o.begin || (begin == o.begin && end < o.end); }
      };
      std::vector<Bound> bounds;
      for (const Heading& h : ctx_.report.headings)
        bounds.push_back({ctx_.view.view_offset(h.span.begin), ctx_.view.view_offset(h.span.end), h.number});
      for (const Table& tb : ctx_.report.tables)
        bounds.push_back({ctx_.view.view_offset(tb.span.begin), ctx_.view.view_offset(tb.span.end), 0});
      std::sort(bounds.begin(), bounds.end());
      cursor_ = from_;
      after_bound_ = from_;
      size_t next_bound = 0, inside_until = from_;
      // Every heading and table that starts at or before `limit`: lists end, nothing in it is read.
      const auto pass_bounds = [&](size_t limit) {
        for (; next_bound < bounds.size() && bounds[next_bound].begin <= limit; ++next_bound) {
          const auto [hb, he, number] = bounds[next_bound];
          if (he <= inside_until) continue;  // inside one already passed
          advance(std::max(hb, cursor_));
          end_lists();
          // 以下三个方面：一是…二是…（三）… with （三） read as a heading: the list's third item, maybe.
          if (number > 0) stray(hb, number);
          resolve(hb);
          announce_.reset();
          inside_until = he;
          cursor_ = std::max(he, cursor_);
          after_bound_ = he;
        }
      };
      // The text between the bounds, one stretch at a time: the pattern never reads a heading or a table.
      std::vector<re2::StringPiece> g;
      for (size_t at = from_; at < to;) {
        pass_bounds(at);
        at = std::max(at, inside_until);
        const size_t end = next_bound < bounds.size() ? std::min(bounds[next_bound].begin, to) : to;
        if (at >= end) {  // a bound starting inside the one just passed
          if (next_bound >= bounds.size()) break;
          pass_bounds(at);
          continue;
        }
        const std::string_view stretch(t_.data(), end);
        if (!re_search(*k_.all_, stretch, at, g)) {
          at = end;
          if (next_bound >= bounds.size()) break;
          continue;
        }
        const size_t b = re_offset(stretch, g[0]), e = b + g[0].size();
        at = std::max(at + 1, e);
        if (e == b) continue;
        const Line line = advance(b);
        event(g, b, e, line);
        advance(e);
      }
      pass_bounds(to);
      advance(std::max(to, cursor_));
      end_lists();
      resolve(to);
    }

   private:
    struct Line {
      bool broken = false;  // a line break since the last event
      bool clean = true;    // and only blanks from it to here: this event starts a line
    };

    // Moves the cursor to view offset `to`. A line break followed by text ends every list (a line
    // that starts with a list's next number is decided by the event at it).
    Line advance(size_t to) {
      Line line;
      if (cursor_ >= to) return line;
      const void* nl = std::memchr(t_.data() + cursor_, '\n', to - cursor_);
      cursor_ = to;
      if (nl == nullptr) return line;
      line.broken = true;
      size_t p = static_cast<size_t>(static_cast<const char*>(nl) - t_.data());
      while (p < to && (t_[p] == '\n' || t_[p] == ' ' || t_[p] == '\t')) ++p;
      if (p < to) {
        line.clean = false;
        end_lists();
      }
      return line;
    }

    void event(const std::vector<re2::StringPiece>& g, size_t b, size_t e, const Line& line) {
      const auto& styles = k_.styles_;
      if (g[static_cast<size_t>(k_.announce_)].data() != nullptr) {
        if (line.broken) end_lists();
        const re2::StringPiece n = g[static_cast<size_t>(k_.count_)];
        const int count = numeral_value(std::string_view(n.data(), n.size()));
        announce_.reset();
        if (count >= 2) {
          // The announcing words, from the count to the colon that ends them.
          size_t end = e;
          while (end > b && (t_[end - 1] == ':' || t_[end - 1] == ' ')) --end;
          announce_ = Announce{count, re_offset(t_, n), end, e};
        }
        return;
      }
      int style = -1;
      re2::StringPiece numeral;
      for (size_t s = 0; s < styles.size(); ++s) {
        if (g[static_cast<size_t>(styles[s].group)].data() != nullptr) {
          style = static_cast<int>(s);
          numeral = g[static_cast<size_t>(styles[s].numeral)];
          break;
        }
      }
      const int n = numeral_value(std::string_view(numeral.data(), numeral.size()));
      const bool marker = style >= 0 && n > 0 && at_boundary(b, styles[static_cast<size_t>(style)].boundary);
      const bool continues = marker && n > 1 && continued_by(static_cast<size_t>(style), n) >= 0;
      if (line.broken && !continues) end_lists();  // a line that starts otherwise than with a next number
      if (!marker) {
        // A number in a marker's form where no item starts (、（二）): no item, but it may be the one a
        // skipped number or a short count is missing.
        if (n > 0 && at_boundary(b, k_.loose_boundary_)) stray(b, n);
        announce_.reset();
        return;
      }
      item(static_cast<size_t>(style), n, b, e);
    }

    // A marker of `s` numbered n at [b, e).
    void item(size_t s, int n, size_t b, size_t e) {
      std::vector<List>& stack = stacks_[s];
      if (!stack.empty() && too_far(last_at_[s], b)) end_style(s);
      for (size_t j = s + 1; j < stacks_.size(); ++j) end_style(j);  // an outer marker ends the lists inside
      const std::optional<Announce> announce = announce_;
      announce_.reset();
      last_at_[s] = b;
      items_at_.push_back(b);
      if (n == 1) {
        List list;
        list.items.push_back({1, b, e});
        if (announce && blank_only(t_.substr(announce->match_end, b - announce->match_end))) {
          list.announced = announce->n;
          list.announce_b = announce->begin;
          list.announce_e = announce->end;
        }
        if (stack.size() >= kMaxDepth) {
          end_list(s, stack.back());
          stack.pop_back();
        }
        stack.push_back(std::move(list));
        return;
      }
      const int c = continued_by(s, n);
      if (c >= 0) {
        // 以下三个方面：一是…二是…，包括：一是…二是…。三是…: the inner list or the outer one; neither
        // list's count is judged then.
        const auto alike =
            std::count_if(stack.begin(), stack.end(), [&](const List& l) { return l.items.back().n + 1 == n; });
        if (alike > 1) {
          for (List& l : stack) l.ambiguous = l.ambiguous || l.items.back().n + 1 == n;
        }
        while (stack.size() > static_cast<size_t>(c) + 1) {
          end_list(s, stack.back());
          stack.pop_back();
        }
        List& list = stack.back();
        if (list.announced > 0 && list.items.size() == static_cast<size_t>(list.announced) && !list.more_said &&
            !list.ambiguous) {
          say_more(s, list, n, b, e);
          list.more_said = true;
        }
        list.items.push_back({n, b, e});
        return;
      }
      // Continues no list: a number out of place in the innermost, or an item of a list whose start
      // was not read.
      if (stack.empty()) {
        items_at_.pop_back();  // no item
        stray(b, n);
        return;
      }
      List& in = stack.back();
      const Item last = in.items.back();
      const bool beyond_all =
          std::all_of(stack.begin(), stack.end(), [&](const List& l) { return n > l.items.back().n + 1; });
      if (n == last.n) {
        // 一是…三是…三是: the first 三是 was said to skip 二是; the second is the same slip.
        if (!last.said) say(s, "repeat", n, b, e, last, n + 1);
        in.items.push_back({n, b, e, true});
      } else if (n > last.n + 1 && beyond_all) {
        const bool said = !written_between(last.end, b, last.n + 1, n - 1);
        if (said) say(s, "gap", n, b, e, last, last.n + 1);
        in.items.push_back({n, b, e, said});
      } else {
        // Back to an earlier number (an outer list resumed after its own was read as ended), or a
        // skip under one reading only: the innermost list ends here, unjudged.
        end_list(s, in);
        stack.pop_back();
        items_at_.pop_back();  // no item
      }
      stray(b, n);
    }

    // The innermost open list of style s that n continues (the next number of its last item), -1
    // when none.
    int continued_by(size_t s, int n) const {
      const std::vector<List>& stack = stacks_[s];
      for (size_t i = stack.size(); i-- > 0;) {
        if (stack[i].items.back().n + 1 == n) return static_cast<int>(i);
      }
      return -1;
    }

    // Is the code point before view offset b a place where an item may start?
    bool at_boundary(size_t b, const std::u32string& chars) const {
      if (b == from_ || b == after_bound_) return true;
      size_t p = b;
      while (p > from_ && (t_[p - 1] == ' ' || t_[p - 1] == '\t')) --p;
      if (p == from_ || p == after_bound_ || t_[p - 1] == '\n') return true;  // a line start, after blanks
      size_t q = b - 1;
      while (q > from_ && (static_cast<unsigned char>(t_[q]) & 0xC0) == 0x80) --q;
      const char32_t c = utf8_next(t_, q);
      return q == b && chars.find(c) != std::u32string::npos;
    }

    // A number at b in a marker's form, or a heading's, that is no item: remembered (a skipped number
    // may be written so, and it may be the next item of a list that ended short).
    void stray(size_t b, int n) { written_.emplace_back(b, n); }

    // Is a number from low to high written in [after, before) where an item could start, but as no
    // item of a list (二要, 三、, a stray marker)?
    bool written_between(size_t after, size_t before, int low, int high) const {
      for (auto it = written_.rbegin(); it != written_.rend() && it->first >= after; ++it) {
        if (it->first < before && it->second >= low && it->second <= high) return true;
      }
      for (size_t i = after; i < before;) {
        const size_t at = i;
        const char32_t c = utf8_next_valid(t_, i);
        int n = 0;
        size_t len = 0;
        if (cn_digit(c) && at_boundary(at, k_.loose_boundary_) && parse_cn_numeral(t_, at, &n, &len) && n >= low &&
            n <= high && !std::binary_search(items_at_.begin(), items_at_.end(), at))
          return true;
      }
      return false;
    }

    // More than max_distance characters from view offset a to b (counted no further than that).
    bool too_far(size_t a, size_t b) const {
      size_t n = 0;
      for (size_t i = a; i < b; ++i) {
        if ((static_cast<unsigned char>(t_[i]) & 0xC0) != 0x80 && ++n > k_.max_distance_) return true;
      }
      return false;
    }

    // A list ends: short of its announced count with two items or more, it is reported at the next
    // heading, table or the body's end, unless its next number comes before (stray).
    void end_list(size_t s, const List& list) {
      if (list.announced > 0 && !list.ambiguous && list.items.size() >= 2 &&
          list.items.size() < static_cast<size_t>(list.announced))
        pending_.push_back({s, list});
    }
    void end_style(size_t s) {
      for (const List& l : stacks_[s]) end_list(s, l);
      stacks_[s].clear();
    }
    void end_lists() {
      for (size_t s = 0; s < stacks_.size(); ++s) end_style(s);
    }
    // At a heading, a table or the body's end (view offset `at`): the lists that ended short are said
    // to, unless their next number is written before `at`. One reading of the stretch for them all.
    void resolve(size_t at) {
      if (pending_.empty()) return;
      size_t from = at;
      for (const Pending& p : pending_) from = std::min(from, p.list.items.back().end);
      // For each number 1 … 99, the last place in the stretch it is written as no item's.
      std::vector<size_t> last(100, 0);
      std::vector<bool> seen(100, false);
      const auto note = [&](size_t where, int n) {
        if (n < 1 || n > 99) return;
        last[static_cast<size_t>(n)] = std::max(last[static_cast<size_t>(n)], where);
        seen[static_cast<size_t>(n)] = true;
      };
      for (auto it = written_.rbegin(); it != written_.rend() && it->first >= from; ++it) {
        if (it->first <= at) note(it->first, it->second);  // a heading's number at `at` too
      }
      for (size_t i = from; i < at;) {
        const size_t p = i;
        const char32_t c = utf8_next_valid(t_, i);
        int n = 0;
        size_t len = 0;
        if (cn_digit(c) && at_boundary(p, k_.loose_boundary_) && parse_cn_numeral(t_, p, &n, &len) &&
            !std::binary_search(items_at_.begin(), items_at_.end(), p))
          note(p, n);
      }
      for (const Pending& p : pending_) {
        const size_t next = p.list.items.size() + 1;
        if (next > 99 || !seen[next] || last[next] < p.list.items.back().end) say_fewer(p.style, p.list);
      }
      pending_.clear();
    }

    std::string form(size_t s, int n) const {
      std::string numeral;
      append_cn_numeral(numeral, n);
      std::string out = k_.styles_[s].form;
      const size_t at = out.find("{n}");
      if (at != std::string::npos) out.replace(at, 3, numeral);
      return out;
    }
    Span span(size_t b, size_t e) const {
      return ctx_.view.source_span(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
    }
    Related related(size_t b, size_t e, const char* label) const {
      const Span sp = span(b, e);
      return {sp, label, std::string(span_text(ctx_.source, sp))};
    }

    void say(size_t s, const char* problem, int n, size_t b, size_t e, const Item& previous, int expected) {
      Diagnostic d =
          make_diagnostic(rule_, ctx_, "text-enumeration", problem, span(b, e),
                          {{"found", form(s, n)}, {"previous", form(s, previous.n)}, {"expected", form(s, expected)}});
      d.fields = {{"problem", problem}, {"marker", k_.styles_[s].id}};
      if (problem == std::string("gap")) {
        d.fields.emplace_back("previous", form(s, previous.n));
        d.fields.emplace_back("missing", form(s, expected));
      }
      d.fields.emplace_back("found", form(s, n));
      d.related.push_back(related(previous.begin, previous.end, "previous"));
      out_.push_back(std::move(d));
    }
    void say_more(size_t s, const List& list, int n, size_t b, size_t e) {
      const std::string announced(span_text(ctx_.source, span(list.announce_b, list.announce_e)));
      Diagnostic d =
          make_diagnostic(rule_, ctx_, "text-enumeration", "more", span(b, e),
                          {{"announced", announced}, {"count", std::to_string(list.announced)}, {"found", form(s, n)}});
      d.fields = {{"problem", "more"},
                  {"marker", k_.styles_[s].id},
                  {"announced", std::to_string(list.announced)},
                  {"found", form(s, n)}};
      d.related.push_back(related(list.announce_b, list.announce_e, "announced"));
      out_.push_back(std::move(d));
    }
    void say_fewer(size_t s, const List& list) {
      const std::string announced(span_text(ctx_.source, span(list.announce_b, list.announce_e)));
      std::string markers;
      for (const Item& i : list.items) markers += "“" + form(s, i.n) + "”";
      const int next = list.items.back().n + 1;
      Diagnostic d = make_diagnostic(rule_, ctx_, "text-enumeration", "fewer", span(list.announce_b, list.announce_e),
                                     {{"announced", announced},
                                      {"count", std::to_string(list.announced)},
                                      {"found", std::to_string(list.items.size())},
                                      {"markers", markers},
                                      {"expected", form(s, next)}});
      d.fields = {{"problem", "fewer"},
                  {"marker", k_.styles_[s].id},
                  {"announced", std::to_string(list.announced)},
                  {"count", std::to_string(list.items.size())}};
      for (const Item& i : list.items) d.related.push_back(related(i.begin, i.end, "item"));
      out_.push_back(std::move(d));
    }

    struct Pending {
      size_t style;
      List list;
    };

    const TextEnumeration& k_;
    const Rule& rule_;
    const CheckContext& ctx_;
    std::vector<Diagnostic>& out_;
    const std::string_view t_;
    std::vector<std::vector<List>> stacks_;  // per style: the open lists, outermost first
    std::vector<size_t> last_at_;            // per style: where its last item started (view offset)
    std::vector<size_t> items_at_;           // where every item starts, in order
    std::vector<Pending> pending_;
    std::vector<std::pair<size_t, int>> written_;  // numbers that are no item, in order: view offset, value
    std::optional<Announce> announce_;
    size_t from_ = 0, cursor_ = 0, after_bound_ = 0;
  };

  std::vector<MarkerStyle> styles_;
  Regex all_;
  size_t max_distance_;
  int announce_ = 0, count_ = 0;
  std::u32string loose_boundary_;
};

std::u32string code_points(const std::string& s) {
  std::u32string out;
  const View v = View::build(s);
  const std::string_view t = v.text();
  for (size_t i = 0; i < t.size();) out.push_back(utf8_next(t, i));
  return out;
}

}  // namespace

void register_text_enumeration_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "text-enumeration",
      {"text-enumeration"},
      {"gap", "repeat", "fewer", "more"},
      {"markers", "announce", "max_distance"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode markers = params["markers"], announce = params["announce"];
        if (!markers || !markers.IsSequence() || markers.size() == 0) {
          error(params,
                "需要 params.markers：每项有 id、before、after、form、boundary "
                "(params.markers lists {id, before, after, form, boundary})");
          return nullptr;
        }
        if (!announce) {
          error(params, "需要 params.announce：含命名分组 n（项数）的正则表达式 (params.announce: RE2 with a group n)");
          return nullptr;
        }
        if (!announce.IsScalar() || announce.Scalar().empty()) {
          param_regex(announce, error, "n");  // says what is wrong
          return nullptr;
        }
        std::string all = "(?P<a>" + announce.Scalar() + ")";
        std::vector<MarkerStyle> styles;
        for (const RuleNode& m : markers) {
          const auto text = [&](const char* key) {
            const RuleNode n = m.IsMap() ? m[key] : RuleNode();
            return n && n.IsScalar() ? n.Scalar() : std::string();
          };
          const std::string id = text("id"), form = text("form"), boundary = text("boundary"), after = text("after");
          if (id.empty() || form.find("{n}") == std::string::npos || boundary.empty() || after.empty()) {
            error(m,
                  "每项需要 id、after（序数之后的正则）、form（含 {n} 的写法）和 boundary（其前可有的字符） "
                  "(each marker needs id, after: RE2 after the numeral, form with {n}, boundary characters)");
            return nullptr;
          }
          const size_t k = styles.size();
          all += "|(?P<m" + std::to_string(k) + ">(?:" + text("before") + ")(?P<c" + std::to_string(k) + ">" +
                 kNumeral + ")(?:" + after + "))";
          styles.push_back({id, form, code_points(boundary), 0, 0});
        }
        Regex re(all);  // compiled here, where it is checked: the one pattern the rule runs
        if (!re->ok() || re_group(*re, "n") < 0) {
          // Compiled one by one to say which, at its place (only when something is wrong: one
          // compilation is what a load costs).
          if (!param_regex(announce, error, "n")) return nullptr;
          for (const RuleNode& m : markers) {
            if (!param_regex(m["after"], error)) return nullptr;
            if (m["before"] && !m["before"].Scalar().empty() && !param_regex(m["before"], error)) return nullptr;
          }
          error(announce,
                "announce 与 markers 合起来不是正则表达式 (announce and markers do not combine): " + re->error());
          return nullptr;
        }
        for (size_t k = 0; k < styles.size(); ++k) {
          styles[k].group = re_group(*re, "m" + std::to_string(k));
          styles[k].numeral = re_group(*re, "c" + std::to_string(k));
        }
        size_t max_distance = 600;
        if (!param_int(params, "max_distance", 10, 100000, error, max_distance)) return nullptr;
        return std::make_shared<TextEnumeration>(std::move(styles), std::move(re), max_distance);
      }});
  kinds.back().placeholders = {{"gap", {"found", "previous", "expected"}},
                               {"repeat", {"found", "previous", "expected"}},
                               {"fewer", {"announced", "count", "found", "markers", "expected"}},
                               {"more", {"announced", "count", "found"}}};
  kinds.back().finds =
      "a list numbered inside a paragraph (一是…三是, （一）（二）) that skips or repeats a number, or has fewer or "
      "more items than announced before it (以下三个方面：)";
  kinds.back().param_docs = {
      {"markers",
       "a list of `{id, before, after, form, boundary}`, outermost style first: RE2 before and after a Chinese "
       "numeral (一…九十九) that make an item's marker, how a marker is written (`form`, with `{n}`), and the "
       "characters after which a marker may stand (besides a line start, a heading or a table); a marker ends the "
       "lists of the styles after it"},
      {"announce",
       "RE2 on the normalized text for words announcing a count, ending right before the first marker, with a group "
       "`n`: the count (两, 三 …)"},
      {"max_distance", "the most characters between two items of a list (default 600)"}};
}

}  // namespace gklint
