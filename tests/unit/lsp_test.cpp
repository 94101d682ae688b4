// The language server driven in-process, the way an editor drives `gklint lsp`: JSON-RPC messages
// into a blocking pipe, the server on its own thread, its messages read back with a timeout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>

#include "gklint/lint.hpp"
#include "gklint/lsp.hpp"
#include "lsp/config_edit.hpp"

using namespace gklint;
using json = nlohmann::json;

namespace {

constexpr auto kTimeout = std::chrono::seconds(30);  // generous: valgrind runs these too

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The server's standard input: write() from the test, reads block until bytes come or close().
class InputPipe : public std::streambuf {
 public:
  void write(const std::string& s) {
    std::lock_guard<std::mutex> lock(mutex_);
    data_ += s;
    cv_.notify_all();
  }
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    cv_.notify_all();
  }

 protected:
  int_type underflow() override {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return !data_.empty() || closed_; });
    if (data_.empty()) return traits_type::eof();
    buffer_.swap(data_);
    data_.clear();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string data_;    // written, not yet read
  std::string buffer_;  // the get area, the reader's alone
  bool closed_ = false;
};

// The server's standard output: collects bytes and cuts them into messages.
class OutputCapture : public std::streambuf {
 public:
  // The next whole message, or nullopt after the timeout.
  std::optional<json> next(std::chrono::steady_clock::duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    std::optional<json> found;
    cv_.wait_for(lock, timeout, [&] { return (found = take()).has_value(); });
    return found;
  }
  std::string raw() {
    std::lock_guard<std::mutex> lock(mutex_);
    return all_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      const char ch = traits_type::to_char_type(c);
      xsputn(&ch, 1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mutex_);
    data_.append(s, static_cast<size_t>(n));
    all_.append(s, static_cast<size_t>(n));
    cv_.notify_all();
    return n;
  }

 private:
  // One framed message from the front of data_, if it is all there.
  std::optional<json> take() {
    const size_t end = data_.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    const std::string header = data_.substr(0, end);
    if (!header.starts_with("Content-Length: ")) FAIL("the server wrote a header without Content-Length: " << header);
    const size_t length = std::stoul(header.substr(16));
    if (data_.size() < end + 4 + length) return std::nullopt;
    json j = json::parse(data_.substr(end + 4, length));
    data_.erase(0, end + 4 + length);
    return j;
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::string data_;
  std::string all_;
};

// A client session with a server running on its own thread.
class Session {
 public:
  explicit Session(LanguageServerOptions options = quick()) : options_(std::move(options)) {
    thread_ = std::thread([this] { exit_code_ = run_language_server(in_, out_, options_); });
  }
  ~Session() {
    in_buf_.close();
    if (thread_.joinable()) thread_.join();
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  static LanguageServerOptions quick() {
    LanguageServerOptions o;
    o.debounce = std::chrono::milliseconds(50);
    return o;
  }

  void raw(const std::string& bytes) { in_buf_.write(bytes); }
  void send(const json& j) { raw(frame(j.dump())); }
  void notify(const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // The next message the server sends, whatever it is.
  json next() {
    std::optional<json> m = out_buf_.next(kTimeout);
    REQUIRE_MESSAGE(m.has_value(), "no message from the server in time");
    return *m;
  }
  // A request and its response (notifications sent in between are kept for next()).
  json request(int id, const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return response(id);
  }
  json response(const json& id) {
    for (;;) {
      json m = next();
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
      pending_.push_back(std::move(m));
    }
  }
  // The next publishDiagnostics for `uri`.
  json diagnostics(const std::string& uri) {
    for (size_t i = 0; i < pending_.size(); ++i) {
      if (pending_[i].value("method", "") == "textDocument/publishDiagnostics" && pending_[i]["params"]["uri"] == uri) {
        json m = pending_[i];
        pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(i));
        return m["params"];
      }
    }
    for (;;) {
      json m = next();
      if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) return m["params"];
      pending_.push_back(std::move(m));
    }
  }
  json initialize(json params = {{"capabilities", json::object()}}) {
    json r = request(1, "initialize", std::move(params));
    notify("initialized");
    return r;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "text"}, {"version", version}, {"text", text}}}});
  }
  // Closes standard input (if the server is still reading) and returns its exit code.
  int finish() {
    in_buf_.close();
    thread_.join();
    return exit_code_;
  }
  std::string output() { return out_buf_.raw(); }
  std::vector<json>& pending() { return pending_; }

 private:
  LanguageServerOptions options_;
  InputPipe in_buf_;
  OutputCapture out_buf_;
  std::istream in_{&in_buf_};
  std::ostream out_{&out_buf_};
  std::thread thread_;
  int exit_code_ = -1;
  std::vector<json> pending_;
};

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Seed 001 (a 2020 report: a year typo at the end of line 1, table sums at line 62) with 𠀀
// (U+20000, two UTF-16 units, four UTF-8 bytes) put into line 1 before the typo.
const std::string& seed_text() {
  static const std::string text = [] {
    std::string t = read_file(std::string(GKLINT_SOURCE_DIR) + "/tests/fixtures/seeds/001_216a20324a3be511.txt");
    REQUIRE(!t.empty());
    // After the first 50 characters of line 1 (all of them are 3-byte UTF-8 here or ASCII).
    size_t at = 0;
    for (int n = 0; n < 50; ++n) at += t[at] & 0x80 ? ((t[at] & 0xF0) == 0xE0 ? 3 : 2) : 1;
    t.insert(at, "\xF0\xA0\x80\x80");
    return t;
  }();
  return text;
}

const std::string kUri = "file:///tmp/gklint-lsp/001.txt";

// The first published diagnostic of a rule (the seed's year typo is not its first finding).
json with_code(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics) {
    if (d["code"] == code) return d;
  }
  return json();
}

std::vector<std::string> split_lines(const std::string& t) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n')))
      lines.emplace_back();
    else if (t[i] != '\r')
      lines.back() += t[i];
  }
  return lines;
}

