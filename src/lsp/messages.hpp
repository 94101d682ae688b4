// What the server reads out of a message's params, and the text it puts into its answers. A
// member of the wrong shape throws BadParams, which the server answers with InvalidParams.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "lsp/positions.hpp"

namespace gklint::lsp {

// A request's params that do not have the shape the method needs.
struct BadParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const nlohmann::json& member(const nlohmann::json& j, const char* key);
std::string string_member(const nlohmann::json& j, const char* key);
uint32_t uint_member(const nlohmann::json& j, const char* key);
LspPosition position_member(const nlohmann::json& j, const char* key);

// "file:///home/a/%E6%8A%A5%E5%91%8A.txt" -> "/home/a/报告.txt". Other schemes (an editor's
// unsaved "untitled:Untitled-1") are kept whole: the path only names the document and, by its
// extension, says whether it is HTML.
std::string uri_to_path(const std::string& uri);

// "/home/a/报告.txt" -> "file:///home/a/%E6%8A%A5%E5%91%8A.txt": every byte but letters, digits,
// "-._~/" percent-encoded.
std::string path_to_uri(const std::string& path);

// Whether `s` ends with `suffix` (written in lower case), whatever the case of its ASCII letters.
bool ends_with_ci(std::string_view s, std::string_view suffix);

// Plain text (a message, a rule's doc) shown as Markdown: as written, each line its own.
std::string markdown_text(std::string_view s);

}  // namespace gklint::lsp
