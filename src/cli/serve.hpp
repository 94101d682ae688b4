// `gklint serve`: a local web page for the people who draft reports: drop a file or paste text, see
// the findings on the text, explain each rule, download the annotated .docx and an HTML report.
#pragma once

#include <string>

#include "gklint/diagnostic.hpp"
#include "gklint/ruleset.hpp"

namespace gklint {

struct ServeCommand {
  int port = 8470;                 // 0: any free port (the URL printed says which)
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
};

extern const char* const kServeSummary;

// Serves until killed. Prints the page's URL on standard output once it listens. 2 when it cannot
// listen there, or when the module gklint-serve.so, which holds the server, is missing (the
// executable loads it here, so that a run that serves nothing does not load the web server and
// OpenSSL: serve_loader.cpp).
int run_serve_command(const ServeCommand& command, Catalog& catalog, Lang lang);

// In the module (serve.cpp, serve_page.cpp, serve_module.cpp): the server, as run_serve_command.
int run_server(const ServeCommand& command, Catalog& catalog, Lang lang);
// The page, all of it (script and style inline, nothing fetched from elsewhere), in `lang`.
std::string serve_page(Lang lang);

// What the module and the executable that loads it must agree on: the version, the compiler (the
// module calls the executable's own functions), and the layout of what is passed.
inline std::string serve_module_tag() {
  return std::string(GKLINT_VERSION) + "/" + __VERSION__ + "/" + std::to_string(sizeof(ServeCommand)) + "/" +
         std::to_string(sizeof(Catalog));
}

}  // namespace gklint
