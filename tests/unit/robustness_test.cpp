// Bad input never crashes and every finding points at a real place in the file: lint truncated
// and mutated copies of the seed reports and check each diagnostic's position.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "gklint/lint.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

void check_positions(const FileResult& r) {
  const Source& src = *r.source;
  for (const Diagnostic& d : r.diagnostics) {
    REQUIRE(d.span.begin <= d.span.end);
    REQUIRE(d.span.end <= src.text().size());
    Position p = src.position(d.span.begin);
    REQUIRE(p.line >= 1);
    REQUIRE(p.line <= src.line_count());
    REQUIRE(!d.rule.empty());
    REQUIRE(!d.message.empty());
  }
}

}  // namespace

TEST_CASE("robustness: truncated and mutated reports lint without crashing, at real positions") {
  Catalog catalog;
  Linter linter(catalog, nullptr, {});
  std::mt19937 rng(20261122);
  int runs = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GKLINT_SOURCE_DIR) / "tests/fixtures/seeds")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (size_t cut = 0; cut <= text.size(); cut += 97) {
      check_positions(linter.lint("cut", text.substr(0, cut)));
      ++runs;
    }
    for (int k = 0; k < 60; ++k) {
      std::string m = text;
      // Replace a few bytes with markers, digits, separators, line ends or random bytes.
      static const char* kPieces[] = {"一、", "（", "）", "\n", "|", "\t", "年", "9", "\xE4", "\r", "十", "。"};
      for (int j = 0; j < 8; ++j) {
        size_t at = rng() % m.size();
        if (rng() % 3 == 0) m[at] = static_cast<char>(rng() % 256);
        else m.insert(at, kPieces[rng() % (sizeof kPieces / sizeof *kPieces)]);
      }
      check_positions(linter.lint("mutated", m));
      ++runs;
    }
  }
  CHECK(runs > 700);
}
