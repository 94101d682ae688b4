// Rule kind text-garbled: text damaged on its way into the report: pinyin a converter left after
// each character (根據(jù)), mojibake (a run decoded with the wrong code page: 吠ㄟ^, 锟斤拷),
// markup pasted as text (<br />, &nbsp;, Word's <o:p>). A reader sees it at once; a reviewer
// names it as careless publication. One finding per kind of garbling per report, at its first
// occurrence, with the count and the others in `related`: a converted report has hundreds.
// Only what the rule's patterns match is found; they are written to match nothing a report
// writes on purpose (a tone mark inside brackets after a character, bopomofo, literal tags).
#include <re2/re2.h>

#include <algorithm>

#include "gklint/regex.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

class TextGarbled : public Check {
 public:
  struct Garbling {
    std::string id;      // pinyin, mojibake, markup …: the finding's `garbling`
    std::string zh, en;  // what it is, for the message
    int group = 0;       // its group in the combined pattern
  };
  // `all`: every kind's pattern as one named group of one alternation, so the text is read once.
  TextGarbled(std::vector<Garbling> kinds, std::shared_ptr<const re2::RE2> all)
      : kinds_(std::move(kinds)), all_(std::move(all)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    constexpr size_t kRelatedShown = 20;  // the rest are counted, not listed
    // The text as read, not the normalized view: normalizing drops the pinyin annotations (so that
    // the other rules read 根據 through them) and maps the characters a pattern may look for.
    const std::string_view text = ctx.source.text();
    std::vector<std::vector<Span>> found(kinds_.size());
    std::vector<size_t> count(kinds_.size());
    std::vector<re2::StringPiece> g;
    for (size_t at = 0; at < text.size() && re_search(*all_, text, at, g);) {
      const size_t begin = re_offset(text, g[0]), end = begin + g[0].size();
      at = std::max(at + 1, end);
      if (end == begin) continue;
      for (size_t k = 0; k < kinds_.size(); ++k) {
        if (g[static_cast<size_t>(kinds_[k].group)].data() == nullptr) continue;
        ++count[k];
        if (found[k].size() <= kRelatedShown)
          found[k].push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
        break;
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
        d.related.push_back({found[k][i], kind.id, std::string(span_text(ctx.source, found[k][i]))});
      out.push_back(std::move(d));
    }
  }

 private:
  std::vector<Garbling> kinds_;
  std::shared_ptr<const re2::RE2> all_;
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
        std::vector<YAML::Node> patterns;
        std::string all;
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
          patterns.push_back(pattern);
          all += std::string(all.empty() ? "" : "|") + "(?P<gklint_garbling_" + std::to_string(out.size()) + ">" +
                 pattern.Scalar() + ")";
          out.push_back({id.Scalar(), text_of("zh"), text_of("en"), 0});
        }
        re2::RE2::Options options;
        options.set_log_errors(false);
        auto combined = std::make_shared<const re2::RE2>(all, options);
        for (size_t k = 0; k < out.size() && combined->ok(); ++k)
          out[k].group = re_group(*combined, "gklint_garbling_" + std::to_string(k));
        if (!combined->ok()) {
          // Compiled one by one to say which, at its place (only when something is wrong: one
          // compilation is what a load costs).
          for (const YAML::Node& p : patterns) {
            if (!param_regex(p, error)) return nullptr;
          }
        }
        if (!combined->ok() || std::any_of(out.begin(), out.end(), [](const auto& k) { return k.group < 0; })) {
          error(list, "这些正则表达式不能合并为一个 (the patterns do not combine into one alternation): " +
                          combined->error());
          return nullptr;
        }
        return std::make_shared<TextGarbled>(std::move(out), std::move(combined));
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
