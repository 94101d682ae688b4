#include "cli/fix_cmd.hpp"

#include <filesystem>
#include <iostream>

#include "cli/batch.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "gklint/emit.hpp"
#include "gklint/fix.hpp"
#include "gklint/input.hpp"
#include "gklint/read.hpp"

namespace fs = std::filesystem;

namespace gklint {

const char* const kFixSummary =
    "apply the certain fixes (a mistyped year, the period's missing 日, a heading number out of step, a misnamed\n"
    "statute) to plain-text and Markdown reports: each is written to REPORT.fixed.EXT beside it, or with --in-place\n"
    "to the report itself (the original kept as REPORT.bak); arithmetic is never fixed (which cell is wrong is a\n"
    "judgement)";

std::string fixed_copy_path(const std::string& path) { return beside(path, ".fixed"); }

namespace {

// One report fixed; false when it could not be (said on standard error).
bool fix_one(const std::string& path, const Linter& linter, bool in_place, Lang lang) {
  const auto refuse = [&](const std::string& why) {
    std::cerr << "gklint: " << path << ": " << why << "\n";
    return false;
  };
  std::string bytes;
  const std::optional<FileResult> linted = read_and_lint(linter, path, lang, &bytes);
  if (!linted) return false;
  const FileResult& r = *linted;
  const Source& src = *r.source;
  if (src.format() != "text") return refuse(msg::text(lang, msg::kFixNotText, {src.format()}));
  if (src.decode_warning()) return refuse(msg::text(lang, msg::kFixBadBytes, {src.encoding()}));

  const FixedText fixed = apply_fixes(src.text(), r.diagnostics);
  if (fixed.applied.empty()) {
    std::cout << path << ": " << msg::text(lang, msg::kFixNothing, {std::to_string(r.diagnostics.size())}) << "\n";
    return true;
  }
  // Written back in the file's encoding, its bytes unchanged outside the fixes (the byte order
  // mark, which decoding took off, put back).
  const auto before = encode_text(src.text(), src.encoding());
  const auto after = encode_text(fixed.text, src.encoding());
  if (!before || !after || !bytes.ends_with(*before) || bytes.size() - before->size() > 4) {
    return refuse(msg::text(lang, msg::kFixCannotEncode, {src.encoding()}));
  }
  const std::string out = bytes.substr(0, bytes.size() - before->size()) + *after;

  // The fixes were made for these bytes: a file changed since (saved by an editor meanwhile) is
  // not overwritten with them.
  std::string now;
  if (read_input(path, &now) || now != bytes) return refuse(msg::text(lang, msg::kFixChanged));
  const std::string target = in_place ? path : fixed_copy_path(path);
  if (in_place) {
    std::error_code ec;
    const fs::perms mode = fs::status(path, ec).permissions();
    if (!write_whole("--in-place", path + ".bak", {path}, bytes, lang)) return false;
    if (!write_whole("--in-place", path, {}, out, lang)) return false;
    if (!ec) fs::permissions(path, mode, ec);  // the report keeps its mode (the temporary file had its own)
  } else if (!write_whole("fix", target, {path}, out, lang)) {
    return false;
  }

  for (size_t i : fixed.applied) {
    const Diagnostic& d = r.diagnostics[i];
    const Position p = src.position(d.fix->span.begin);
    std::cout << path << ":" << p.line << ":" << p.column << ": " << fix_description(src, *d.fix, lang) << " ["
              << d.rule << "]\n";
  }
  for (size_t i : fixed.skipped) {
    const Diagnostic& d = r.diagnostics[i];
    const Position p = src.position(d.fix->span.begin);
    std::cout << path << ":" << p.line << ":" << p.column << ": " << msg::text(lang, msg::kFixSkipped) << " [" << d.rule
              << "]\n";
  }
  std::cout << path << ": "
            << msg::text(lang, msg::kFixWritten,
                         {target, std::to_string(fixed.applied.size()),
                          std::to_string(r.diagnostics.size() - fixed.applied.size())})
            << "\n";
  if (in_place) std::cout << path << ": " << msg::text(lang, msg::kFixBackup, {path + ".bak"}) << "\n";
  return true;
}

}  // namespace

int run_fix_command(const std::vector<std::string>& files,
                    const std::function<const Linter*(const std::string&)>& linter_for, bool in_place, Lang lang) {
  int status = 0;
  for (const std::string& path : files) {
    if (path == "-") {
      std::cerr << "gklint: " << msg::text(lang, msg::kFixStdin) << "\n";
      status = 2;
      continue;
    }
    const Linter* linter = linter_for(path);
    if (!linter || !fix_one(path, *linter, in_place, lang)) status = 2;
  }
  return status;
}

}  // namespace gklint
