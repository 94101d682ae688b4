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

// "a b c" after "prefix", or nothing when `s` does not start with it.
bool after(const std::string& s, const std::string& prefix, std::string* rest) {
  if (s.compare(0, prefix.size(), prefix) != 0) return false;
  *rest = s.substr(prefix.size());
  return true;
}

// CLI11's English in Chinese, recognised by its wording (CLI11 2.x; its error classes do not tell
// them apart: an unexpected argument's error is named after the command). Anything else keeps a
// general lead-in; the English follows in every case.
std::string usage_error_zh(const std::string& what) {
  std::string rest;
  if (after(what, "The following argument was not expected: ", &rest) ||
      after(what, "The following arguments were not expected: ", &rest))
    return "无法识别的参数：" + rest;
  // Options that exclude each other: "--previous excludes --pair-years".
  if (const size_t at = what.find(" excludes "); what.starts_with("-") && at != std::string::npos)
    return what.substr(0, at) + " 与 " + what.substr(at + 10) + " 不能同时使用";
  if (what.ends_with(" is required") && what.find(' ') == what.size() - 12)
    return "缺少必需的参数：" + what.substr(0, what.size() - 12);
  // The rest name the option first: "--format: xml not in {text,json}".
  const size_t colon = what.find(": ");
  const std::string option = colon == std::string::npos ? "" : what.substr(0, colon);
  const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
  if (option.starts_with("-")) {
    const size_t not_in = detail.find(" not in {");
    if (not_in != std::string::npos && detail.back() == '}') {
      std::string choices = detail.substr(not_in + 9, detail.size() - not_in - 10);
      for (size_t i = 0; (i = choices.find(',', i)) != std::string::npos;) choices.replace(i, 1, "、");
      return option + " 的值“" + detail.substr(0, not_in) + "”无效，可选：" + choices;
    }
    std::string value;
    if (after(detail, "Value ", &value)) {
      const size_t range = value.find(" not in range ");
      const size_t to = value.find(" to ", range == std::string::npos ? 0 : range);
      if (range != std::string::npos && to != std::string::npos)
        return option + " 的值“" + value.substr(0, range) + "”应在 " + value.substr(range + 14, to - range - 14) +
               " 到 " + value.substr(to + 4) + " 之间";
    }
    if (after(detail, "Directory does not exist: ", &rest)) return option + "：文件夹不存在：" + rest;
    if (after(detail, "unknown encoding: ", &rest)) return option + "：未知的编码：" + rest;
    if (detail.find(" required ") != std::string::npos && detail.ends_with(" missing")) return option + " 后面缺少值";
    if (detail.starts_with("At Most ")) return option + " 给了太多次或太多值";
    return option + " 的值无效";
  }
  return "命令行有误";
}

}  // namespace

std::string usage_error(Lang lang, const std::string& what, const std::string& help) {
  if (lang == Lang::en) return what + "\nRun " + help + " --help for usage.";
  return usage_error_zh(what) + " (" + what + ")\n用法见 " + help + " --help";
}

std::string text(Lang lang, const Message& m, const std::vector<std::string>& args,
                 const std::vector<std::string>* en_args) {
  std::string en = fill(m.en, en_args ? *en_args : args);
  if (lang == Lang::en) return en;
  const std::string zh = fill(m.zh, args);
  return m.with_english ? zh + " (" + en + ")" : zh;
}

}  // namespace gklint::msg
