// The language server: a reader thread (the caller's) that answers requests at once, and one
// worker thread that lints documents. Every publishDiagnostics comes from the worker, so for each
// document they go out in the order the changes came in, and a didClose's empty list can never be
// overtaken by a late result.
//
// What a lint uses (the rule sets, each document's .gklint.yaml) is an Engine, built at initialize
// and built anew when the settings or a config change: then every open document is linted again.
// A lint in flight keeps its Engine alive; the next one takes the new Engine.
#include "gklint/lsp.hpp"

#include "gklint/pool.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "gklint/config.hpp"
#include "gklint/diagnostic_json.hpp"
#include "gklint/emit.hpp"
#include "gklint/lint.hpp"
#include "gklint/read.hpp"
#include "lsp/config_edit.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/messages.hpp"
#include "lsp/positions.hpp"

namespace gklint {

namespace {

using namespace lsp;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// JSON-RPC 2.0 and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// LSP's DiagnosticSeverity and MessageType.
int lsp_severity(Severity s) { return s == Severity::error ? 1 : s == Severity::warning ? 2 : 3; }
constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;

// ---- The server -------------------------------------------------------------------------------

// What hover shows for a published diagnostic, and its rule (for code actions).
struct Published {
  LspRange range;
  std::string markdown;
  std::string rule;
  // A certain fix: the quick fix's title and its edit of the document.
  std::string fix_title;
  std::optional<LspRange> fix_range;
  std::string fix_text;
};

struct Document {
  std::string uri;
  std::string path;
  std::string text;
  std::optional<int64_t> version;
  uint64_t generation = 0;  // bumped by every change: a lint of an older one is dropped
  bool pending = false;     // the worker should lint (or, when closed, clear) it at `due`
  Clock::time_point due;
  bool closed = false;  // didClose: the worker publishes an empty list and forgets it
  std::vector<Published> published;
  uint64_t published_generation = 0;  // the generation `published` was linted from
};

// A file as it was when a lint used it: a change (or its appearing, or going) makes the Engine stale.
struct FileStamp {
  bool exists = false;
  int64_t mtime_sec = 0, mtime_nsec = 0, size = 0;
  uint64_t inode = 0, device = 0;
  bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {true,
          static_cast<int64_t>(st.st_mtim.tv_sec),
          static_cast<int64_t>(st.st_mtim.tv_nsec),
          static_cast<int64_t>(st.st_size),
          static_cast<uint64_t>(st.st_ino),
          static_cast<uint64_t>(st.st_dev)};
}

// The folder whose .gklint.yaml search a document starts from, as LinterPool keys it.
std::string folder_of(const std::string& path) {
  std::error_code ec;
  return std::filesystem::absolute(path, ec).parent_path().string();
}

// Everything a lint reads besides the document, built from the settings of the moment. The
// members are destroyed in reverse order: the Catalog, which the others use, last.
struct Engine {
  std::unique_ptr<Catalog> catalog = std::make_unique<Catalog>();
  std::shared_ptr<const RuleSet> fixed;  // the settings' rule set, if any
  std::unique_ptr<const Linter> linter;  // without a config: for documents whose config has errors
  std::unique_ptr<LinterPool> pool;      // a Linter per .gklint.yaml (worker thread, under mutex_)
  Lang lang = Lang::zh;
  bool search = true;  // .gklint.yaml is looked for (not GKLINT_NO_CONFIG)
  // What the configs and rule files were when read (worker thread, under mutex_): the config found
  // for each folder, and each file read.
  std::map<std::string, std::string> config_of_folder;
  std::map<std::string, FileStamp> files;
};

// One lint, with everything the worker needs copied out of the shared state.
struct Job {
  std::string uri, path, text;
  std::optional<int64_t> version;
  uint64_t generation = 0;
  bool close = false;
  Encoding encoding = Encoding::utf16;
  Lang lang = Lang::zh;
  std::shared_ptr<const Engine> engine;  // keeps `linter` and the Catalog alive during the lint
  const Linter* linter = nullptr;
  std::shared_ptr<const RuleSet> fixed;
};

// The settings a lint runs with: the command line's, then the client's initializationOptions, then
// its workspace settings (section "gklint"), each overriding the one before where it sets a value.
struct Settings {
  std::string rules;
  int year = 0;
  std::string lang;
};
struct SettingsLayer {
  std::optional<std::string> rules;
  std::optional<int> year;
  std::optional<std::string> lang;
};

class Server {
 public:
  Server(std::ostream& out, const LanguageServerOptions& options) : options_(options), writer_(out) {}
  ~Server() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The command line's --rules, checked before anything is read: a typo fails like the CLI does.
  bool load_command_line_rules() {
    if (options_.rules.empty()) return true;
    std::vector<RuleError> errors;
    Catalog catalog;
    const bool ok = catalog.get(options_.rules, &errors) != nullptr;
    for (const RuleError& e : errors) log(e.file + ": " + e.message);
    return ok;
  }

