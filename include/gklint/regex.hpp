// Small helpers over RE2 for searching normalized text and reading named groups.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace gklint {

// Searches `text` from byte `from` to byte `to` (the end when npos; ^, $ and \b still see the whole
// text); on a match fills `groups` (0 = the whole match; an unmatched group is an empty view with
// data() == nullptr) and returns true.
inline bool re_search(const re2::RE2& re, std::string_view text, size_t from, std::vector<re2::StringPiece>& groups,
                      size_t to = std::string_view::npos) {
  groups.assign(re.NumberOfCapturingGroups() + 1, re2::StringPiece());
  return re.Match(re2::StringPiece(text.data(), text.size()), from, std::min(to, text.size()), re2::RE2::UNANCHORED,
                  groups.data(), static_cast<int>(groups.size()));
}

// Index of a named group, or -1.
inline int re_group(const re2::RE2& re, const std::string& name) {
  const auto& names = re.NamedCapturingGroups();
  auto it = names.find(name);
  return it == names.end() ? -1 : it->second;
}

// Byte offset of a group inside the text it was matched against.
inline size_t re_offset(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

}  // namespace gklint
