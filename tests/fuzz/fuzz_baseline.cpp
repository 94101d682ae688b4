// libFuzzer target: a baseline file (JSON) as --baseline reads it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "gklint/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/gklint-fuzz-baseline-" + std::to_string(getpid()) + ".json";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  gklint::Baseline baseline;
  std::string error;
  (void)gklint::Baseline::read(path, &baseline, &error);
  return 0;
}
