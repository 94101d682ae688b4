// Rule kind text-garbled: text damaged on its way into the report: pinyin a converter left after
// each character (根據(jù)), mojibake (a run decoded with the wrong code page: 吠ㄟ^, 锟斤拷),
// markup pasted as text (<br />, &nbsp;, Word's <o:p>). A reader sees it at once; a reviewer
// names it as careless publication. One finding per kind of garbling per report, at its first
// occurrence, with the count and the others in `related`: a converted report has hundreds.
// Only what the rule's patterns match is found; they are written to match nothing a report
// writes on purpose (a tone mark inside brackets after a character, bopomofo, literal tags).
// Reading the whole text with RE2 costs 16 instructions a byte whatever the pattern (no literal
// prefix to look for), so when every kind says which characters its matches hold (`contains`),
// only the lines holding one are read: garbling is rare, and a clean report is one quick pass.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "gklint/regex.hpp"
#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

class TextGarbled : public Check {
 public:
  struct Garbling {
    std::string id;      // pinyin, mojibake, markup …: the finding's `garbling`
    std::string zh, en;  // what it is, for the message
  };
  // The characters every match of a kind holds, as ranges; for the scan, the ASCII ones as a table,
  // the first two bytes of the others' UTF-8 as a bitmap (most characters are passed over on those
  // alone), and the BMP as a bitmap.
  struct Characters {
    std::vector<std::pair<char32_t, char32_t>> ranges;  // beyond the BMP
    std::array<bool, 128> ascii{};
    std::vector<uint64_t> lead_pairs = std::vector<uint64_t>(0x10000 / 64);
    std::vector<uint64_t> bmp = std::vector<uint64_t>(0x10000 / 64);
    void add(char32_t from, char32_t to) {
      if (to >= 0x10000) ranges.emplace_back(std::max<char32_t>(from, 0x10000), to);
      for (char32_t c = from; c <= to && c <= 0x10FFFF; ++c) {
        if (c < 0x80) {
          ascii[c] = true;
          continue;
        }
        std::string u;
        utf8_append(u, c);
        const unsigned pair = static_cast<unsigned char>(u[0]) << 8 | static_cast<unsigned char>(u[1]);
        lead_pairs[pair / 64] |= uint64_t{1} << (pair % 64);
        if (c < 0x10000) {
          bmp[c / 64] |= uint64_t{1} << (c % 64);
        } else {
          c |= 0x3F;  // the rest of these 64 share the first two bytes
        }
      }
    }
    // Is the character starting at text[i] (of `len` bytes, within the text) one of them? Asked
    // only when its first two bytes are those of one.
    bool at(std::string_view text, size_t i, size_t len) const {
      size_t k = 0;
      const char32_t c = utf8_next_valid(text.substr(i, len), k);
      if (c < 0x10000) return (bmp[c / 64] >> (c % 64) & 1) != 0;
      return std::any_of(ranges.begin(), ranges.end(), [&](const auto& r) { return c >= r.first && c <= r.second; });
    }
  };
  // `all`: every kind's pattern as one named group of one alternation, so the text is read once
  // (kind k's is group k of `all`).
  // `triggers`: the union of every kind's `contains`, or nullopt when a kind has none (then every
  // line is read).
  TextGarbled(std::vector<Garbling> kinds, Regex all, std::optional<Characters> triggers)
      : kinds_(std::move(kinds)), all_(std::move(all)), triggers_(std::move(triggers)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    constexpr size_t kRelatedShown = 20;  // the rest are counted, not listed
    // The text as read, not the normalized view: normalizing drops the pinyin annotations (so that
    // the other rules read 根據 through them) and maps the characters a pattern may look for.
    const std::string_view text = ctx.source.text();
    std::vector<std::vector<Span>> found(kinds_.size());
    std::vector<size_t> count(kinds_.size());
    std::vector<re2::StringPiece> g;
    // The matches in text[from, to): with the whole text as their context.
    const auto read = [&](size_t from, size_t to) {
      for (size_t at = from; at < to && re_search(*all_, text, at, g, to);) {
        const size_t begin = re_offset(text, g[0]), end = begin + g[0].size();
        at = std::max(at + 1, end);
        if (end == begin) continue;
        for (size_t k = 0; k < kinds_.size(); ++k) {
          if (g[static_cast<size_t>(all_.group(k))].data() == nullptr) continue;
          ++count[k];
          if (found[k].size() <= kRelatedShown)
            found[k].push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
          break;
        }
      }
    };
    if (!triggers_) {
      read(0, text.size());
    } else {
      // Each line that holds a trigger character, once (a match lies within a line).
      size_t read_to = 0;  // where the last line read ends
      // The hot loop: a character is passed over on its first byte when it is ASCII, else on its
      // first two.
      const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
      const uint64_t* pairs = triggers_->lead_pairs.data();
      const size_t n = text.size();
      for (size_t i = 0; i < n;) {
        const unsigned b = bytes[i];
        if (b < 0x80) {
          if (!triggers_->ascii[b]) {
            ++i;
            continue;
          }
        } else {
          const size_t len = utf8_lead_length(static_cast<char>(b));
          if (i + 4 > n) {  // near the end: a byte that starts no character, a sequence cut short
            if (len == 1 || i + len > n || !triggers_->at(text, i, len)) {
              ++i;
              continue;
            }
          } else {
            const unsigned pair = b << 8 | bytes[i + 1];
            if ((pairs[pair / 64] >> (pair % 64) & 1) == 0 || !triggers_->at(text, i, len)) {
              i += len;
              continue;
            }
          }
        }
        const size_t nl_before = text.substr(read_to, i - read_to).rfind('\n');
        const size_t line_from = nl_before == std::string_view::npos ? read_to : read_to + nl_before + 1;
        const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
        read_to = nl == nullptr ? text.size() : static_cast<size_t>(static_cast<const char*>(nl) - text.data());
        read(line_from, read_to);
        i = std::max(read_to, i + 1);  // (a line break in `contains` must not stop the scan)
      }
    }
    for (size_t k = 0; k < kinds_.size(); ++k) {
      if (count[k] == 0) continue;
      const Garbling& kind = kinds_[k];
      const std::string example(span_text(ctx.source, found[k].front()));
      Diagnostic d = make_diagnostic(rule, ctx, "text-garbled", "default", found[k].front(),
                                     {{"garbling", ctx.lang == Lang::en ? kind.en : kind.zh},
                                      {"example", example},
                                      {"count", std::to_string(count[k])}});
      d.fields = {{"garbling", kind.id}, {"count", std::to_string(count[k])}};
      for (size_t i = 1; i < found[k].size() && i <= kRelatedShown; ++i)
        d.related.emplace_back(found[k][i], kind.id, std::string(span_text(ctx.source, found[k][i])));
      out.push_back(std::move(d));
    }
  }

