// The web server as a module of its own, gklint-serve.so (serve_loader.cpp loads it). It calls the
// executable's own functions (linting, the outputs, annotate), which the executable exports; only
// these two functions are the module's own.
#include "cli/serve.hpp"

extern "C" {

// The gklint it was built for (serve_module_tag): the loader refuses another's.
__attribute__((visibility("default"))) const char* gklint_serve_module_version() {
  static const std::string kTag = gklint::serve_module_tag();
  return kTag.c_str();
}

__attribute__((visibility("default"))) int gklint_serve_module_run(const gklint::ServeCommand* command,
                                                                   gklint::Catalog* catalog, int lang) {
  return gklint::run_server(*command, *catalog, static_cast<gklint::Lang>(lang));
}
}
