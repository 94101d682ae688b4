// Rule kind statute-name: the statute, or a document of the templates, cited under a name it does
// not have (《中华人民共和国政府信息公开工作条例》 for 《中华人民共和国政府信息公开条例》). Only the
// wrong names the rule lists, whole between 《》, are found: a short form the text defines (《条例》)
// or a name gklint does not know is never flagged.
#include <algorithm>

#include "rules/check.hpp"

namespace gklint {

namespace {

class StatuteName : public Check {
 public:
  struct Name {
    std::string right;               // as the rule file writes it, for the message
    std::vector<std::string> wrong;  // normalized, with their 《》, as they are searched
  };
  explicit StatuteName(std::vector<Name> names) : names_(std::move(names)) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const std::string& text = ctx.view.text();
    struct Found {
      size_t at;
      const std::string* wrong;
      const Name* name;
    };
    std::vector<Found> found;
    for (const Name& n : names_) {
      for (const std::string& w : n.wrong) {
        for (size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + w.size())) {
          found.push_back({at, &w, &n});
        }
      }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.at < b.at; });
    for (const Found& f : found) {
      const Span span =
          ctx.view.source_span(static_cast<uint32_t>(f.at), static_cast<uint32_t>(f.at + f.wrong->size()));
      const std::string as_printed(span_text(ctx.source, span));
      const std::string right = "《" + f.name->right + "》";
      Diagnostic d =
          make_diagnostic(rule, ctx, "statute-name", "default", span, {{"found", as_printed}, {"right", right}});
      d.fields = {{"right", f.name->right}};
      // The right name as the rule file writes it: a fix only where the text is written that way
      // too (not in Traditional script, not with full-width or other forms normalization read).
      if (as_printed == *f.wrong) d.fix = Fix{span, right};
      out.push_back(std::move(d));
    }
  }

 private:
  std::vector<Name> names_;
};

}  // namespace

void register_statute_name_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "statute-name",
      {"statute-name"},
      {"default"},
      {"names"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const RuleNode names = params["names"];
        if (!names || !names.IsSequence() || names.size() == 0) {
          error(params,
                "需要 params.names：每项有 right（正确名称）和 wrong（错误名称列表） "
                "(params.names lists {right, wrong: [...]})");
          return nullptr;
        }
        std::vector<StatuteName::Name> out;
        for (const RuleNode& n : names) {
          const RuleNode right = n.IsMap() ? n["right"] : RuleNode();
          const RuleNode wrong = n.IsMap() ? n["wrong"] : RuleNode();
          if (!right || !right.IsScalar() || right.Scalar().empty() || !wrong || !wrong.IsSequence() ||
              wrong.size() == 0) {
            error(n, "每项需要 right（名称）和 wrong（非空列表） (each name needs right and a non-empty wrong list)");
            return nullptr;
          }
          StatuteName::Name name{right.Scalar(), {}};
          for (const RuleNode& w : wrong) {
            if (!w.IsScalar() || w.Scalar().empty()) {
              error(w, "wrong 的每项应为名称文字 (each wrong name is text)");
              return nullptr;
            }
            // Between its book-title marks, so a longer or shorter title containing it is not it.
            name.wrong.push_back(normalize_label("《" + w.Scalar() + "》"));
          }
          out.push_back(std::move(name));
        }
        return std::make_shared<StatuteName>(std::move(out));
      }});
  kinds.back().placeholders = {{"default", {"found", "right"}}};
  kinds.back().finds = "a statute or template document cited under a wrong name the rule lists, whole between 《》";
  kinds.back().param_docs = {
      {"names", "a list of `{right: NAME, wrong: [NAME, …]}`: the name, and the wrong names to find"}};
}

}  // namespace gklint
