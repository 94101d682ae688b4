#include "cli/messages.hpp"

namespace gklint::msg {

namespace {

std::string fill(const char* text, const std::vector<std::string>& args) {
  std::string out;
  size_t next = 0;
  for (const char* p = text; *p; ++p) {
    if (p[0] == '{' && p[1] == '}' && next < args.size()) {
      out += args[next++];
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace

std::string text(Lang lang, const Message& m, const std::vector<std::string>& args,
                 const std::vector<std::string>* en_args) {
  std::string en = fill(m.en, en_args ? *en_args : args);
  if (lang == Lang::en) return en;
  const std::string zh = fill(m.zh, args);
  return m.with_english ? zh + " (" + en + ")" : zh;
}

}  // namespace gklint::msg
