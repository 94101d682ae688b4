#include "lsp/jsonrpc.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace gklint::lsp {

namespace {

constexpr size_t kMaxHeaderLine = size_t{64} * 1024;     // longer lines are garbage; the excess is skipped
constexpr size_t kMaxHeaderBlock = size_t{1024} * 1024;  // a header block that never ends is given up on
constexpr size_t kChunk = size_t{64} * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A Content-Length value: decimal digits only, at most `max`.
bool parse_length(std::string_view v, size_t max, size_t* out) {
  v = trim(v);
  if (v.empty() || v.size() > 19) return false;
  size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (n > max) return false;
  *out = n;
  return true;
}

}  // namespace

ReadResult read_message(std::istream& in, size_t max_body) {
  std::streambuf* buf = in.rdbuf();
  bool have_length = false, seen_header = false;
  size_t length = 0, block = 0;
  std::string problem;
  for (;;) {
    // One header line, ended by \n (a \r before it is dropped below); only its start is kept.
    std::string line;
    bool too_long = false;
    for (;;) {
      const int c = buf->sbumpc();
      if (c == std::char_traits<char>::eof()) return {ReadStatus::eof, {}, {}};
      if (++block > kMaxHeaderBlock) return {ReadStatus::bad_header, {}, "header block too large"};
      if (c == '\n') break;
      if (line.size() < kMaxHeaderLine)
        line.push_back(static_cast<char>(c));
      else
        too_long = true;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!seen_header) continue;  // stray line ends between messages
      break;
    }
    seen_header = true;
    if (too_long) {
      problem = "header line too long";
      continue;
    }
    // Found anywhere in the line: after a bad header, the next message's header may follow the
    // previous body on the same line.
    const std::string key = lower(line);
    const size_t at = key.find("content-length:");
    if (at != std::string::npos) {
      size_t n = 0;
      if (parse_length(std::string_view(line).substr(at + 15), max_body, &n)) {
        have_length = true;
        length = n;
      } else {
        have_length = false;
        problem = "invalid Content-Length: " + std::string(trim(std::string_view(line).substr(at + 15))).substr(0, 40);
      }
    } else if (line.find(':') == std::string::npos) {
      problem = "not a header line";
    }
    // Content-Type and any other header are accepted and ignored: the body is always UTF-8.
  }
  if (!have_length) return {ReadStatus::bad_header, {}, problem.empty() ? "no Content-Length header" : problem};

  ReadResult r{ReadStatus::message, {}, {}};
  // Grown as bytes arrive, never reserved from the header's word.
  char chunk[kChunk];
  while (r.body.size() < length) {
    const std::streamsize want = static_cast<std::streamsize>(std::min(kChunk, length - r.body.size()));
    const std::streamsize got = buf->sgetn(chunk, want);
    if (got <= 0) return {ReadStatus::eof, {}, {}};
    r.body.append(chunk, static_cast<size_t>(got));
  }
  return r;
}

void Writer::send(const nlohmann::json& message) {
  // Invalid UTF-8 cannot come from the client's text, but a message is never dropped for it.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

}  // namespace gklint::lsp