// The UTF-16 length of the first `n` code points of a line (the test's own count).
uint32_t utf16_prefix(const std::string& line, uint32_t n) {
  uint32_t units = 0;
  for (size_t i = 0; i < line.size() && n > 0; --n) {
    const auto c = static_cast<unsigned char>(line[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

// What gklint itself finds in `text`, as LSP would place it: {rule, line, start char, end char}.
std::vector<std::tuple<std::string, uint32_t, uint32_t, uint32_t>> expected_findings(const std::string& path,
                                                                                     const std::string& text) {
  Catalog catalog;
  LintOptions o;
  o.encoding = "UTF-8";
  const FileResult r = Linter(catalog, nullptr, o).lint(path, text);
  const std::vector<std::string> lines = split_lines(text);
  std::vector<std::tuple<std::string, uint32_t, uint32_t, uint32_t>> out;
  for (const Diagnostic& d : r.diagnostics) {
    const Position b = r.source->position(d.span.begin), e = r.source->position(d.span.end);
    REQUIRE(b.line == e.line);  // so the comparison below stays simple
    out.emplace_back(d.rule, b.line - 1, utf16_prefix(lines[b.line - 1], b.column - 1),
                     utf16_prefix(lines[e.line - 1], e.column - 1));
  }
  return out;
}

}  // namespace

TEST_CASE("lsp: initialize, initialized, shutdown, exit") {
  Session s;
  const json init = s.initialize();
  CHECK(init["jsonrpc"] == "2.0");
  CHECK(init["id"] == 1);
  const json& caps = init["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["textDocumentSync"] == json{{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}});
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["codeActionProvider"] == json{{"codeActionKinds", {"quickfix"}}});
  CHECK(init["result"]["serverInfo"]["name"] == "gklint");
  const json shutdown = s.request(2, "shutdown");
  CHECK(shutdown["result"].is_null());
  CHECK(!shutdown.contains("error"));
  // After shutdown every request is an invalid request.
  CHECK(s.request(3, "textDocument/hover")["error"]["code"] == -32600);
  s.notify("exit");
  CHECK(s.finish() == 0);
}

TEST_CASE("lsp: exit codes") {
  SUBCASE("exit without shutdown") {
    Session s;
    s.initialize();
    s.notify("exit");
    CHECK(s.finish() == 1);
  }
  SUBCASE("end of input without shutdown") {
    Session s;
    s.initialize();
    CHECK(s.finish() == 1);
  }
  SUBCASE("end of input after shutdown") {
    Session s;
    s.initialize();
    s.request(2, "shutdown");
    CHECK(s.finish() == 0);
  }
  SUBCASE("exit before initialize") {
    Session s;
    s.notify("exit");
    CHECK(s.finish() == 1);
  }
  SUBCASE("end of input in the middle of a message") {
    Session s;
    s.initialize();
    s.raw("Content-Length: 100\r\n\r\n{\"jsonrpc\":");
    CHECK(s.finish() == 1);
  }
  SUBCASE("end of input in the middle of a header") {
    Session s;
    s.raw("Content-Len");
    CHECK(s.finish() == 1);
  }
}

TEST_CASE("lsp: over string streams, all input at once") {
  std::istringstream in(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                        frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") +
                        frame(R"({"jsonrpc":"2.0","id":"two","method":"shutdown"})") +
                        frame(R"({"jsonrpc":"2.0","method":"exit"})") +
                        frame(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})"));
  std::ostringstream out;
  CHECK(run_language_server(in, out) == 0);
  const std::string o = out.str();
  CHECK(o.starts_with("Content-Length: "));
  CHECK(o.find(R"("id":"two")") != std::string::npos);  // string ids are echoed as strings
  CHECK(o.find(R"("id":3)") == std::string::npos);      // nothing is read after exit
}

TEST_CASE("lsp: requests before initialize") {
  Session s;
  const json r = s.request(7, "textDocument/hover",
                           {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(r["id"] == 7);
  CHECK(r["error"]["code"] == -32002);
  s.open(kUri, seed_text());  // dropped: not initialized
  s.initialize();
  CHECK(s.request(2, "initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);
  // The didOpen was dropped: hover finds no document.
  CHECK(s.request(3, "textDocument/hover",
                  {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 204}}}})["result"]
            .is_null());
}

TEST_CASE("lsp: didOpen publishes gklint's findings at exact UTF-16 positions") {
  Session s;
  s.initialize();
  s.open(kUri, seed_text(), 3);
  const json p = s.diagnostics(kUri);
  CHECK(p["version"] == 3);
  const json& diags = p["diagnostics"];
  const auto expected = expected_findings("/tmp/gklint-lsp/001.txt", seed_text());
  REQUIRE(diags.size() == expected.size());
  REQUIRE(diags.size() >= 3);
  for (size_t i = 0; i < diags.size(); ++i) {
    // Not a structured binding: CAPTURE captures `rule` in a lambda, which clang before 16 refuses.
    const std::string& rule = std::get<0>(expected[i]);
    const uint32_t line = std::get<1>(expected[i]), start = std::get<2>(expected[i]), end = std::get<3>(expected[i]);
    CAPTURE(rule);
    CHECK(diags[i]["code"] == rule);
    CHECK(diags[i]["source"] == "gklint");
    CHECK(diags[i]["range"]["start"]["line"] == line);
    CHECK(diags[i]["range"]["start"]["character"] == start);
    CHECK(diags[i]["range"]["end"]["line"] == line);
    CHECK(diags[i]["range"]["end"]["character"] == end);
    CHECK(!diags[i].contains("codeDescription"));
  }

  // The year typo "20120年度" on line 1 after 𠀀: gklint's column 204 counts 203 code points
  // before it, 𠀀 among them, which is 204 UTF-16 units.
  const auto typo_at = std::find_if(diags.begin(), diags.end(), [](const json& d) { return d["code"] == "year.typo"; });
  REQUIRE(typo_at != diags.end());
  const json& typo = *typo_at;
  CHECK(typo["severity"] == 2);
  CHECK(typo["range"] ==
        json{{"start", {{"line", 0}, {"character", 204}}}, {"end", {{"line", 0}, {"character", 209}}}});
  CHECK(typo["message"].get<std::string>().find("20120") != std::string::npos);
  CHECK(typo["data"]["kind"] == "year-mismatch");
  CHECK(typo["data"]["problem"] == "typo");

  // A table sum at line 62: an error, with every contributing cell as related information.
  const json* sum = nullptr;
  for (const json& d : diags) {
    if (d["code"] == "table.results-total") {
      sum = &d;
      break;
    }
  }
  REQUIRE(sum);
  CHECK((*sum)["severity"] == 1);
  CHECK((*sum)["range"]["start"] == json{{"line", 61}, {"character", 8}});
  CHECK((*sum)["data"]["kind"] == "table-sum");
  CHECK((*sum)["data"]["table"] == "applications");
  CHECK((*sum)["data"]["expected"].is_number());
  CHECK((*sum)["data"]["actual"] == 1);
  const json& related = (*sum)["relatedInformation"];
  REQUIRE(related.size() == 19);
  for (const json& r : related) {
    CHECK(r["location"]["uri"] == kUri);
    CHECK(r["message"].get<std::string>().find(" = ") != std::string::npos);
  }
}

TEST_CASE("lsp: position encodings offered by the client") {
  SUBCASE("utf-32 only: code points") {
    Session s;
    const json init = s.initialize({{"capabilities", {{"general", {{"positionEncodings", {"utf-32"}}}}}}});
    CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-32");
    s.open(kUri, seed_text());
    CHECK(with_code(s.diagnostics(kUri)["diagnostics"], "year.typo")["range"]["start"]["character"] == 203);
  }
  SUBCASE("utf-8 only: bytes") {
    Session s;
    const json init = s.initialize({{"capabilities", {{"general", {{"positionEncodings", {"utf-8"}}}}}}});
    CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-8");
    s.open(kUri, seed_text());
    const std::string line1 = split_lines(seed_text())[0];
    const size_t at = line1.find("20120");
    REQUIRE(at != std::string::npos);
    CHECK(with_code(s.diagnostics(kUri)["diagnostics"], "year.typo")["range"]["start"]["character"] == at);
  }
  SUBCASE("utf-16 preferred when offered") {
    Session s;
    const json init = s.initialize({{"capabilities", {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}}});
    CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  }
}

TEST_CASE("lsp: didChange, didSave, didClose") {
  LanguageServerOptions o = Session::quick();
  o.debounce = std::chrono::milliseconds(300);  // the three changes below come well within it, even under valgrind
  Session s(o);
  s.initialize();
  s.open(kUri, seed_text(), 1);
  const size_t before = s.diagnostics(kUri)["diagnostics"].size();

  // Three quick changes: one lint, of the last (the first two are superseded while pending).
  std::string fixed = seed_text();
  fixed.replace(fixed.find("20120"), 5, "2020");
  for (int v = 2; v <= 4; ++v) {
    const std::string text = v == 4 ? fixed : seed_text() + std::string(static_cast<size_t>(v), '\n');
    s.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", v}}}, {"contentChanges", {{{"text", text}}}}});
  }
  const json p = s.diagnostics(kUri);
  CHECK(p["version"] == 4);
  CHECK(p["diagnostics"].size() == before - 1);
  for (const json& d : p["diagnostics"]) CHECK(d["code"] != "year.typo");

  // didSave lints at once; the text is unchanged, so are the findings.
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", kUri}}}});
  CHECK(s.diagnostics(kUri)["diagnostics"].size() == before - 1);

  // A change that comes with a range (not what the server asked for) is still applied.
  const json at_start = {{"line", 0}, {"character", 0}};
  const json insert = {{"range", {{"start", at_start}, {"end", at_start}}}, {"text", "\xF0\xA0\x80\x80"}};
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", kUri}, {"version", 5}}}, {"contentChanges", json::array({insert})}});
  const json q = s.diagnostics(kUri);
  CHECK(q["version"] == 5);

  s.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  const json closed = s.diagnostics(kUri);
  CHECK(closed["diagnostics"] == json::array());
  CHECK(s.request(9, "shutdown")["result"].is_null());
  s.notify("exit");
  CHECK(s.finish() == 0);
}

TEST_CASE("lsp: hover shows the rule's doc and basis") {
  Session s;
  s.initialize();
  s.open(kUri, seed_text());
  s.diagnostics(kUri);
  const auto hover = [&](int id, uint32_t line, uint32_t character) {
    return s.request(
        id, "textDocument/hover",
        {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", character}}}})["result"];
  };
  const json h = hover(2, 0, 205);  // inside the year typo
  REQUIRE(h.is_object());
  CHECK(h["contents"]["kind"] == "markdown");
  const std::string md = h["contents"]["value"];
  CHECK(md.find("`year.typo`") != std::string::npos);
  CHECK(md.find("依据：") != std::string::npos);
  CHECK(h["range"]["start"]["character"] == 204);
  // The rule's doc from the rule set the report was checked with (a 2020 report: gov-2019).
  Catalog catalog;
  std::vector<RuleError> errors;
  const auto set = catalog.get("gov-2019", &errors);
  REQUIRE(set);
  for (const Rule& r : set->rules) {
    if (r.id == "year.typo") CHECK(md.find(r.doc.zh.substr(0, r.doc.zh.find('\n'))) != std::string::npos);
  }
  CHECK(hover(3, 0, 203).is_null());  // the character before the finding
  CHECK(hover(4, 2, 0).is_null());
  CHECK(hover(5, 5000, 0).is_null());
  const json bad = s.request(6, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}});
  CHECK(bad["error"]["code"] == -32602);
}

TEST_CASE("lsp: rules, year and lang from initializationOptions") {
  SUBCASE("a built-in set and English") {
    Session s;
    s.initialize(
        {{"capabilities", json::object()}, {"initializationOptions", {{"rules", "gov-2007"}, {"lang", "en"}}}});
    s.open(kUri, seed_text());
    bool told = false;
    const json published = s.diagnostics(kUri);  // kept: a range-for over a temporary's member would dangle
    for (const json& d : published["diagnostics"]) {
      if (d["code"] == "ruleset.year") told = true;  // gov-2007 named for a 2020 report
    }
    CHECK(told);
    const std::string md = s.request(2, "textDocument/hover",
                                     {{"textDocument", {{"uri", kUri}}},
                                      {"position", {{"line", 0}, {"character", 205}}}})["result"]["contents"]["value"];
    CHECK(md.find("Basis: ") != std::string::npos);
  }
  SUBCASE("a rule file that cannot be loaded: said, and the sets are chosen by year") {
    Session s;
    s.send({{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params",
             {{"capabilities", json::object()},
              {"initializationOptions", {{"rules", "no-such-rules.yaml"}, {"year", "x"}}}}}});
    std::vector<json> shown;
    json r;
    for (;;) {
      json m = s.next();
      if (m.contains("id")) {
        r = m;
        break;
      }
      shown.push_back(m);
    }
    CHECK(r["result"]["capabilities"]["hoverProvider"] == true);
    REQUIRE(shown.size() == 2);  // the year, the rule file
    for (const json& m : shown) CHECK(m["method"] == "window/showMessage");
    CHECK(shown[1]["params"]["type"] == 1);
    s.open(kUri, seed_text());
    CHECK(with_code(s.diagnostics(kUri)["diagnostics"], "year.typo").is_object());
  }
  SUBCASE("--rules on the command line that cannot be loaded") {
    LanguageServerOptions o;
    o.rules = "no-such-rules.yaml";
    std::istringstream in;
    std::ostringstream out;
    CHECK(run_language_server(in, out, o) == 2);
    CHECK(out.str().empty());
  }
}

TEST_CASE("lsp: a document's .gklint.yaml applies, as on the command line") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gklint-lsp-config";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "strict");
  std::ofstream(dir / ".gklint.yaml") << "disable: [year.typo]\nseverity:\n  heading.numbering: error\n";
  std::ofstream(dir / "strict" / ".gklint.yaml") << "disable: [no.such.rule]\n";
  Session s;
  s.initialize({{"capabilities", json::object()}});
  const std::string uri = "file://" + (dir / "001.txt").string();
  s.open(uri, seed_text());
  const json published = s.diagnostics(uri);
  bool typo = false, numbering_error = false;
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == "year.typo") typo = true;
    if (d["code"] == "heading.numbering" && d["severity"] == 1) numbering_error = true;
  }
  CHECK_FALSE(typo);
  CHECK(numbering_error);
  // A config with an error is shown, and the document is linted without it.
  const std::string strict = "file://" + (dir / "strict" / "001.txt").string();
  s.open(strict, seed_text());
  json shown;
  for (;;) {
    json m = s.next();
    if (m.value("method", "") == "window/showMessage")
      shown = m;
    else if (m.value("method", "") == "textDocument/publishDiagnostics") {
      CHECK(with_code(m["params"]["diagnostics"], "year.typo").is_object());
      break;
    }
  }
  CHECK(shown["params"]["message"].get<std::string>().find("no.such.rule") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("lsp: an HTML document is read as HTML, positions in its source") {
  const std::string uri = "file:///tmp/gklint-lsp/report.html";
  const std::string html =
      "<html><head><meta charset=\"gb2312\"><title>t</title></head><body>\n"
      "<p>𠀀某县2021年政府信息公开工作年度报告</p>\n"
      "<p>统计期限自2021年1月1日起至2021年12月31</p>\n"
      "<h2>一、总体情况</h2>\n"
      "</body></html>\n";
  Session s;
  s.initialize();
  s.open(uri, html);
  const json diags = s.diagnostics(uri)["diagnostics"];
  const auto expected = expected_findings("/tmp/gklint-lsp/report.html", html);
  REQUIRE(diags.size() == expected.size());
  REQUIRE(!diags.empty());
  for (size_t i = 0; i < diags.size(); ++i) {
    CHECK(diags[i]["code"] == std::get<0>(expected[i]));
    CHECK(diags[i]["range"]["start"]["line"] == std::get<1>(expected[i]));
    CHECK(diags[i]["range"]["start"]["character"] == std::get<2>(expected[i]));
  }
}

TEST_CASE("lsp: bad messages are answered, and the server reads on") {
  LanguageServerOptions o = Session::quick();
  o.max_message_bytes = 1 << 20;
  Session s(o);
  s.initialize();
  const auto works = [&](int id) {
    const json r = s.request(id, "shutdown-probe");
    CHECK(r["error"]["code"] == -32601);  // unknown method: the server is still in step
  };

  SUBCASE("malformed JSON") {
    s.raw(frame("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": "));
    const json r = s.next();
    CHECK(r["error"]["code"] == -32700);
    CHECK(r["id"].is_null());
    works(10);
  }
  SUBCASE("invalid UTF-8 in a string") {
    s.raw(frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"a\xff\"}"));
    CHECK(s.next()["error"]["code"] == -32700);
    works(10);
  }
  SUBCASE("unknown request, $/ request, unknown notification") {
    const json r = s.request(5, "textDocument/definition", {{"textDocument", {{"uri", kUri}}}});
    CHECK(r["error"]["code"] == -32601);
    CHECK(s.request(6, "$/something")["error"]["code"] == -32601);
    s.notify("$/cancelRequest", {{"id", 5}});
    s.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
    s.notify("textDocument/didChange",
             {{"textDocument", {{"uri", "file:///not/open.txt"}}}, {"contentChanges", json::array()}});
    works(10);
    CHECK(s.pending().empty());  // no answer to any notification
  }
  SUBCASE("invalid requests") {
    s.send({{"jsonrpc", "2.0"}, {"id", 5}});  // no method
    CHECK(s.next() ==
          json{{"jsonrpc", "2.0"},
               {"id", 5},
               {"error", {{"code", -32600}, {"message", "not a valid JSON-RPC 2.0 request or notification"}}}});
    s.send({{"jsonrpc", "1.0"}, {"id", 6}, {"method", "shutdown"}});
    CHECK(s.next()["error"]["code"] == -32600);
    s.send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"method", "shutdown"}});
    const json r = s.next();
    CHECK(r["error"]["code"] == -32600);
    CHECK(r["id"].is_null());
    s.send({{"jsonrpc", "2.0"}, {"id", 8}, {"method", "shutdown"}, {"params", 3}});
    CHECK(s.next()["error"]["code"] == -32600);
    s.raw(frame("[]"));
    CHECK(s.next()["error"]["code"] == -32600);
    s.raw(frame("42"));
    CHECK(s.next()["error"]["code"] == -32600);
    s.send({{"jsonrpc", "2.0"}, {"id", 9}, {"result", nullptr}});  // a response: ignored
    works(10);
  }
  SUBCASE("a garbage Content-Length") {
    s.raw("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}");
    const json r = s.next();
    CHECK(r["error"]["code"] == -32700);
    CHECK(r["id"].is_null());
    works(10);
  }
  SUBCASE("a Content-Length that overflows, and one above the limit") {
    s.raw("Content-Length: 99999999999999999999999\r\n\r\n");
    CHECK(s.next()["error"]["code"] == -32700);
    s.raw("Content-Length: 2000000\r\n\r\n");
    CHECK(s.next()["error"]["code"] == -32700);
    works(10);
  }
  SUBCASE("no Content-Length, a header line of 200 KB, a line that is not a header") {
    s.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
    CHECK(s.next()["error"]["code"] == -32700);
    s.raw("X-Junk: " + std::string(200000, 'x') + "\r\n\r\n");
    CHECK(s.next()["error"]["code"] == -32700);
    s.raw("hello\r\n\r\n");
    CHECK(s.next()["error"]["code"] == -32700);
    works(10);
  }
  SUBCASE("Content-Type accepted, bare \\n line ends, blank lines between messages") {
    const std::string body = R"({"jsonrpc":"2.0","id":5,"method":"nothing"})";
    s.raw("\r\n\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: " +
          std::to_string(body.size()) + "\n\n" + body);
    CHECK(s.response(5)["error"]["code"] == -32601);
    works(10);
  }
  SUBCASE("a message in one-byte pieces") {
    const std::string m = frame(R"({"jsonrpc":"2.0","id":5,"method":"nothing"})");
    for (char c : m) s.raw(std::string(1, c));
    CHECK(s.response(5)["error"]["code"] == -32601);
  }
  SUBCASE("large bodies") {
    // 900 KB in one message (a request whose answer is cheap), then a 200 KB document to lint:
    // bodies are read whole, whatever their size below the limit, across many reads.
    s.send({{"jsonrpc", "2.0"}, {"id", 5}, {"method", "nothing"}, {"params", {{"padding", std::string(900000, 'x')}}}});
    CHECK(s.response(5)["error"]["code"] == -32601);
    std::string big = seed_text();
    while (big.size() < 200000) big += "\n三是加强政府信息公开工作的日常管理，确保信息及时、准确、完整地公开。";
    s.open(kUri, big);
    CHECK(s.diagnostics(kUri)["diagnostics"].size() >= 3);
    works(10);
  }
}

TEST_CASE("lsp: hostile clients: a negative length, a burst of changes, an oversized open, requests after shutdown") {
  LanguageServerOptions o = Session::quick();
  o.max_message_bytes = 16 << 20;
  Session s(o);
  s.initialize();
  const auto works = [&](int id) { CHECK(s.request(id, "shutdown-probe")["error"]["code"] == -32601); };

  // A negative Content-Length is no length: refused, and the server reads on.
  s.raw("Content-Length: -5\r\n\r\n");
  CHECK(s.next()["error"]["code"] == -32700);
  works(10);

  // 10,000 changes in a burst: one lint of the last, nothing queued without bound.
  s.open(kUri, "2020年政府信息公开工作年度报告\n", 1);
  (void)s.diagnostics(kUri);
  for (int v = 2; v <= 10001; ++v) {
    s.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", v}}},
              {"contentChanges", {{{"text", "2020年政府信息公开工作年度报告\n" + std::to_string(v) + "\n"}}}}});
  }
  json p = s.diagnostics(kUri);
  while (p["version"] != 10001) p = s.diagnostics(kUri);  // a lint started mid-burst may report first
  CHECK(p["version"] == 10001);
  works(11);

  // A 20 MB didOpen above the server's limit: refused as a whole message, the server reads on.
  s.open("file:///big.txt", std::string(20 << 20, 'x'));
  CHECK(s.next()["error"]["code"] == -32700);
  works(12);

  // After shutdown, requests are invalid (LSP: InvalidRequest) and exit ends with 0.
  CHECK(s.request(13, "shutdown")["result"].is_null());
  CHECK(s.request(14, "textDocument/hover",
                  {{"textDocument", {{"uri", kUri}}},
                   {"position", {{"line", 0}, {"character", 0}}}})["error"]["code"] == -32600);
  s.notify("exit");
  CHECK(s.finish() == 0);
}

