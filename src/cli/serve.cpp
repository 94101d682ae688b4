// The local web page's server (cpp-httplib), in the module gklint-serve.so. Every upload is linted in memory: the
// file's name is used only for its extension, nothing the client sends is ever a path on disk, and nothing of one
// request is kept for another. Bodies above kMaxUpload are refused before they are read whole.
#include "cli/serve.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <mutex>

#include <nlohmann/json.hpp>

#include "cli/annotate_cmd.hpp"
#include "gklint/annotate.hpp"
#include "gklint/emit.hpp"
#include "gklint/lint.hpp"
#include "gklint/utf8.hpp"

namespace gklint {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxUpload = size_t{20} << 20;

// The uploaded file's name, for its extension and for messages: its last path component, without
// control characters, at most 200 bytes. Never opened.
std::string safe_name(std::string name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  std::string out;
  for (size_t i = 0; i < name.size() && out.size() < 200;) {
    const size_t at = i;
    const char32_t c = utf8_next(name, i);
    if (c < 0x20 || c == 0x7F || c == 0xFFFD) continue;
    out.append(name, at, i - at);
  }
  return out.empty() ? "report.txt" : out;
}

// Where a byte offset of the text read is: its 1-based line, and column in code points.
struct TextPlace {
  uint32_t line = 1, column = 1;
};
class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  TextPlace at(size_t offset) const {
    offset = std::min(offset, text_.size());
    const size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
    const size_t from = starts_[line - 1];
    return {static_cast<uint32_t>(line),
            static_cast<uint32_t>(utf8_code_points(text_.substr(from, offset - from)) + 1)};
  }
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (size_t k = 0; k < starts_.size(); ++k) {
      const size_t end = k + 1 < starts_.size() ? starts_[k + 1] - 1 : text_.size();
      std::string line(text_.substr(starts_[k], end - starts_[k]));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out.push_back(std::move(line));
    }
    if (out.size() > 1 && out.back().empty()) out.pop_back();  // the newline that ends the text
    return out;
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// Where a finding is in the file the user gave, as the text output says it.
std::string place_in_file(const Source& src, const Position& p, bool en) {
  std::string s;
  if (p.page) {
    s = en ? "page " + std::to_string(p.page) + ", line " + std::to_string(p.page_line)
           : "第 " + std::to_string(p.page) + " 页第 " + std::to_string(p.page_line) + " 行";
  } else if (src.format() == "docx") {
    s = en ? "paragraph " + std::to_string(p.line) : "第 " + std::to_string(p.line) + " 段";
  } else {
    s = en ? "line " + std::to_string(p.line) + ", column " + std::to_string(p.column)
           : "第 " + std::to_string(p.line) + " 行第 " + std::to_string(p.column) + " 列";
  }
  if (p.grid.table) {
    s += en ? ", table " + std::to_string(p.grid.table) + " row " + std::to_string(p.grid.row) + " column " +
                  std::to_string(p.grid.column)
            : "，表格 " + std::to_string(p.grid.table) + " 第 " + std::to_string(p.grid.row) + " 行第 " +
                  std::to_string(p.grid.column) + " 列";
  }
  return s;
}

LintOptions options(Lang lang) {
  LintOptions o;
  o.lang = lang;
  return o;
}

class Server {
 public:
  Server(Catalog& catalog, Lang lang)
      : catalog_(catalog),
        zh_(catalog, nullptr, options(Lang::zh)),
        en_(catalog, nullptr, options(Lang::en)),
        lang_(lang) {}

  int run(const ServeCommand& command) {
    httplib::Server svr;
    svr.set_payload_max_length(kMaxUpload);
    svr.set_default_headers(
        {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}, {"Cache-Control", "no-store"}});
    svr.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
      // Bound to the loopback, a page elsewhere must not reach the server under another name
      // (DNS rebinding): the Host must be the loopback's.
      if (loopback(command.host) && !loopback_host(req.get_header_value("Host"))) {
        error(res, 403, "请求的主机名不是本机", "the request's host is not this machine", Lang::en);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
      const Lang lang = lang_of(req);
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                     "img-src data: blob:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
      res.set_content(serve_page(lang), "text/html; charset=utf-8");
    });
    svr.Post("/api/lint", [&](const httplib::Request& req, httplib::Response& res) { lint(req, res); });
    svr.Post("/api/annotate", [&](const httplib::Request& req, httplib::Response& res) { annotate(req, res); });
    svr.set_error_handler([&](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const Lang lang = lang_of(req);
      if (res.status == 413) {
        error(res, 413, "文件超过 20 MB 上限，未检查", "the file is larger than the 20 MB limit: not checked", lang);
      } else if (res.status == 404) {
        error(res, 404, "没有这个页面", "no such page", lang);
      } else if (res.status == 400) {  // a body httplib could not read (a form with no part)
        error(res, 400, "请求无效：请选择文件或粘贴文字", "a bad request: choose a file or paste text", lang);
      } else if (res.status >= 400) {
        error(res, res.status, "请求无效", "a bad request", lang);
      }
    });

