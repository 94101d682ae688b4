// What an editor integration does on each keystroke: lint a report again, in-process, with the
// rule sets already loaded. Prints the median and the 95th percentile over many runs.
//
//   gklint-relint FILE [RUNS=200]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: gklint-relint FILE [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream ss;
  if (!in || !(ss << in.rdbuf())) {
    std::cerr << "gklint-relint: cannot read " << argv[1] << "\n";
    return 2;
  }
  const std::string text = ss.str();
  const int runs = argc == 3 ? std::max(1, std::atoi(argv[2])) : 200;
  gklint::Catalog catalog;
  gklint::Linter linter(catalog, nullptr, {});
  size_t findings = linter.lint(argv[1], text).diagnostics.size();  // loads the rule set once
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    gklint::FileResult r = linter.lint(argv[1], text);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    findings = r.diagnostics.size();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%s: %zu bytes, %zu findings, %d runs: median %.3f ms, p95 %.3f ms, min %.3f ms\n", argv[1], text.size(),
              findings, runs, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.front());
  return 0;
}