namespace {

// A folder of its own below the temporary folder, removed at the end of the test.
struct TempFolder {
  explicit TempFolder(const std::string& name) : path(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string uri(const std::string& name) const { return "file://" + (path / name).string(); }
  void write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
  std::filesystem::path path;
};

bool has_rule(const json& published, const std::string& rule) {
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == rule) return true;
  }
  return false;
}

// The message of the first finding of `rule`, or "".
std::string message_of(const json& published, const std::string& rule) {
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == rule) return d["message"];
  }
  return "";
}

// A client that can do what the server makes use of.
json full_capabilities() {
  return {{"workspace",
           {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}},
            {"configuration", true},
            {"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create", "rename", "delete"}}}}}},
          {"textDocument",
           {{"codeAction", {{"codeActionLiteralSupport", {{"codeActionKind", {{"valueSet", {"quickfix"}}}}}}}}}}};
}

// Applies one TextEdit (LSP positions; the test's texts are ASCII, so characters are bytes).
std::string apply_edit(const std::string& text, const json& edit) {
  const auto offset = [&](const json& p) {
    size_t at = 0;
    for (int line = p["line"]; line > 0; --line) at = text.find('\n', at) + 1;
    return at + p["character"].get<size_t>();
  };
  const size_t begin = offset(edit["range"]["start"]), end = offset(edit["range"]["end"]);
  return text.substr(0, begin) + edit["newText"].get<std::string>() + text.substr(end);
}