  int run(std::istream& in) {
    worker_ = std::thread([this] { work(); });
    for (;;) {
      lsp::ReadResult r = lsp::read_message(in, options_.max_message_bytes);
      if (r.status == lsp::ReadStatus::eof) return state_ == State::shut_down ? 0 : 1;
      if (r.status == lsp::ReadStatus::bad_header) {
        log("bad message header: " + r.error);
        respond_error(nullptr, kParseError, "bad message header: " + r.error);
        continue;
      }
      const json message = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
      if (message.is_discarded()) {
        respond_error(nullptr, kParseError, "the message is not valid JSON");
        continue;
      }
      if (const std::optional<int> code = handle(message)) return *code;
    }
  }

 private:
  enum class State { uninitialized, running, shut_down };

  void log(const std::string& line) {
    if (!options_.log) return;
    std::lock_guard<std::mutex> lock(log_mutex_);
    *options_.log << "gklint lsp: " << line << std::endl;
  }

  void respond(const json& id, json result) {
    writer_.send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  void respond_error(const json& id, int code, const std::string& message) {
    writer_.send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void show_message(int type, const std::string& message) {
    writer_.send(
        {{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", type}, {"message", message}}}});
  }

  // One parsed message. Returns the exit code when it was `exit`.
  std::optional<int> handle(const json& m) {
    if (!m.is_object()) {
      // An array would be a JSON-RPC batch, which LSP does not use.
      respond_error(nullptr, kInvalidRequest, "a message must be a JSON object");
      return {};
    }
    const auto id_it = m.find("id");
    const bool has_id = id_it != m.end();
    const bool id_ok = has_id && (id_it->is_string() || id_it->is_number_integer() || id_it->is_null());
    const json id = id_ok ? *id_it : json(nullptr);
    const auto method_it = m.find("method");
    if (method_it == m.end() && has_id && (m.contains("result") || m.contains("error"))) {
      response(id, m);  // to one of the server's requests (or to nothing: ignored)
      return {};
    }
    const auto version_it = m.find("jsonrpc");
    const auto params_it = m.find("params");
    if (version_it == m.end() || *version_it != "2.0" || method_it == m.end() || !method_it->is_string() ||
        (has_id && !id_ok) || (params_it != m.end() && !params_it->is_object() && !params_it->is_array())) {
      respond_error(id, kInvalidRequest, "not a valid JSON-RPC 2.0 request or notification");
      return {};
    }
    const std::string method = method_it->get<std::string>();
    static const json no_params = json::object();
    const json& params = params_it != m.end() ? *params_it : no_params;  // not copied: it may hold a whole document
    if (has_id) {
      request(id, method, params);
      return {};
    }
    return notification(method, params);
  }

  void request(const json& id, const std::string& method, const json& params) {
    if (state_ == State::uninitialized && method != "initialize") {
      respond_error(id, kServerNotInitialized, "the server is not initialized");
      return;
    }
    if (state_ == State::shut_down) {
      respond_error(id, kInvalidRequest, "the server is shut down");
      return;
    }
    try {
      if (method == "initialize") {
        if (state_ != State::uninitialized) {
          respond_error(id, kInvalidRequest, "initialize was already sent");
          return;
        }
        respond(id, initialize(params));
      } else if (method == "shutdown") {
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = State::shut_down;
        for (auto& [uri, doc] : docs_) doc.pending = false;  // nothing more is published
        respond(id, nullptr);
      } else if (method == "textDocument/hover") {
        respond(id, hover(params));
      } else if (method == "textDocument/codeAction") {
        respond(id, code_action(params));
      } else {
        // Also every "$/…" request, as LSP asks.
        respond_error(id, kMethodNotFound, "unknown method: " + method);
      }
    } catch (const BadParams& e) {
      respond_error(id, kInvalidParams, method + ": " + e.what());
    } catch (const json::exception& e) {
      respond_error(id, kInvalidParams, method + ": " + e.what());
    } catch (const std::exception& e) {
      respond_error(id, kInternalError, method + ": " + e.what());
    }
  }

  std::optional<int> notification(const std::string& method, const json& params) {
    if (method == "exit") return state_ == State::shut_down ? 0 : 1;
    if (state_ != State::running) return {};  // before initialize and after shutdown: dropped
    try {
      if (method == "textDocument/didOpen")
        did_open(params);
      else if (method == "textDocument/didChange")
        did_change(params);
      else if (method == "textDocument/didSave")
        did_save(params);
      else if (method == "textDocument/didClose")
        did_close(params);
      else if (method == "initialized")
        initialized();
      else if (method == "workspace/didChangeConfiguration")
        did_change_configuration(params);
      else if (method == "workspace/didChangeWatchedFiles")
        did_change_watched_files(params);
      // "$/cancelRequest" (every request is answered before the next is read, so there is never
      // one to cancel), "$/setTrace" and any other notification: nothing to do.
    } catch (const std::exception& e) {
      log(method + ": " + e.what());
    }
    return {};
  }

  // -- initialize, settings and reloading --

  // A layer of settings from `j` (initializationOptions, or the workspace settings' "gklint"
  // section): a value of the wrong type is said and left out; null is no value.
  SettingsLayer parse_layer(const json& j, const std::string& where) {
    SettingsLayer layer;
    if (!j.is_object()) return layer;
    if (auto it = j.find("rules"); it != j.end()) {
      if (it->is_string())
        layer.rules = it->get<std::string>();
      else if (!it->is_null())
        show_message(kMessageWarning, "gklint: " + where + "rules must be a string; ignored");
    }
    if (auto it = j.find("year"); it != j.end()) {
      if (it->is_number_integer() &&
          (it->get<int64_t>() == 0 || (it->get<int64_t>() >= 1990 && it->get<int64_t>() <= 2100))) {
        layer.year = it->get<int>();
      } else if (!it->is_null()) {
        show_message(kMessageWarning, "gklint: " + where + "year must be a year from 1990 to 2100; ignored");
      }
    }
    if (auto it = j.find("lang"); it != j.end()) {
      if (*it == "zh" || *it == "en")
        layer.lang = it->get<std::string>();
      else if (!it->is_null())
        show_message(kMessageWarning, "gklint: " + where + "lang must be \"zh\" or \"en\"; ignored");
    }
    return layer;
  }

  // The command line's settings, overridden by initializationOptions, then by workspace settings.
  Settings resolve_settings() const {
    Settings s{options_.rules, options_.year, options_.lang};
    for (const SettingsLayer* layer : {&init_layer_, &workspace_layer_}) {
      if (layer->rules) s.rules = *layer->rules;
      if (layer->year) s.year = *layer->year;
      if (layer->lang) s.lang = *layer->lang;
    }
    return s;
  }

  // A new Engine from the settings of the moment; configs and rule files are read afresh as the
  // documents are linted. Under mutex_.
  void build_engine_locked() {
    const Settings settings = resolve_settings();
    auto engine = std::make_shared<Engine>();
    std::string fixed_ref;
    if (!settings.rules.empty()) {
      std::string name = settings.rules;
      const std::vector<std::string> builtin = engine->catalog->builtin_ids();
      // A rule file named by the client is relative to the workspace; --rules, to the current folder.
      if (name != options_.rules && std::find(builtin.begin(), builtin.end(), name) == builtin.end() &&
          !root_.empty() && std::filesystem::path(name).is_relative()) {
        name = (std::filesystem::path(root_) / name).string();
      }
      std::vector<RuleError> errors;
      if (auto set = engine->catalog->get(name, &errors)) {
        engine->fixed = set;
        fixed_ref = name;
        if (std::find(builtin.begin(), builtin.end(), name) == builtin.end()) {
          engine->files.emplace(name, stamp_of(name));
        }
      } else {
        std::string text = "gklint: the rule set \"" + settings.rules + "\" cannot be loaded";
        for (const RuleError& e : errors) text += "; " + e.file + ": " + e.message;
        show_message(kMessageError, text);
        log(text);
      }
    }
    LintOptions lint;
    lint.year = settings.year;
    lint.lang = settings.lang == "en" ? Lang::en : Lang::zh;
    lint.encoding = "UTF-8";  // the client sends Unicode text, whatever the file's encoding on disk
    engine->linter = std::make_unique<const Linter>(*engine->catalog, engine->fixed, lint);
    PoolOptions pool;
    pool.rules = fixed_ref;
    pool.base = lint;
    pool.search = engine->search = !no_config_from_environment();
    engine->pool = std::make_unique<LinterPool>(*engine->catalog, pool);
    engine->lang = lint.lang;
    engine_ = std::move(engine);
  }

  // The settings or a config changed: every open document is linted again (a lint in flight is
  // dropped), with a new Engine that the worker builds before its next lint, once for a burst of
  // changes. Under mutex_.
  void reload_locked(const std::string& why) {
    log("reloading: " + why);
    reload_ = true;
    for (auto& [uri, doc] : docs_) {
      if (doc.closed) continue;
      ++doc.generation;
      schedule(doc, Clock::duration::zero());
    }
  }
  void reload(const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    reload_locked(why);
  }

  json initialize(const json& params) {
    if (!params.is_object()) throw BadParams("initialize needs an object of params");
    // UTF-16 unless the client lists encodings without it; then the first of its list we know.
    Encoding encoding = Encoding::utf16;
    const json* offered = nullptr;
    static const json none;
    const auto capabilities_it = params.find("capabilities");
    const json& caps = capabilities_it != params.end() ? *capabilities_it : none;
    if (auto g = object_at(caps, {"general"})) {
      if (auto p = g->find("positionEncodings"); p != g->end() && p->is_array() && !p->empty()) offered = &*p;
    }
    if (offered && std::find(offered->begin(), offered->end(), "utf-16") == offered->end()) {
      for (const json& e : *offered) {
        if (e == "utf-8" || e == "utf-32") {
          encoding = e == "utf-8" ? Encoding::utf8 : Encoding::utf32;
          break;
        }
      }
    }
    // What the client can do that the server uses.
    const auto flag = [&](std::initializer_list<const char*> path, const char* key) {
      const json* o = object_at(caps, path);
      return o && o->contains(key) && (*o)[key] == true;
    };
    can_watch_ = flag({"workspace", "didChangeWatchedFiles"}, "dynamicRegistration");
    can_pull_settings_ = flag({"workspace"}, "configuration");
    literal_actions_ = object_at(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}) != nullptr;
    // Resource operations exist only in documentChanges: offering "create" says both (Neovim 0.7
    // lists resourceOperations without documentChanges).
    if (const json* edit = object_at(caps, {"workspace", "workspaceEdit"})) {
      const auto ops = edit->find("resourceOperations");
      can_create_files_ =
          ops != edit->end() && ops->is_array() && std::find(ops->begin(), ops->end(), "create") != ops->end();
    }

    // The workspace root, for a rule file named by a relative path.
    if (auto r = params.find("rootUri"); r != params.end() && r->is_string())
      root_ = uri_to_path(r->get<std::string>());
    else if (auto p = params.find("rootPath"); p != params.end() && p->is_string())
      root_ = p->get<std::string>();
    const auto init_it = params.find("initializationOptions");
    const json& init = init_it != params.end() ? *init_it : none;  // not copied (a copy recurses)
    init_layer_ = parse_layer(init, "initializationOptions.");
    {
      std::lock_guard<std::mutex> lock(mutex_);
      build_engine_locked();
      encoding_ = encoding;
      state_ = State::running;
    }
    return {
        {"capabilities",
         {{"positionEncoding", encoding_name(encoding)},
          {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
          {"hoverProvider", true},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
        {"serverInfo", {{"name", "gklint"}, {"version", GKLINT_VERSION}}},
    };
  }

  // The object at `path` below `j` (each step an object), or nullptr.
  static const json* object_at(const json& j, std::initializer_list<const char*> path) {
    const json* at = &j;
    for (const char* key : path) {
      if (!at->is_object()) return nullptr;
      const auto it = at->find(key);
      if (it == at->end()) return nullptr;
      at = &*it;
    }
    return at->is_object() ? at : nullptr;
  }

  // A request to the client; its response comes to response().
  void send_request(const std::string& method, json params) {
    const std::string id = "gklint-" + std::to_string(++requests_sent_);
    if (awaiting_.size() >= 64) awaiting_.clear();  // a client that never answers: forgotten, not kept
    awaiting_[id] = method;
    writer_.send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }

  void response(const json& id, const json& m) {
    if (!id.is_string()) return;
    const auto it = awaiting_.find(id.get<std::string>());
    if (it == awaiting_.end()) return;
    const std::string method = it->second;
    awaiting_.erase(it);
    // client/registerCapability: nothing to do either way (without the watcher, a changed config
    // is still seen at the next lint of a document it covers).
    if (method != "workspace/configuration" || state_ != State::running) return;
    const auto result = m.find("result");
    if (result == m.end() || !result->is_array() || result->empty()) {
      log("workspace/configuration: no settings in the response");
      return;
    }
    SettingsLayer layer = parse_layer((*result)[0], "settings gklint.");
    std::lock_guard<std::mutex> lock(mutex_);
    workspace_layer_ = std::move(layer);
    reload_locked("workspace/configuration");
  }

  void initialized() {
    if (!can_watch_) return;
    // .gklint.yaml anywhere, and the YAML rule files a config may name (or extend).
    const json watchers = {
        {{"globPattern", "**/.gklint.yaml"}}, {{"globPattern", "**/*.yaml"}}, {{"globPattern", "**/*.yml"}}};
    send_request("client/registerCapability", {{"registrations",
                                                {{{"id", "gklint-config-files"},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", watchers}}}}}}});
  }

  void did_change_configuration(const json& params) {
    // {"settings": {"gklint": {…}}} as VS Code sends it; {"settings": {"rules": …}} too.
    const json* section = nullptr;
    if (const json* settings = object_at(params, {"settings"})) {
      if (const json* g = object_at(*settings, {"gklint"}))
        section = g;
      else if (settings->contains("rules") || settings->contains("year") || settings->contains("lang"))
        section = settings;
    }
    if (section) {
      SettingsLayer layer = parse_layer(*section, "settings gklint.");
      std::lock_guard<std::mutex> lock(mutex_);
      workspace_layer_ = std::move(layer);
      reload_locked("workspace/didChangeConfiguration");
    } else if (can_pull_settings_) {
      send_request("workspace/configuration", {{"items", {{{"section", "gklint"}}}}});
    } else {
      reload("workspace/didChangeConfiguration without settings");  // the configs may have changed
    }
  }

  void did_change_watched_files(const json& params) {
    const json& changes = member(params, "changes");
    if (!changes.is_array()) throw BadParams("\"changes\" must be an array");
    for (const json& change : changes) {
      if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string()) continue;
      const std::string& uri = change["uri"].get_ref<const std::string&>();
      if (ends_with_ci(uri, ".yaml") || ends_with_ci(uri, ".yml")) {
        reload("changed: " + uri);  // a config, or a file a config may name
        return;
      }
    }
  }

  // -- documents --

  // Marks a document for the worker; a pending lint not yet started is replaced, not queued.
  void schedule(Document& doc, Clock::duration delay) {
    doc.pending = true;
    doc.due = Clock::now() + delay;
    wake_.notify_one();
  }

  static std::optional<int64_t> version_of(const json& text_document) {
    const auto it = text_document.find("version");
    if (it != text_document.end() && it->is_number_integer()) return it->get<int64_t>();
    return std::nullopt;
  }

  void did_open(const json& params) {
    const json& td = member(params, "textDocument");
    const std::string uri = string_member(td, "uri");
    Document doc;
    doc.uri = uri;
    doc.path = uri_to_path(uri);
    doc.text = string_member(td, "text");
    doc.version = version_of(td);
    std::lock_guard<std::mutex> lock(mutex_);
    Document& d = docs_[uri];
    doc.generation = d.generation + 1;  // a reopened document: anything in flight is stale
    d = std::move(doc);
    schedule(d, Clock::duration::zero());
  }

  void did_change(const json& params) {
    const json& td = member(params, "textDocument");
    const std::string uri = string_member(td, "uri");
    const json& changes = member(params, "contentChanges");
    if (!changes.is_array()) throw BadParams("\"contentChanges\" must be an array");
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = docs_.find(uri);
    if (it == docs_.end() || it->second.closed) throw BadParams("didChange for a document that is not open: " + uri);
    Document& doc = it->second;
    for (const json& change : changes) {
      std::string text = string_member(change, "text");
      if (const auto range = change.find("range"); range != change.end()) {
        // The server asked for full text, but a client sending ranges is still followed.
        const LineIndex lines(doc.text);
        const size_t begin = to_offset(lines, position_member(*range, "start"), encoding_, doc.text.size());
        const size_t end =
            std::max(begin, to_offset(lines, position_member(*range, "end"), encoding_, doc.text.size()));
        doc.text.replace(begin, end - begin, text);
      } else {
        doc.text = std::move(text);
      }
    }
    doc.version = version_of(td);
    ++doc.generation;
    schedule(doc, options_.debounce);
  }

  void did_save(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = docs_.find(uri);
    if (it == docs_.end() || it->second.closed) return;
    if (const auto text = params.find("text"); text != params.end() && text->is_string()) {
      it->second.text = text->get<std::string>();
      ++it->second.generation;
    }
    schedule(it->second, Clock::duration::zero());
  }

  void did_close(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    Document& doc = it->second;
    doc.closed = true;
    ++doc.generation;
    doc.text.clear();
    doc.published.clear();
    schedule(doc, Clock::duration::zero());
  }

  json hover(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    const LspPosition p = position_member(params, "position");
    const auto before = [](const LspPosition& a, const LspPosition& b) {
      return a.line < b.line || (a.line == b.line && a.character < b.character);
    };
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = docs_.find(uri);
    if (it == docs_.end() || it->second.closed) return nullptr;
    std::string value;
    std::optional<LspRange> range;
    for (const Published& d : it->second.published) {
      // [start, end), or the very position of an empty range (a finding at a point).
      const bool empty = !before(d.range.start, d.range.end);
      const bool covers = empty ? !before(p, d.range.start) && !before(d.range.start, p)
                                : !before(p, d.range.start) && before(p, d.range.end);
      if (!covers) continue;
      if (!value.empty()) value += "\n\n---\n\n";
      value += d.markdown;
      if (!range) range = d.range;
    }
    if (value.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", to_json(*range)}};
  }

  // -- code actions --

  // For each of gklint's findings in the request's context, "disable this rule" as an edit of the
  // .gklint.yaml that applies to the document (the nearest one; a new one beside the document
  // when there is none and the client can create files). Only for rules published for the
  // document; nothing when configs are not read (GKLINT_NO_CONFIG) or the client takes no
  // CodeAction literals.
  json code_action(const json& params) {
    const std::string uri = string_member(member(params, "textDocument"), "uri");
    const json& context = member(params, "context");
    const json& diagnostics = member(context, "diagnostics");
    if (!diagnostics.is_array()) throw BadParams("\"context.diagnostics\" must be an array");
    json actions = json::array();
    if (const auto only = context.find("only");
        only != context.end() && only->is_array() && std::find(only->begin(), only->end(), "quickfix") == only->end()) {
      return actions;
    }
    if (!literal_actions_) return actions;
    quick_fixes(uri, diagnostics, actions);
    if (!uri.starts_with("file://")) return actions;

    // The rules asked about (in the order first asked), each with its diagnostics as the client
    // sent them: only their plain members are copied.
    std::vector<std::pair<std::string, json>> rules;
    Lang lang = Lang::zh;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto doc = docs_.find(uri);
      if (doc == docs_.end() || doc->second.closed || !engine_->search) return actions;
      lang = engine_->lang;
      for (const json& d : diagnostics) {
        // Compared, never copied: a member may be nested arbitrarily deep.
        if (!d.is_object() || !d.contains("source") || d["source"] != "gklint" || !d.contains("code") ||
            !d["code"].is_string()) {
          continue;
        }
        const std::string rule = d["code"].get<std::string>();
        const auto published = std::find_if(doc->second.published.begin(), doc->second.published.end(),
                                            [&](const Published& p) { return p.rule == rule; });
        if (published == doc->second.published.end()) continue;
        auto entry = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.first == rule; });
        if (entry == rules.end()) entry = rules.insert(rules.end(), {rule, json::array()});
        if (entry->second.size() >= 100) continue;  // enough to say which findings the action is for
        json copy = {{"code", rule}, {"source", "gklint"}, {"range", to_json(published->range)}};
        if (const auto range = d.find("range"); range != d.end()) {
          try {
            copy["range"] = to_json(LspRange{position_member(*range, "start"), position_member(*range, "end")});
          } catch (const BadParams&) {
            // keep the published range
          }
        }
        if (d.contains("message") && d["message"].is_string()) copy["message"] = d["message"];
        if (d.contains("severity") && d["severity"].is_number_integer()) copy["severity"] = d["severity"];
        entry->second.push_back(std::move(copy));
      }
    }
    if (rules.empty()) return actions;

    const std::string path = uri_to_path(uri);
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::vector<std::string> skipped;
    const std::string config = find_config(path, &skipped);
    const bool en = lang == Lang::en;
    std::string text;
    if (!config.empty()) {
      if (read_input(config, &text, 1 << 20)) return actions;  // not a readable regular file
    } else if (!can_create_files_) {
      return actions;
    }
    const std::string target = config.empty() ? (folder / kConfigFileName).string() : config;
    if (config.empty()) {
      std::error_code ec;
      if (std::filesystem::exists(std::filesystem::symlink_status(target, ec))) return actions;  // skipped: not ours
    }
    const std::string shown = std::filesystem::path(target).lexically_relative(folder).string();
    const std::string target_uri = path_to_uri(target);
    for (auto& [rule, diags] : rules) {
      const std::optional<TextEdit> edit = disable_rule_edit(target, text, rule);
      if (!edit) continue;
      const LineIndex lines(text);
      const json text_edit = {{"range", to_json(LspRange{to_lsp_position(lines, edit->begin, encoding_),
                                                         to_lsp_position(lines, edit->end, encoding_)})},
                              {"newText", edit->text}};
      json workspace_edit;
      std::string title;
      if (config.empty()) {
        workspace_edit = {
            {"documentChanges",
             {{{"kind", "create"}, {"uri", target_uri}, {"options", {{"overwrite", false}, {"ignoreIfExists", false}}}},
              {{"textDocument", {{"uri", target_uri}, {"version", nullptr}}}, {"edits", {text_edit}}}}}};
        title = en ? "Disable " + rule + " in a new " + shown + " (every report in this folder and below)"
                   : "新建 " + shown + "，停用规则 " + rule + "（本文件夹及以下的所有报告）";
      } else {
        workspace_edit = {{"changes", {{target_uri, {text_edit}}}}};
        title = en ? "Disable " + rule + " in " + shown + " (every report it covers)"
                   : "在 " + shown + " 中停用规则 " + rule + "（它覆盖的所有报告）";
      }
      actions.push_back({{"title", "gklint: " + title},
                         {"kind", "quickfix"},
                         {"diagnostics", std::move(diags)},
                         {"edit", std::move(workspace_edit)}});
    }
    return actions;
  }

  // A finding's certain fix (the year typo, the missing 日, …) for each of the request's findings
  // that has one, while the document is still the text the findings were made from: once it has
  // changed, a fix's range may no longer hold what it replaces.
  void quick_fixes(const std::string& uri, const json& diagnostics, json& actions) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto doc = docs_.find(uri);
    if (doc == docs_.end() || doc->second.closed || doc->second.generation != doc->second.published_generation) return;
    const auto same = [](const LspRange& a, const LspRange& b) {
      return a.start.line == b.start.line && a.start.character == b.start.character && a.end.line == b.end.line &&
             a.end.character == b.end.character;
    };
    std::vector<bool> offered(doc->second.published.size());  // a finding sent twice gets one fix
    for (const json& d : diagnostics) {
      if (!d.is_object() || !d.contains("source") || d["source"] != "gklint" || !d.contains("code") ||
          !d["code"].is_string() || !d.contains("range")) {
        continue;
      }
      LspRange range;
      try {
        range = LspRange{position_member(d["range"], "start"), position_member(d["range"], "end")};
      } catch (const BadParams&) {
        continue;
      }
      for (size_t k = 0; k < doc->second.published.size(); ++k) {
        const Published& p = doc->second.published[k];
        if (offered[k] || !p.fix_range || p.rule != d["code"].get<std::string>() || !same(p.range, range)) continue;
        offered[k] = true;
        json edit = {{"range", to_json(*p.fix_range)}, {"newText", p.fix_text}};
        actions.push_back({{"title", "gklint: " + p.fix_title},
                           {"kind", "quickfix"},
                           {"isPreferred", true},
                           {"diagnostics", {{{"code", p.rule}, {"source", "gklint"}, {"range", to_json(p.range)}}}},
                           {"edit", {{"changes", {{uri, {std::move(edit)}}}}}}});
        break;
      }
      if (actions.size() >= 100) return;
    }
  }

  // -- the worker --

  // Whether a config or rule file the Engine read has changed since, or the document's folder now
  // gets another config: then the Engine is stale. Under mutex_.
  bool stale_locked(const Engine& engine, const std::string& path) {
    if (engine.search) {
      const auto it = engine.config_of_folder.find(folder_of(path));
      std::vector<std::string> skipped;
      if (it != engine.config_of_folder.end() && find_config(path, &skipped) != it->second) return true;
    }
    for (const auto& [file, stamp] : engine.files) {
      if (stamp_of(file) != stamp) return true;
    }
    return false;
  }

  // Before the pool reads a document's config: which it is, and its state now (a change after this
  // makes the Engine stale, even one made while the pool reads it). Under mutex_.
  static void note_config_locked(Engine& engine, const std::string& path) {
    if (!engine.search) return;
    const std::string folder = folder_of(path);
    if (engine.config_of_folder.count(folder)) return;
    std::vector<std::string> skipped;
    const std::string config = find_config(path, &skipped);
    engine.config_of_folder.emplace(folder, config);
    if (!config.empty()) engine.files.emplace(config, stamp_of(config));
  }

  // After: the rule files the config names. Under mutex_.
  static void note_rule_files_locked(Engine& engine, const std::string& path) {
    if (!engine.search) return;
    std::vector<FileResult> errors;  // already shown by for_file
    bool ok = true;
    const Config* config = engine.pool->config_for(path, &errors, &ok);
    if (!config) return;
    std::vector<std::string> refs = {config->rules};
    for (const auto& y : config->by_year) refs.push_back(y.rules);
    for (const auto& p : config->by_path) refs.push_back(p.rules);
    for (const std::string& ref : refs) {
      if (ref.find('/') != std::string::npos) engine.files.emplace(ref, stamp_of(ref));
    }
  }

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (stop_) return;
      Document* next = nullptr;
      for (auto& [uri, doc] : docs_) {
        if (doc.pending && (!next || doc.due < next->due)) next = &doc;
      }
      if (!next) {
        wake_.wait(lock);
        continue;
      }
      if (next->due > Clock::now()) {
        wake_.wait_until(lock, next->due);  // a newer change may move it: look again
        continue;
      }
      next->pending = false;
      if (!next->closed) {
        if (!reload_ && stale_locked(*engine_, next->path)) {
          reload_locked("a config or rule file changed: " + next->path);  // lints every open document again
          next->pending = false;                                          // this one now
        }
        if (reload_) {
          build_engine_locked();
          reload_ = false;
        }
      }
      // The document's Linter from its .gklint.yaml; a config with errors is shown once and the
      // document is linted without it.
      const std::shared_ptr<Engine> engine = engine_;
      const Linter* linter = nullptr;
      if (!next->closed) {
        note_config_locked(*engine, next->path);
        std::vector<FileResult> config_errors;
        linter = engine->pool->for_file(next->path, &config_errors);
        for (const FileResult& e : config_errors) {
          const Position at = e.source->position(e.diagnostics.front().span.begin);
          show_message(kMessageError, "gklint: " + e.path + ":" + std::to_string(at.line) + ":" +
                                          std::to_string(at.column) + ": " + e.diagnostics.front().message);
        }
        note_rule_files_locked(*engine, next->path);
      }
      if (!linter) linter = engine->linter.get();
      Job job{next->uri,
              next->path,
              next->text,
              next->version,
              next->generation,
              next->closed,
              encoding_,
              engine->lang,
              engine,
              linter,
              linter->fixed_rules() ? linter->fixed_rules() : engine->fixed};
      if (job.close) docs_.erase(job.uri);
      lock.unlock();

      std::vector<Published> published;
      json params = job.close ? json{{"uri", job.uri}, {"diagnostics", json::array()}} : lint(job, &published);

      lock.lock();
      if (state_ != State::running || params.is_null()) continue;  // shut down meanwhile, or failed
      if (!job.close) {
        const auto it = docs_.find(job.uri);
        // Changed, closed or reopened while it was linted: dropped; a newer lint is pending.
        if (it == docs_.end() || it->second.generation != job.generation) continue;
        it->second.published = std::move(published);
        it->second.published_generation = job.generation;
      }
      // Written without the lock, so a slow client never holds up the reader. There is one
      // worker, so a document's lists still go out in order.
      lock.unlock();
      writer_.send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}});
      lock.lock();
    }
  }

  // The rule behind a diagnostic, for its doc in hover.
  const Rule* find_rule(const Job& job, const std::string& ruleset, const std::string& rule_id) {
    std::shared_ptr<const RuleSet> set = job.fixed;
    if (!set && !ruleset.empty()) {
      std::vector<RuleError> errors;
      set = job.engine->catalog->get(ruleset, &errors);  // built-in, cached: chosen by year
    }
    if (!set) return nullptr;
    for (const Rule& r : set->rules) {
      if (r.id == rule_id) return &r;  // the Catalog keeps every set it loaded alive
    }
    return nullptr;
  }

  // Lints one document version; the publishDiagnostics params, or null when it failed.
  json lint(const Job& job, std::vector<Published>* published) {
    json params = {{"uri", job.uri}};
    if (job.version) params["version"] = *job.version;
    params["diagnostics"] = json::array();
    // A .docx is never text in an editor; an empty buffer (a new file) is not an error to show.
    if (ends_with_ci(job.path, ".docx") || ends_with_ci(job.path, ".doc") || ends_with_ci(job.path, ".pdf") ||
        job.text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
      return params;
    }
    FileResult r;
    try {
      r = job.linter->lint(job.path, job.text);
    } catch (const std::exception& e) {
      log("linting " + job.uri + " failed: " + e.what());
      return nullptr;
    }
    const Source& src = *r.source;
    const LineIndex lines(job.text);
    const bool en = job.lang == Lang::en;
    // One walker for every place (begins, ends, the cells of a sum, fixes): each walk starts from
    // the nearest place it knows, so a crawled page on one line is walked about once.
    ColumnWalker walker(units_of(job.encoding));
    const auto range_of = [&](Span s) {
      return LspRange{to_lsp(lines, src.position(s.begin), walker),
                      to_lsp(lines, src.position(std::max(s.end, s.begin)), walker)};
    };
    for (const Diagnostic& d : r.diagnostics) {
      const LspRange range = range_of(d.span);
      json diag = {{"range", to_json(range)},
                   {"severity", lsp_severity(d.severity)},
                   {"code", d.rule},
                   {"source", "gklint"},
                   {"message", d.message}};
      // No codeDescription: the rules are documented by `gklint explain` and in hover, and
      // there is no per-rule page whose URL the installed binary could know.
      if (!d.related.empty()) {
        json related = json::array();
        for (const Related& rel : d.related) {
          if (rel.source) continue;  // another file: the server lints one document at a time
          related.push_back({{"location", {{"uri", job.uri}, {"range", to_json(range_of(rel.span))}}},
                             {"message", rel.label + " = " + rel.value}});
        }
        diag["relatedInformation"] = std::move(related);
      }
      // The kind-specific fields of the JSON output (docs/json-output.md), for code actions and tools.
      json data = {{"kind", d.kind}};
      add_kind_fields(data, d);
      if (!d.cite.empty()) data["cite"] = d.cite;
      if (const Position b = src.position(d.span.begin); b.grid.table) {
        data["cell"] = cell_json<json>(b.grid);
      }
      diag["data"] = std::move(data);
      params["diagnostics"].push_back(std::move(diag));

      // Hover: the finding, what the rule checks and why, and its basis.
      std::string md =
          "**gklint** `" + d.rule + "` (" + severity_label(d.severity, job.lang) + ")\n\n" + markdown_text(d.message);
      if (const Rule* rule = find_rule(job, r.ruleset, d.rule)) {
        if (!rule->doc.in(job.lang).empty()) md += "\n\n" + markdown_text(rule->doc.in(job.lang));
      }
      if (!d.cite.empty()) md += std::string("\n\n") + (en ? "Basis: " : "依据：") + markdown_text(d.cite);
      if (!r.ruleset.empty()) md += std::string("\n\n") + (en ? "Rule set: `" : "规则集：`") + r.ruleset + "`";
      Published& p = published->emplace_back(Published{range, std::move(md), d.rule, {}, {}, {}});
      // Plain text only: in a page the range is not where the text read sits in the file.
      if (d.fix && src.format() == "text") {
        p.fix_title = fix_description(src, *d.fix, job.lang);
        p.fix_range = range_of(d.fix->span);
        p.fix_text = d.fix->replacement;
      }
    }
    return params;
  }

  const LanguageServerOptions& options_;
  lsp::Writer writer_;
  std::mutex log_mutex_;
  State state_ = State::uninitialized;  // written under mutex_ (the worker reads it)

  // The reader thread's alone: what the client can do, and the server's requests awaiting an answer.
  std::string root_;
  bool can_watch_ = false;          // workspace.didChangeWatchedFiles.dynamicRegistration
  bool can_pull_settings_ = false;  // workspace.configuration
  bool can_create_files_ = false;   // workspace.workspaceEdit: documentChanges, resourceOperations "create"
  bool literal_actions_ = false;    // textDocument.codeAction.codeActionLiteralSupport
  uint64_t requests_sent_ = 0;
  std::map<std::string, std::string> awaiting_;  // request id -> method

  std::mutex mutex_;  // guards everything below, and state_ for the worker
  std::condition_variable wake_;
  std::map<std::string, Document> docs_;
  SettingsLayer init_layer_, workspace_layer_;
  std::shared_ptr<Engine> engine_;
  bool reload_ = false;  // engine_ is to be built anew before the next lint
  Encoding encoding_ = Encoding::utf16;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace

int run_language_server(std::istream& in, std::ostream& out, const LanguageServerOptions& options) {
  // A tied stream (std::cin to std::cout) would flush the output from the reader thread while the
  // worker writes to it.
  in.tie(nullptr);
  Server server(out, options);
  if (!server.load_command_line_rules()) return 2;
  return server.run(in);
}

}  // namespace gklint
