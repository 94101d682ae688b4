#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gklint/baseline.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

const char* kReport =
    "某县2021年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "三、收到和处理政府信息公开申请情况\n";

std::vector<std::string> rules_of(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.rule + ":" + (d.fields.empty() ? "" : d.fields[0].second));
  return out;
}

}  // namespace

TEST_CASE("baseline: recorded findings are suppressed, new ones reported, lines moving changes nothing") {
  Catalog catalog;
  const Linter linter(catalog, nullptr, LintOptions{});
  const FileResult today = linter.lint("./reports/a.txt", kReport);
  REQUIRE(today.diagnostics.size() >= 3);

  const fs::path file = fs::temp_directory_path() / "gklint-baseline-test.json";
  Baseline recorded(file.string());  // paths kept relative to the file's folder
  recorded.record(today);
  {
    std::ofstream out(file);
    recorded.write(out);
  }
  Baseline b;
  std::string error;
  REQUIRE(Baseline::read(file.string(), &b, &error));
  CHECK(b.size() == today.diagnostics.size());

  // The same report with two lines added at the top, the path given differently: all suppressed.
  FileResult moved = linter.lint("reports/a.txt", std::string("\n\n") + kReport);
  CHECK(b.suppress(moved) == static_cast<int>(today.diagnostics.size()));
  CHECK(moved.diagnostics.empty());

  // Heading 一 removed as well: the section it held is now missing and the numbering starts at 三;
  // those two are new, the rest stay suppressed.
  std::string edited = std::string("\n\n") + kReport;
  edited.erase(edited.find("一、总体情况\n"), std::string("一、总体情况\n").size());
  FileResult later = linter.lint("reports/a.txt", edited);
  const size_t before = later.diagnostics.size();
  const int suppressed = b.suppress(later);
  CHECK(later.diagnostics.size() == before - static_cast<size_t>(suppressed));
  CHECK(rules_of(later) == std::vector<std::string>{"heading.numbering:start", "section.missing:overview"});

  // Another file's findings are not touched.
  FileResult other = linter.lint("reports/b.txt", kReport);
  CHECK(b.suppress(other) == 0);
  fs::remove(file);
}

TEST_CASE("baseline: a file that is not a baseline is an error, not an empty baseline") {
  const fs::path file = fs::temp_directory_path() / "gklint-baseline-bad.json";
  Baseline b;
  std::string error;
  for (const char* text : {"", "{\"findings\": 3}", "[]", "{\"tool\":\"gklint\",\"version\":9,\"findings\":[]}",
                           "{\"tool\":\"gklint\",\"version\":1,\"findings\":[{\"path\":\"a\"}]}"}) {
    std::ofstream(file) << text;
    CHECK_FALSE_MESSAGE(Baseline::read(file.string(), &b, &error), text);
    CHECK_FALSE(error.empty());
  }
  CHECK_FALSE(Baseline::read("/no/such/baseline.json", &b, &error));
  fs::remove(file);
}