// The same for text beyond ASCII: `character` counts UTF-16 units, as the client does.
std::string apply_utf16_edit(const std::string& text, const json& edit) {
  const auto offset = [&](const json& p) {
    size_t at = 0;
    for (int line = p["line"]; line > 0; --line) at = text.find('\n', at) + 1;
    for (size_t units = p["character"].get<size_t>(); units > 0 && at < text.size();) {
      const unsigned char lead = static_cast<unsigned char>(text[at]);
      const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      units -= std::min(units, size_t{len == 4 ? 2u : 1u});
      at += len;
    }
    return at;
  };
  const size_t begin = offset(edit["range"]["start"]), end = offset(edit["range"]["end"]);
  return text.substr(0, begin) + edit["newText"].get<std::string>() + text.substr(end);
}

json watched(const std::string& uri) { return {{"changes", {{{"uri", uri}, {"type", 2}}}}}; }

}  // namespace

TEST_CASE("lsp: a changed .gklint.yaml, reported by didChangeWatchedFiles, re-lints every open document") {
  TempFolder dir("gklint-lsp-watched");
  dir.write(".gklint.yaml", "severity: {heading.numbering: warning}\n");
  Session s;
  s.initialize({{"capabilities", full_capabilities()}});
  // Dynamic registration offered: the server registers a watcher for configs (and rule files).
  const json registration = s.next();
  REQUIRE(registration.value("method", "") == "client/registerCapability");
  const json& reg = registration["params"]["registrations"][0];
  CHECK(reg["method"] == "workspace/didChangeWatchedFiles");
  CHECK(reg["registerOptions"]["watchers"][0]["globPattern"] == "**/.gklint.yaml");
  s.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});  // its response: taken, ignored

  s.open(dir.uri("a/001.txt"), seed_text());
  s.open(dir.uri("b/001.txt"), seed_text());
  CHECK(has_rule(s.diagnostics(dir.uri("a/001.txt")), "year.typo"));
  CHECK(has_rule(s.diagnostics(dir.uri("b/001.txt")), "year.typo"));

  // A file that is neither a config nor a rule file: nothing to do.
  s.notify("workspace/didChangeWatchedFiles", watched(dir.uri("notes.txt")));
  dir.write(".gklint.yaml", "disable: [year.typo]\n");
  s.notify("workspace/didChangeWatchedFiles", watched(dir.uri(".gklint.yaml")));
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("a/001.txt")), "year.typo"));
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("b/001.txt")), "year.typo"));

  // A rule file the config names: changing it is seen too.
  dir.write("my.yaml", "id: my\nextends: gov-2019\nrules:\n  - id: year.typo\n    severity: error\n");
  dir.write(".gklint.yaml", "rules: my.yaml\n");
  s.notify("workspace/didChangeWatchedFiles", watched(dir.uri(".gklint.yaml")));
  json a = s.diagnostics(dir.uri("a/001.txt"));
  REQUIRE(has_rule(a, "year.typo"));
  for (const json& d : a["diagnostics"]) {
    if (d["code"] == "year.typo") CHECK(d["severity"] == 1);
  }
  (void)s.diagnostics(dir.uri("b/001.txt"));
  dir.write("my.yaml", "id: my\nextends: gov-2019\nrules:\n  - id: year.typo\n    severity: info\n");
  s.notify("workspace/didChangeWatchedFiles", watched(dir.uri("my.yaml")));
  a = s.diagnostics(dir.uri("a/001.txt"));
  for (const json& d : a["diagnostics"]) {
    if (d["code"] == "year.typo") CHECK(d["severity"] == 3);
  }
  CHECK(s.request(9, "shutdown")["result"].is_null());
}

