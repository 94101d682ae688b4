// --format gitlab: a GitLab Code Quality report (the `artifacts:reports:codequality` JSON that the
// merge-request widget and the Changes view read): an array of issues, each with description,
// check_name, fingerprint, severity (info | minor | major | critical | blocker) and
// location.path + location.lines.begin — the fields GitLab reads (docs.gitlab.com, "Code Quality",
// "Implement a custom tool"). Written as results arrive; no byte order mark (GitLab refuses one).
#include <nlohmann/json.hpp>

#include "emit/writers.hpp"
#include "gklint/fingerprint.hpp"

namespace gklint {

namespace {

// An error fails the review as GitLab's linters' errors do (major); a file gklint could not read
// at all is worse than any finding in it (critical: nothing of it was checked).
const char* gitlab_severity(const Diagnostic& d, bool unreadable) {
  if (unreadable) return "critical";
  switch (d.severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: return "info";
  }
  return "major";
}

class GitlabWriter : public Writer {
 public:
  explicit GitlabWriter(std::ostream& out) : out_(out) { out_ << "["; }

  void file(const FileResult& r) override {
    const std::vector<std::string> prints = fingerprints(*r.source, r.diagnostics);
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      const Range at = range_of(*r.source, d.span);
      nlohmann::ordered_json j;
      j["description"] = d.message;
      j["check_name"] = d.rule;
      // Unique in the whole report: GitLab shows findings with equal fingerprints as one.
      j["fingerprint"] = fingerprint_in_batch(r.path, prints[i]);
      j["severity"] = gitlab_severity(d, r.unreadable);
      j["location"] = {{"path", r.path}, {"lines", {{"begin", at.begin.line}, {"end", at.end.line}}}};
      out_ << (first_ ? "\n" : ",\n") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      first_ = false;
    }
  }

  void finish(const Summary&) override {
    out_ << (first_ ? "]\n" : "\n]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Writer> make_gitlab_writer(std::ostream& out, const WriterOptions&) {
  return std::make_unique<GitlabWriter>(out);
}

}  // namespace gklint
