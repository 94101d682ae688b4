// run_serve_command for the gklint executable: the server lives in the module gklint-serve.so
// (serve.cpp, serve_module.cpp), loaded when `gklint serve` starts (gklint/module.hpp). cpp-httplib
// as Debian builds it initialises OpenSSL as it loads: with the libraries it brings, about 5 M
// instructions and 1 ms at every start of a run that serves nothing.
#include <iostream>

#include "cli/serve.hpp"
#include "gklint/module.hpp"

namespace gklint {

const char* const kServeSummary =
    "serve a local web page (Chinese; English with ?lang=en) to check a report without a terminal: drop a\n"
    ".docx, .txt, .md, .html or .pdf, or paste text; the findings are shown on the text, each rule explained, and\n"
    "the annotated .docx and an HTML report can be downloaded. Listens on 127.0.0.1 unless --host says otherwise;\n"
    "uploads are checked in memory, up to 20 MB";

int run_serve_command(const ServeCommand& command, Catalog& catalog, Lang lang) {
  using RunFn = int (*)(const ServeCommand*, Catalog*, int);
  const Module m = load_module("gklint-serve.so", "网页服务模块", "web server module", "gklint_serve_module_version",
                               serve_module_tag(), {"gklint_serve_module_run"});
  const auto run = module_function<RunFn>(m, "gklint_serve_module_run");
  if (!run) {
    std::cerr << "gklint serve: " << (lang == Lang::en ? m.why_en : m.why_zh) << "\n";
    return 2;
  }
  return run(&command, &catalog, static_cast<int>(lang));
}

}  // namespace gklint