TEST_CASE("lsp: a document opened after its config changed sees the new config, without any notification") {
  TempFolder dir("gklint-lsp-fresh");
  dir.write("with/.gklint.yaml", "severity: {heading.numbering: warning}\n");
  Session s;
  s.initialize();  // no watcher: the client never says a file changed
  s.open(dir.uri("with/a.txt"), seed_text());
  CHECK(has_rule(s.diagnostics(dir.uri("with/a.txt")), "year.typo"));
  s.open(dir.uri("without/c.txt"), seed_text());
  CHECK(has_rule(s.diagnostics(dir.uri("without/c.txt")), "year.typo"));

  // The config changed on disk: a document opened next gets it, and the open ones are linted again.
  dir.write("with/.gklint.yaml", "disable: [year.typo]\n");
  s.open(dir.uri("with/b.txt"), seed_text());
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("with/b.txt")), "year.typo"));
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("with/a.txt")), "year.typo"));
  CHECK(has_rule(s.diagnostics(dir.uri("without/c.txt")), "year.typo"));  // linted again, its config unchanged

  // A config where there was none.
  dir.write("without/.gklint.yaml", "disable: [year.typo]\n");
  s.open(dir.uri("without/d.txt"), seed_text());
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("without/d.txt")), "year.typo"));
  CHECK_FALSE(has_rule(s.diagnostics(dir.uri("without/c.txt")), "year.typo"));
}