 private:
  std::vector<Garbling> kinds_;
  Regex all_;
  std::optional<Characters> triggers_;
};

// `contains` as characters and ranges: "<&:" or "\u3100-\u312F锟" (a - between two characters is
// a range; a - first or last is itself). False when it is empty or a range runs backwards.
bool read_characters(std::string_view s, TextGarbled::Characters& out) {
  std::u32string cs;
  for (size_t i = 0; i < s.size();) cs.push_back(utf8_next(s, i));
  if (cs.empty()) return false;
  for (size_t i = 0; i < cs.size(); ++i) {
    if (i + 2 < cs.size() && cs[i + 1] == U'-') {
      if (cs[i + 2] < cs[i]) return false;
      out.add(cs[i], cs[i + 2]);
      i += 2;
    } else {
      out.add(cs[i], cs[i]);
    }
  }
  return true;
}

}  // namespace

void register_text_garbled_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "text-garbled",
      {"text-garbled"},
      {"default"},
      {"garbling"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode list = params["garbling"];
        if (!list || !list.IsSequence() || list.size() == 0) {
          error(params,
                "需要 params.garbling：每项有 id、name {zh, en} 和 pattern "
                "(params.garbling lists {id, name: {zh, en}, pattern})");
          return nullptr;
        }
        std::vector<TextGarbled::Garbling> out;
        std::vector<RuleNode> patterns;
        std::vector<std::string> groups;  // kind k's name in `all`
        std::string all;
        TextGarbled::Characters triggers;
        bool every_kind_says = true;  // every kind gives `contains`: only their lines are read
        for (const RuleNode& item : list) {
          const RuleNode id = item.IsMap() ? item["id"] : RuleNode();
          const RuleNode name = item.IsMap() ? item["name"] : RuleNode();
          const RuleNode pattern = item.IsMap() ? item["pattern"] : RuleNode();
          const auto text_of = [&](const char* lang) {
            const RuleNode n = name && name.IsMap() ? name[lang] : RuleNode();
            return n && n.IsScalar() ? n.Scalar() : std::string();
          };
          if (!id || !id.IsScalar() || id.Scalar().empty() || text_of("zh").empty() || text_of("en").empty() ||
              !pattern || !pattern.IsScalar() || pattern.Scalar().empty()) {
            error(item, "每项需要 id、name {zh, en} 和 pattern (each item needs id, name {zh, en} and pattern)");
            return nullptr;
          }
          if (const RuleNode contains = item["contains"]) {
            if (!contains.IsScalar() || !read_characters(contains.Scalar(), triggers)) {
              error(contains,
                    "contains 应为字符串：字符及范围，如 \"<&\" 或 \"\\u3100-\\u312F\" "
                    "(contains is a string of characters and ranges such as \"<&\" or \"\\u3100-\\u312F\")");
              return nullptr;
            }
          } else {
            every_kind_says = false;
          }
          patterns.push_back(pattern);
          groups.push_back("gklint_garbling_" + std::to_string(out.size()));
          all += std::string(all.empty() ? "" : "|") + "(?P<" + groups.back() + ">" + pattern.Scalar() + ")";
          out.push_back({id.Scalar(), text_of("zh"), text_of("en")});
        }
        Regex combined(all, groups);  // the one pattern the rule runs
        const auto make = [&] {
          return std::make_shared<TextGarbled>(std::move(out), std::move(combined),
                                               every_kind_says ? std::optional(std::move(triggers)) : std::nullopt);
        };
        // A built-in file's: compiled when a report first needs it (the tests load each built-in file
        // from its text, which checks it as below); a user's, here, to say what is wrong.
        if (params.built_in()) return make();
        if (!combined->ok()) {
          // Compiled one by one to say which, at its place (only when something is wrong: one
          // compilation is what a load costs).
          for (const RuleNode& p : patterns) {
            if (!param_regex(p, error)) return nullptr;
          }
        }
        for (size_t k = 0; k < out.size(); ++k) {
          if (!combined->ok() || combined.group(k) < 0) {
            error(list, "这些正则表达式不能合并为一个 (the patterns do not combine into one alternation): " +
                            combined->error());
            return nullptr;
          }
        }
        return make();
      }});
  kinds.back().placeholders = {{"default", {"garbling", "example", "count"}}};
  kinds.back().finds =
      "garbled text: pinyin left by a converter (根據(jù)), mojibake, markup as text; one finding per kind per report, "
      "with the count";
  kinds.back().param_docs = {
      {"garbling",
       "a list of `{id, name: {zh, en}, pattern, contains}`: each kind of garbling, its name for the message, an RE2 "
       "pattern on the text as read (not normalized: traditional script and full-width forms as written), and "
       "optionally `contains`, the characters one of which every match holds (\"<&\", ranges as \"\\u3100-\\u312F\"). "
       "When every kind gives `contains`, only the lines holding one of those characters are read, much faster; a "
       "match must then lie within one line"}};
}

}  // namespace gklint
