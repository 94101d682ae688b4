// libFuzzer target: the language server's JSON-RPC framing on whatever a client sends.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/jsonrpc.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  for (int i = 0; i < 64; ++i) {
    gklint::lsp::ReadResult r = gklint::lsp::read_message(in, 1 << 20);
    if (r.status == gklint::lsp::ReadStatus::eof) break;
    if (r.status == gklint::lsp::ReadStatus::message) (void)nlohmann::json::parse(r.body, nullptr, false);
  }
  return 0;
}
