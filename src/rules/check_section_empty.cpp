// Rule kind section-empty: a section whose heading is there but nothing follows it before the
// next section, and a section that must say something of substance (the problems and the
// improvements) holding only 无. The other sections may say 无 (no fees, no cases, nothing else to
// report). Precision first: a heading whose wording is not one the set knows for the section is
// skipped, since its "title" may have swallowed the text that follows it on the line; and the last
// section ends where the report's body does, not at the page's footer; and when every section is
// empty (an outline, or text not read), nothing is said.
#include <algorithm>
#include <set>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// Letters, digits, ideographs: what counts as content once punctuation and blanks are gone; at
// most `limit` bytes of it (a section's text is only compared with a few short words).
std::string without_punctuation(std::string_view text, size_t limit = std::string::npos) {
  std::string out;
  for (size_t i = 0; i < text.size() && out.size() <= limit;) {
    const size_t from = i;
    const char32_t c = utf8_next_valid(text, i);
    const bool ascii_word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // From U+3400 on (ideographs and beyond; CJK punctuation lies below), less the full-width
    // punctuation block and the byte order mark.
    const bool wide = c >= 0x3400 && !(c >= 0xFF00 && c <= 0xFF65) && c != 0xFEFF;
    if (ascii_word || wide) out.append(text.substr(from, i - from));
  }
  return out;
}

class SectionEmpty : public Check {
 public:
  SectionEmpty(std::set<std::string> sections, std::set<std::string> substance, std::vector<std::string> none_words)
      : sections_(std::move(sections)), substance_(std::move(substance)), none_words_(std::move(none_words)) {
    for (const std::string& w : none_words_) longest_none_ = std::max(longest_none_, w.size());
  }

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const auto& sections = ctx.rules.sections;
    std::vector<Diagnostic> found;
    size_t examined = 0, empty = 0;
    for (size_t s = 0; s < sections.size(); ++s) {
      const Section& sec = sections[s];
      const int h = ctx.section_heading[s];
      if (h < 0 || !sections_.count(sec.id)) continue;
      const Heading& heading = ctx.report.headings[static_cast<size_t>(h)];
      if (std::find(sec.headings.begin(), sec.headings.end(), heading.key) == sec.headings.end()) continue;
      size_t from = 0, to = 0;
      if (!section_view_range(ctx, sec.id, /*with_heading=*/false, &from, &to)) continue;
      const std::string content =
          without_punctuation(std::string_view(ctx.view.text()).substr(from, to - from), longest_none_);
      ++examined;
      if (content.empty()) ++empty;
      const bool none =
          substance_.count(sec.id) && std::find(none_words_.begin(), none_words_.end(), content) != none_words_.end();
      if (!content.empty() && !none) continue;
      const std::string title = sec.title.in(ctx.lang);
      Diagnostic d = make_diagnostic(rule, ctx, "section-empty", content.empty() ? "empty" : "none", heading.span,
                                     {{"section", title}, {"text", content}});
      d.cite = sec.cite.empty() ? rule.cite : sec.cite;
      d.fields = {{"section", sec.id}, {"problem", content.empty() ? "empty" : "none"}};
      found.push_back(std::move(d));
    }
    // Every section empty is an outline, or text gklint did not read (a .docx's text boxes): no
    // report is written so, and saying so of each section would only be noise.
    if (empty > 0 && empty == examined) return;
    for (Diagnostic& d : found) out.push_back(std::move(d));
  }

 private:
  std::set<std::string> sections_, substance_;
  std::vector<std::string> none_words_;  // without punctuation, normalized
  size_t longest_none_ = 0;              // bytes: content longer than this is content
};

std::vector<std::string> scalars(const RuleNode& n) {
  std::vector<std::string> out;
  if (!n || !n.IsSequence()) return out;
  for (const RuleNode& item : n) {
    if (item.IsScalar() && !item.Scalar().empty()) out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace

void register_section_empty_kinds(std::vector<RuleKind>& kinds) {
  kinds.push_back(RuleKind{
      "section-empty",
      {"section-empty"},
      {"empty", "none"},
      {"sections", "substance", "none_words"},
      [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
        const std::vector<std::string> sections = scalars(params["sections"]);
        if (sections.empty()) {
          error(params, "需要 params.sections：要检查的章节 id 列表 (params.sections lists the section ids to check)");
          return nullptr;
        }
        const std::vector<std::string> substance = scalars(params["substance"]);
        std::vector<std::string> none_words;
        for (const std::string& w : scalars(params["none_words"]))
          none_words.push_back(without_punctuation(normalize_label(w)));
        if (!substance.empty() && none_words.empty()) {
          error(params, "有 substance 时需要 none_words（如 无、暂无） (substance needs none_words: 无, 暂无 …)");
          return nullptr;
        }
        // Ids the set does not have are not found in any report: sets that extend this one name them.
        return std::make_shared<SectionEmpty>(std::set<std::string>(sections.begin(), sections.end()),
                                              std::set<std::string>(substance.begin(), substance.end()),
                                              std::move(none_words));
      }});
  kinds.back().placeholders = {{"empty", {"section", "text"}}, {"none", {"section", "text"}}};
  kinds.back().finds =
      "a section with nothing under its heading, or only 无 where the template asks for substance (problems and "
      "improvements)";
  kinds.back().param_docs = {
      {"sections", "the ids of the sections that must not be empty"},
      {"substance", "the ids of those for which a word of `none_words` alone is no content either"},
      {"none_words", "what says nothing: 无, 暂无 … (compared without punctuation or blanks)"}};
}

}  // namespace gklint
