// JSON-RPC 2.0 framing as the Language Server Protocol uses it: each message is a header block
// ("Content-Length: N", optionally "Content-Type: …", each line ended by \r\n, then an empty line)
// followed by exactly N bytes of UTF-8 JSON.
#pragma once

#include <cstddef>
#include <istream>
#include <mutex>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace gklint::lsp {

enum class ReadStatus {
  message,     // `body` holds one message's bytes (not yet parsed as JSON)
  eof,         // the stream ended, before or inside a message: the server stops
  bad_header,  // a header block without a usable Content-Length; `error` says why. Reading may go on
};

struct ReadResult {
  ReadStatus status = ReadStatus::eof;
  std::string body;
  std::string error;
};

// Reads one message, never past its end, so a blocking stream is never read ahead of what the
// client sent. Memory is bounded by what actually arrives: a header line is kept up to 64 KiB, a
// Content-Length above `max_body` is refused as a bad header, and the body is read in chunks, so
// a lying length followed by EOF allocates only what came.
//
// After a bad header the next read resynchronises at the next "Content-Length:" seen, even in the
// middle of a line (the unread body of the bad message runs into the next header, as bodies have no
// line end of their own).
ReadResult read_message(std::istream& in, size_t max_body);

// Writes messages whole, one at a time, from any thread.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void send(const nlohmann::json& message);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace gklint::lsp
