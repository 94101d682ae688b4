// libFuzzer target: a rule file as the YAML rule loader reads it (extends: may name only the
// built-in sets). Errors are fine; crashes, hangs and unbounded memory are not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gklint/ruleset.hpp"
#include "rules/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static gklint::Catalog catalog;  // loads the built-in sets once; the fuzzed file extends them
  std::vector<gklint::RuleError> errors;
  gklint::RuleFile file;
  file.path = "fuzz.yaml";
  file.text.assign(reinterpret_cast<const char*>(data), size);
  auto cache = gklint::make_load_cache();
  (void)gklint::load_rule_set(file, gklint::builtin_resolver(catalog), cache.get(), &errors);
  return 0;
}
