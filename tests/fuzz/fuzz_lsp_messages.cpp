// libFuzzer target: the language server's handling of messages. The input is one JSON-RPC body per
// line; each is framed (Content-Length) and sent after an initialize request, so the fuzzer spends
// its time on what the server does with messages rather than on the framing (fuzz_lsp_framing).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "gklint/lsp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string framed;
  auto frame = [&framed](std::string_view body) {
    framed += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    framed += body;
  };
  frame(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{}})");
  frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (int messages = 0; !rest.empty() && messages < 64; ++messages) {
    size_t end = rest.find('\n');
    frame(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  std::istringstream in(framed);
  std::ostringstream out;
  gklint::LanguageServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  options.max_message_bytes = size_t{1} << 20;
  gklint::run_language_server(in, out, options);
  return 0;
}