    const int port = command.port == 0 ? svr.bind_to_any_port(command.host)
                                       : (svr.bind_to_port(command.host, command.port) ? command.port : -1);
    if (port < 0) {
      std::cerr << "gklint serve: "
                << (lang_ == Lang::en ? "cannot listen on " + command.host + ":" + std::to_string(command.port)
                                      : "无法在 " + command.host + ":" + std::to_string(command.port) + " 上监听")
                << "\n";
      return 2;
    }
    const std::string shown_host =
        command.host.find(':') != std::string::npos ? "[" + command.host + "]" : command.host;
    std::cout << "gklint serve: http://" << shown_host << ":" << port << "/" << std::endl;
    return svr.listen_after_bind() ? 0 : 2;
  }

 private:
  static bool loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
  }
  static bool loopback_host(std::string host) {
    if (host.starts_with("[")) {
      host = host.substr(1, host.find(']') == std::string::npos ? std::string::npos : host.find(']') - 1);
    } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
      host.resize(colon);
    }
    return loopback(host);
  }
  Lang lang_of(const httplib::Request& req) const {
    if (req.has_param("lang")) return req.get_param_value("lang") == "en" ? Lang::en : Lang::zh;
    return lang_;
  }
  static void error(httplib::Response& res, int status, const std::string& zh, const std::string& en, Lang lang) {
    res.status = status;
    res.set_content(json{{"ok", false}, {"error", lang == Lang::en ? en : zh}}.dump(), "application/json");
  }

  // The upload: a file (multipart field `file`) or pasted text (field `text`). False, answered,
  // when there is neither or it is empty.
  bool upload(const httplib::Request& req, httplib::Response& res, Lang lang, std::string* name, std::string* bytes) {
    if (req.has_file("file")) {
      const httplib::MultipartFormData f = req.get_file_value("file");
      *name = safe_name(f.filename);
      *bytes = f.content;
    } else if (req.has_file("text")) {
      *name = "pasted.txt";
      *bytes = req.get_file_value("text").content;
    } else {
      error(res, 400, "请选择文件或粘贴文字", "choose a file or paste text", lang);
      return false;
    }
    if (bytes->empty()) {
      error(res, 400, *name + "：文件为空（没有可检查的文字）", *name + ": the file is empty (nothing to check)", lang);
      return false;
    }
    return true;
  }

  const Rule* find_rule(const std::string& ruleset, const std::string& id) {
    if (ruleset.empty()) return nullptr;
    std::vector<RuleError> errors;
    const std::shared_ptr<const RuleSet> set = catalog_.get(ruleset, &errors);
    if (!set) return nullptr;
    for (const Rule& r : set->rules) {
      if (r.id == id) return &r;  // the catalog keeps every set it loaded alive
    }
    return nullptr;
  }

  void lint(const httplib::Request& req, httplib::Response& res) {
    const Lang lang = lang_of(req);
    const bool en = lang == Lang::en;
    std::string name, bytes;
    if (!upload(req, res, lang, &name, &bytes)) return;
    const FileResult r = (en ? en_ : zh_).lint(name, std::move(bytes));
    if (r.unreadable) {
      const std::string why = r.diagnostics.empty() ? std::string() : r.diagnostics.front().message;
      error(res, 422, name + "：" + why, name + ": " + why, lang);
      return;
    }
    const Source& src = *r.source;
    const TextLines lines(src.text());
    json findings = json::array();
    int errors = 0, warnings = 0, infos = 0;
    for (const Diagnostic& d : r.diagnostics) {
      (d.severity == Severity::error ? errors : d.severity == Severity::warning ? warnings : infos)++;
      const TextPlace b = lines.at(d.span.begin), e = lines.at(std::max(d.span.end, d.span.begin));
      json f = {{"rule", d.rule},
                {"severity", severity_name(d.severity)},
                {"message", d.message},
                {"cite", d.cite},
                {"line", b.line},
                {"column", b.column},
                {"end_line", e.line},
                {"end_column", e.column},
                {"where", place_in_file(src, src.position(d.span.begin), en)}};
      if (d.fix) f["fix"] = fix_description(src, *d.fix, lang);
      if (d.expected) f["expected"] = d.expected->value;
      if (d.actual) f["actual"] = d.actual->value;
      // The cells a sum was made of, or (not arithmetic) the other places of the same finding.
      for (const Related& rel : d.related) f[d.expected ? "related" : "also"].push_back(rel.label + " = " + rel.value);
      if (const Rule* rule = find_rule(r.ruleset, d.rule)) {
        f["summary"] = rule->summary.in(lang);
        f["doc"] = rule->doc.in(lang);
      }
      findings.push_back(std::move(f));
    }
    json out = {{"ok", true},
                {"name", name},
                {"format", src.format()},
                {"ruleset", r.ruleset},
                {"year", r.report_year},
                {"counts", {{"error", errors}, {"warning", warnings}, {"info", infos}}},
                {"lines", lines.lines()},
                {"findings", std::move(findings)}};
    res.set_content(out.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
  }

  void annotate(const httplib::Request& req, httplib::Response& res) {
    const Lang lang = lang_of(req);
    std::string name, bytes;
    if (!upload(req, res, lang, &name, &bytes)) return;
    const FileResult r = (lang == Lang::en ? en_ : zh_).lint(name, bytes);
    if (r.unreadable || r.source->format() != "docx") {
      error(res, 422, name + "：只有 .docx 文件可以写入批注", name + ": only a .docx can get comments", lang);
      return;
    }
    std::string out;
    if (auto p = annotate_docx(bytes, docx_comments(r, lang), "gklint", &out)) {
      error(res, 422, name + "：" + p->message_zh, name + ": " + p->message_en, lang);
      return;
    }
    const std::string stem = name.substr(0, name.rfind('.'));
    res.set_header("Content-Disposition", "attachment; filename=\"report.gklint.docx\"; filename*=UTF-8''" +
                                              percent_encoded(stem + ".gklint.docx"));
    res.set_content(out, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  Catalog& catalog_;
  const Linter zh_, en_;
  Lang lang_;
};

}  // namespace

int run_server(const ServeCommand& command, Catalog& catalog, Lang lang) {
  Server server(catalog, lang);
  return server.run(command);
}

}  // namespace gklint