TEST_CASE("lsp: didChangeConfiguration changes rules, year and lang, and every open document is linted again") {
  SUBCASE("settings pushed with the notification") {
    Session s;
    s.initialize();
    s.open(kUri, seed_text());
    const std::string zh = message_of(s.diagnostics(kUri), "year.typo");
    CHECK(zh.find("疑似年份笔误") != std::string::npos);
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"lang", "en"}}}}}});
    const std::string en = message_of(s.diagnostics(kUri), "year.typo");
    CHECK(en.starts_with("probably a mistyped year"));
    // A rule set by name (gov-2007 for a 2020 report says so), then back to sets chosen by year.
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"lang", "en"}, {"rules", "gov-2007"}}}}}});
    CHECK(has_rule(s.diagnostics(kUri), "ruleset.year"));
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"lang", nullptr}, {"rules", nullptr}}}}}});
    const json back = s.diagnostics(kUri);
    CHECK_FALSE(has_rule(back, "ruleset.year"));
    CHECK(message_of(back, "year.typo") == zh);
    // Without settings, from a client that cannot be asked: the settings stay, configs are re-read.
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", {{"lang", "en"}}}}}});
    (void)s.diagnostics(kUri);
    s.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
    CHECK(message_of(s.diagnostics(kUri), "year.typo") == en);
  }
  SUBCASE("no settings in the notification: asked for with workspace/configuration") {
    Session s;
    s.initialize({{"capabilities", {{"workspace", {{"configuration", true}}}}}});
    s.open(kUri, seed_text());
    const std::string zh = message_of(s.diagnostics(kUri), "year.typo");
    s.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
    json asked = s.next();
    while (asked.value("method", "") == "textDocument/publishDiagnostics") asked = s.next();
    REQUIRE(asked.value("method", "") == "workspace/configuration");
    CHECK(asked["params"]["items"] == json::array({{{"section", "gklint"}}}));
    s.send({{"jsonrpc", "2.0"}, {"id", asked["id"]}, {"result", {{{"lang", "en"}, {"year", 2020}}}}});
    const std::string en = message_of(s.diagnostics(kUri), "year.typo");
    CHECK(en.starts_with("probably a mistyped year"));
    // A response to nothing, a repeated one, an error, a hostile result: ignored.
    s.send({{"jsonrpc", "2.0"}, {"id", asked["id"]}, {"result", {{{"lang", "zh"}}}}});
    s.send({{"jsonrpc", "2.0"}, {"id", "gklint-999"}, {"error", {{"code", -1}, {"message", "x"}}}});
    s.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
    asked = s.next();
    while (asked.value("method", "") == "textDocument/publishDiagnostics") asked = s.next();
    REQUIRE(asked.value("method", "") == "workspace/configuration");
    s.send({{"jsonrpc", "2.0"}, {"id", asked["id"]}, {"result", 42}});
    CHECK(s.request(20, "shutdown-probe")["error"]["code"] == -32601);
    s.notify("textDocument/didSave", {{"textDocument", {{"uri", kUri}}}});
    CHECK(message_of(s.diagnostics(kUri), "year.typo") == en);  // the ignored responses changed nothing
  }
  SUBCASE("wrong values are said and left out") {
    Session s;
    s.initialize();
    s.notify("workspace/didChangeConfiguration",
             {{"settings", {{"gklint", {{"lang", "fr"}, {"year", "2020"}, {"rules", 7}}}}}});
    for (int i = 0; i < 3; ++i) {
      const json m = s.next();
      CHECK(m["method"] == "window/showMessage");
      CHECK(m["params"]["message"].get<std::string>().find("settings gklint.") != std::string::npos);
    }
    s.open(kUri, seed_text());
    CHECK(message_of(s.diagnostics(kUri), "year.typo").find("疑似年份笔误") != std::string::npos);
  }
}

TEST_CASE("lsp: no watcher is registered unless the client can take one") {
  Session s;
  s.initialize();
  // The first message after initialized is the probe's answer: no registration was sent.
  const json next = s.request(2, "shutdown-probe");
  CHECK(next["error"]["code"] == -32601);
  CHECK(s.pending().empty());
}

