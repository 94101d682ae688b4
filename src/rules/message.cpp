#include "rules/check.hpp"

namespace gklint {

std::string fill_template(const std::string& tmpl, const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      size_t close = tmpl.find('}', i);
      if (close != std::string::npos) {
        std::string_view name(tmpl.data() + i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

Diagnostic make_diagnostic(const Rule& rule, const CheckContext& ctx, const std::string& kind, const std::string& key,
                           Span span, const std::vector<std::pair<std::string, std::string>>& args) {
  Diagnostic d;
  d.rule = rule.id;
  d.kind = kind;
  d.severity = rule.severity;
  d.span = span;
  d.message = fill_template(rule.message(key).in(ctx.lang), args);
  d.cite = rule.cite;
  return d;
}

const Text& Rule::message(const std::string& key) const {
  static const Text kEmpty;
  auto it = messages.find(key);
  return it == messages.end() ? kEmpty : it->second;
}

}  // namespace gklint
