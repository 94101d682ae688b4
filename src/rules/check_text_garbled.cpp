// Rule kind text-garbled: text damaged on its way into the report: pinyin a converter left after
// each character (根據(jù)), mojibake (a run decoded with the wrong code page: 吠ㄟ^, 锟斤拷),
// markup pasted as text (<br />, &nbsp;, Word's <o:p>). A reader sees it at once; a reviewer
// names it as careless publication. One finding per kind of garbling per report, at its first
// occurrence, with the count and the others in `related`: a converted report has hundreds.
// Only what the rule's patterns match is found; they are written to match nothing a report
// writes on purpose (a tone mark inside brackets after a character, bopomofo, literal tags).
#include <re2/re2.h>

#include "gklint/regex.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

class TextGarbled : public Check {
 public:
  struct Garbling {
    std::string id;                           // pinyin, mojibake, markup …: the finding's `garbling`
    std::string zh, en;                       // what it is, for the message
    std::shared_ptr<const re2::RE2> pattern;  // on the text as read
  };
  explicit TextGarbled(std::vector<Garbling> kinds) : kinds_(std::move(kinds)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    constexpr size_t kRelatedShown = 20;  // the rest are counted, not listed
    // The text as read, not the normalized view: normalizing drops the pinyin annotations (so that
    // the other rules read 根據 through them) and maps the characters a pattern may look for.
    const std::string_view text = ctx.source.text();
    std::vector<re2::StringPiece> g;
    for (const Garbling& k : kinds_) {
      std::vector<Span> found;
      size_t count = 0;
      for (size_t at = 0; at < text.size() && re_search(*k.pattern, text, at, g);) {
        const size_t begin = re_offset(text, g[0]), end = begin + g[0].size();
        at = std::max(at + 1, end);
        if (end == begin) continue;
        ++count;
        if (found.size() <= kRelatedShown)
          found.push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
      }
      if (count == 0) continue;
      const std::string example(span_text(ctx.source, found.front()));
      Diagnostic d = make_diagnostic(
          rule, ctx, "text-garbled", "default", found.front(),
          {{"garbling", ctx.lang == Lang::en ? k.en : k.zh}, {"example", example}, {"count", std::to_string(count)}});
      d.fields = {{"garbling", k.id}, {"count", std::to_string(count)}};
      for (size_t i = 1; i < found.size() && i <= kRelatedShown; ++i)
        d.related.push_back({found[i], k.id, std::string(span_text(ctx.source, found[i]))});
      out.push_back(std::move(d));
    }
  }

 private:
  std::vector<Garbling> kinds_;
};

}  // namespace

void register_text_garbled_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "text-garbled",
      {"text-garbled"},
      {"default"},
      {"garbling"},
      [](const YAML::Node& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const YAML::Node list = params["garbling"];
        if (!list || !list.IsSequence() || list.size() == 0) {
          error(params,
                "需要 params.garbling：每项有 id、name {zh, en} 和 pattern "
                "(params.garbling lists {id, name: {zh, en}, pattern})");
          return nullptr;
        }
        std::vector<TextGarbled::Garbling> out;
        for (const YAML::Node& item : list) {
          const YAML::Node id = item.IsMap() ? item["id"] : YAML::Node();
          const YAML::Node name = item.IsMap() ? item["name"] : YAML::Node();
          const YAML::Node pattern = item.IsMap() ? item["pattern"] : YAML::Node();
          const auto text_of = [&](const char* lang) {
            const YAML::Node n = name && name.IsMap() ? name[lang] : YAML::Node();
            return n && n.IsScalar() ? n.Scalar() : std::string();
          };
          if (!id || !id.IsScalar() || id.Scalar().empty() || text_of("zh").empty() || text_of("en").empty() ||
              !pattern || !pattern.IsScalar() || pattern.Scalar().empty()) {
            error(item, "每项需要 id、name {zh, en} 和 pattern (each item needs id, name {zh, en} and pattern)");
            return nullptr;
          }
          auto re = param_regex(pattern, error);
          if (!re) return nullptr;
          out.push_back({id.Scalar(), text_of("zh"), text_of("en"), std::move(re)});
        }
        return std::make_shared<TextGarbled>(std::move(out));
      }});
  kinds.back().placeholders = {{"default", {"garbling", "example", "count"}}};
  kinds.back().finds =
      "garbled text: pinyin left by a converter (根據(jù)), mojibake, markup as text; one finding per kind per report, "
      "with the count";
  kinds.back().param_docs = {
      {"garbling",
       "a list of `{id, name: {zh, en}, pattern}`: each kind of garbling, its name for the message, and an RE2 "
       "pattern on the text as read (not normalized: traditional script and full-width forms as written)"}};
}

}  // namespace gklint