TEST_CASE("lsp: codeAction disables a rule in the document's .gklint.yaml, and the finding goes") {
  TempFolder dir("gklint-lsp-action");
  const std::string config = "# the office's settings\ndisable: [heading.numbering]  # noisy\nfail_on: warning\n";
  dir.write(".gklint.yaml", config);
  Session s;
  s.initialize({{"capabilities", full_capabilities()}});
  (void)s.next();  // the watcher's registration
  const std::string uri = dir.uri("sub/001.txt");
  s.open(uri, seed_text());
  const json published = s.diagnostics(uri);
  REQUIRE(has_rule(published, "year.typo"));
  json typo;
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == "year.typo") typo = d;
  }
  const auto ask = [&](int id, json diagnostics, json only = nullptr) {
    json context = {{"diagnostics", std::move(diagnostics)}};
    if (!only.is_null()) context["only"] = std::move(only);
    const json r = s.request(id, "textDocument/codeAction",
                             {{"textDocument", {{"uri", uri}}}, {"range", typo["range"]}, {"context", context}});
    REQUIRE(r.contains("result"));
    return r["result"];
  };
  const json actions = ask(2, {typo, typo});
  // The typo's own fix first (once), then disabling its rule (one action per rule).
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["edit"]["changes"].contains(uri));
  const json& action = actions[1];
  CHECK(action["kind"] == "quickfix");
  CHECK(action["title"].get<std::string>().find("year.typo") != std::string::npos);
  CHECK(action["title"].get<std::string>().find("../.gklint.yaml") != std::string::npos);
  CHECK(action["diagnostics"].size() == 2);
  CHECK(action["diagnostics"][0]["code"] == "year.typo");
  const json& changes = action["edit"]["changes"];
  REQUIRE(changes.size() == 1);
  REQUIRE(changes.contains(dir.uri(".gklint.yaml")));
  const json& edits = changes[dir.uri(".gklint.yaml")];
  REQUIRE(edits.size() == 1);
  const std::string edited = apply_edit(config, edits[0]);
  CHECK(edited == "# the office's settings\ndisable: [heading.numbering, year.typo]  # noisy\nfail_on: warning\n");

  // Not offered: another kind than quickfix asked for, a finding not gklint's, a rule not published
  // for the document, a document not open.
  CHECK(ask(3, {typo}, json::array({"refactor"})).empty());
  CHECK(ask(4, {typo}, json::array({"quickfix"})).size() == 2);
  json other = typo;
  other["source"] = "cspell";
  CHECK(ask(5, {other}).empty());
  json unpublished = typo;
  unpublished["code"] = "section.order";
  CHECK(ask(6, {unpublished}).empty());
  CHECK(s.request(7, "textDocument/codeAction",
                  {{"textDocument", {{"uri", dir.uri("closed.txt")}}},
                   {"range", typo["range"]},
                   {"context", {{"diagnostics", {typo}}}}})["result"] == json::array());

  // The edit applied and saved, as the editor does; the watcher's notification; the finding is gone.
  dir.write(".gklint.yaml", edited);
  s.notify("workspace/didChangeWatchedFiles", watched(dir.uri(".gklint.yaml")));
  const json after = s.diagnostics(uri);
  CHECK_FALSE(has_rule(after, "year.typo"));
  CHECK(after["diagnostics"].size() == published["diagnostics"].size() - 1);
  // Disabled already: nothing more to offer.
  CHECK(ask(8, {typo}).empty());
}

TEST_CASE("lsp: a finding's certain fix is a quick fix, until the document changes") {
  Session s;
  s.initialize({{"capabilities", full_capabilities()}});
  (void)s.next();  // the watcher's registration
  // seed_text() has a character outside the BMP before the typo: the fix's range counts UTF-16
  // units as the client does.
  const std::string text = seed_text();
  s.open(kUri, text);
  const json published = s.diagnostics(kUri);
  json typo;
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == "year.typo") typo = d;
  }
  REQUIRE(typo.is_object());
  const auto ask = [&](int id) {
    return s.request(id, "textDocument/codeAction",
                     {{"textDocument", {{"uri", kUri}}},
                      {"range", typo["range"]},
                      {"context", {{"diagnostics", {typo}}}}})["result"];
  };
  const json actions = ask(2);
  REQUIRE(!actions.empty());
  const json& fix = actions[0];
  CHECK(fix["title"] == "gklint: 修正：将“20120”改为“2020”");
  CHECK(fix["kind"] == "quickfix");
  CHECK(fix["isPreferred"] == true);
  CHECK(fix["diagnostics"][0]["code"] == "year.typo");
  const json& edits = fix["edit"]["changes"][kUri];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["range"] == typo["range"]);  // the finding is the typo itself
  const std::string fixed = apply_utf16_edit(text, edits[0]);
  CHECK(fixed.find("20120") == std::string::npos);
  CHECK(fixed.find("將2020年度") != std::string::npos);

  // Changed since the findings were made: no fix (its range may hold other text now).
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", kUri}, {"version", 2}}}, {"contentChanges", {{{"text", "x" + text}}}}});
  for (const json& a : ask(3)) CHECK_FALSE(a["edit"].contains("changes"));
  // Linted again: the fix is offered at the new place.
  const json again = s.diagnostics(kUri);
  for (const json& d : again["diagnostics"]) {
    if (d["code"] == "year.typo") typo = d;
  }
  REQUIRE(!ask(4).empty());
  CHECK(apply_utf16_edit("x" + text, ask(5)[0]["edit"]["changes"][kUri][0]) == "x" + fixed);
}

TEST_CASE("lsp: codeAction creates a .gklint.yaml beside a document that has none") {
  TempFolder dir("gklint-lsp-create");
  const std::string uri = dir.uri("001.txt");
  const auto first_typo = [](const json& published) {
    for (const json& d : published["diagnostics"]) {
      if (d["code"] == "year.typo") return d;
    }
    return json();
  };
  SUBCASE("a client that can create files") {
    Session s;
    s.initialize({{"capabilities", full_capabilities()}, {"initializationOptions", {{"lang", "en"}}}});
    (void)s.next();  // the watcher's registration
    s.open(uri, seed_text());
    const json typo = first_typo(s.diagnostics(uri));
    REQUIRE(typo.is_object());
    const json actions = s.request(
        2, "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}}, {"range", typo["range"]}, {"context", {{"diagnostics", {typo}}}}})["result"];
    REQUIRE(actions.size() == 2);  // the typo's fix, then disabling its rule
    CHECK(actions[1]["title"] ==
          "gklint: Disable year.typo in a new .gklint.yaml (every report in this folder and below)");
    const json& changes = actions[1]["edit"]["documentChanges"];
    REQUIRE(changes.size() == 2);
    CHECK(changes[0] == json{{"kind", "create"},
                             {"uri", dir.uri(".gklint.yaml")},
                             {"options", {{"overwrite", false}, {"ignoreIfExists", false}}}});
    CHECK(changes[1]["textDocument"]["uri"] == dir.uri(".gklint.yaml"));
    REQUIRE(changes[1]["edits"].size() == 1);
    const std::string created = apply_edit("", changes[1]["edits"][0]);
    CHECK(created == "disable: [year.typo]\n");
    dir.write(".gklint.yaml", created);
    s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", dir.uri(".gklint.yaml")}, {"type", 1}}}}});
    CHECK_FALSE(has_rule(s.diagnostics(uri), "year.typo"));
  }
  SUBCASE("a client that cannot, or takes no CodeAction literals: no config offered (the fix needs no file)") {
    const json rename_only = {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"rename"}}}}};
    const std::vector<json> clients = {
        json::object(),
        {{"workspace", rename_only}, {"textDocument", full_capabilities()["textDocument"]}},
        {{"workspace", full_capabilities()["workspace"]}},
    };
    for (const json& caps : clients) {
      Session s;
      s.initialize({{"capabilities", caps}});
      s.open(uri, seed_text());
      const json typo = first_typo(s.diagnostics(uri));
      const json actions = s.request(2, "textDocument/codeAction",
                                     {{"textDocument", {{"uri", uri}}},
                                      {"range", typo["range"]},
                                      {"context", {{"diagnostics", {typo}}}}})["result"];
      const bool literals = caps.contains("textDocument");
      REQUIRE(actions.size() == (literals ? 1u : 0u));
      if (literals) CHECK(actions[0]["edit"]["changes"].contains(uri));
    }
  }
}

