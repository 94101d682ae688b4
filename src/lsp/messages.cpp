#include "lsp/messages.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace gklint::lsp {

using json = nlohmann::json;

const json& member(const json& j, const char* key) {
  if (!j.is_object()) throw BadParams(std::string("expected an object holding \"") + key + "\"");
  const auto it = j.find(key);
  if (it == j.end()) throw BadParams(std::string("missing \"") + key + "\"");
  return *it;
}

std::string string_member(const json& j, const char* key) {
  const json& v = member(j, key);
  if (!v.is_string()) throw BadParams(std::string("\"") + key + "\" must be a string");
  return v.get<std::string>();
}

uint32_t uint_member(const json& j, const char* key) {
  const json& v = member(j, key);
  if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > UINT32_MAX) {
    throw BadParams(std::string("\"") + key + "\" must be a non-negative integer");
  }
  return v.get<uint32_t>();
}

LspPosition position_member(const json& j, const char* key) {
  const json& p = member(j, key);
  return {uint_member(p, "line"), uint_member(p, "character")};
}

std::string uri_to_path(const std::string& uri) {
  if (!uri.starts_with("file://")) return uri;
  std::string_view rest = std::string_view(uri).substr(7);
  if (const size_t slash = rest.find('/'); slash != std::string_view::npos) rest.remove_prefix(slash);  // the host
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) && hex(rest[i + 2])) {
      out.push_back(static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(rest[i]);
    }
  }
  return out;
}

std::string path_to_uri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (const char c : path) {
    const auto b = static_cast<unsigned char>(c);
    if ((std::isalnum(b) && b < 0x80) || std::string_view("-._~/").find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::string markdown_text(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "  \n";  // a hard line break
      continue;
    }
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace gklint::lsp
