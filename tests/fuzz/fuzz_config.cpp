// libFuzzer target: a .gklint.yaml as the config parser reads it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gklint/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gklint::Config config;
  std::vector<gklint::RuleError> errors;
  (void)gklint::parse_config("/fuzz/.gklint.yaml", std::string(reinterpret_cast<const char*>(data), size), &config,
                             &errors, "/fuzz");
  return 0;
}