TEST_CASE("lsp: hostile code action requests and configuration notifications") {
  Session s;
  s.initialize({{"capabilities", full_capabilities()}});
  (void)s.next();  // the watcher's registration
  s.open(kUri, seed_text());
  (void)s.diagnostics(kUri);
  const json range = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 1}}}};
  const auto code_action = [&](int id, json params) { return s.request(id, "textDocument/codeAction", params); };
  // Missing or mistyped members: invalid params.
  CHECK(code_action(2, json::object())["error"]["code"] == -32602);
  CHECK(code_action(3, {{"textDocument", {{"uri", kUri}}}, {"range", range}})["error"]["code"] == -32602);
  CHECK(code_action(4, {{"textDocument", {{"uri", kUri}}}, {"context", {{"diagnostics", 5}}}})["error"]["code"] ==
        -32602);
  CHECK(code_action(5, {{"textDocument", {{"uri", 5}}},
                        {"context", {{"diagnostics", json::array()}}}})["error"]["code"] == -32602);
  CHECK(code_action(6, json::array({1, 2}))["error"]["code"] == -32602);
  // Diagnostics of any shape: only gklint's are looked at, the rest skipped.
  json deep = json::array();
  for (int i = 0; i < 2000; ++i) deep = json::array({deep});
  const json odd =
      json::array({5, nullptr, "x", json::array(), json{{"source", "gklint"}}, json{{"source", "gklint"}, {"code", 7}},
                   json{{"source", "gklint"}, {"code", "year.typo"}, {"range", "here"}, {"data", deep}},
                   json{{"source", "gklint"}, {"code", "a]: [b\n#"}, {"range", range}},
                   json{{"source", deep}, {"code", "year.typo"}, {"range", range}}});
  const json r =
      code_action(7, {{"textDocument", {{"uri", kUri}}}, {"range", range}, {"context", {{"diagnostics", odd}}}});
  REQUIRE(r.contains("result"));
  // With no config for kUri and a client that can create files: one action, for the one gklint
  // finding that was published (its range, unreadable here, is the published one).
  REQUIRE(r["result"].size() == 1);
  CHECK(r["result"][0]["diagnostics"].size() == 1);
  CHECK(r["result"][0]["diagnostics"][0]["range"]["start"]["line"] == 0);
  // Notifications with bogus params are dropped without an answer.
  s.notify("workspace/didChangeWatchedFiles", {{"changes", 5}});
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {1, {{"uri", 2}}, {{"type", 1}}}}});
  s.notify("workspace/didChangeWatchedFiles", json::object());
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"gklint", deep}}}});
  s.notify("workspace/didChangeConfiguration", json::array({1}));
  s.send({{"jsonrpc", "2.0"}, {"id", "gklint-1"}, {"result", deep}});  // a second answer to the registration
  CHECK(s.request(8, "shutdown-probe")["error"]["code"] == -32601);
  // A burst of changes to configs: the Engine is built again once, not 2,000 times, and the
  // document is published again.
  for (int i = 0; i < 2000; ++i) s.notify("workspace/didChangeWatchedFiles", watched("file:///x/.gklint.yaml"));
  CHECK(s.request(10, "shutdown-probe")["error"]["code"] == -32601);
  CHECK(has_rule(s.diagnostics(kUri), "year.typo"));
  CHECK(s.request(9, "shutdown")["result"].is_null());
  s.notify("exit");
  CHECK(s.finish() == 0);
}

TEST_CASE("lsp: the edit that disables a rule keeps the config's layout, and changes nothing else") {
  const auto edited = [](const std::string& text, const std::string& rule = "year.typo") -> std::optional<std::string> {
    const auto edit = lsp::disable_rule_edit("/p/.gklint.yaml", text, rule);
    if (!edit) return std::nullopt;
    std::string out = text;
    out.replace(edit->begin, edit->end - edit->begin, edit->text);
    return out;
  };
  // A new config, one without `disable`, an empty list, a flow list, a block list.
  CHECK(edited("") == "disable: [year.typo]\n");
  CHECK(edited("# only a comment") == "# only a comment\ndisable: [year.typo]\n");
  CHECK(edited("rules: gov-2021\r\nfail_on: info") == "rules: gov-2021\r\nfail_on: info\r\ndisable: [year.typo]\r\n");
  CHECK(edited("disable: []\n") == "disable: [year.typo]\n");
  CHECK(edited("disable: [heading.numbering,\n  section.order]  # x\nformat: json\n") ==
        "disable: [heading.numbering,\n  section.order, year.typo]  # x\nformat: json\n");
  CHECK(edited("disable: [heading.numbering, ]\n") == "disable: [heading.numbering, year.typo ]\n");
  CHECK(
      edited("disable:\n  - heading.numbering   # noisy\n  - section.order\nseverity: {table.cell: warning}\n") ==
      "disable:\n  - heading.numbering   # noisy\n  - section.order\n  - year.typo\nseverity: {table.cell: warning}\n");
  CHECK(edited("disable:\n- heading.numbering") == "disable:\n- heading.numbering\n- year.typo");
  CHECK(edited("\"disable\": ['heading.numbering']\n") == "\"disable\": ['heading.numbering', year.typo]\n");
  // Nothing: already disabled, a config that does not parse or is not a block mapping, an id
  // that is not one, a second document after the first.
  CHECK(edited("disable: [year.typo]\n") == std::nullopt);
  CHECK(edited("disable: [year.typo\n") == std::nullopt);
  CHECK(edited("{format: json}\n") == std::nullopt);
  CHECK(edited("format: json\n", "a]: [b") == std::nullopt);
  CHECK(edited("format: json\n", "") == std::nullopt);
  CHECK(edited("format: json\n...\n") == std::nullopt);
  CHECK(edited("disable: heading.numbering\n") == std::nullopt);
  CHECK(edited("disable:   # none yet\nformat: sarif\n") == std::nullopt);  // a config error: not a list
}
