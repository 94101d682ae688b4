// The one reader of input files: what it refuses, and that it never blocks or reads without bound.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gklint/baseline.hpp"
#include "gklint/read.hpp"
#include "gklint/ruleset.hpp"

namespace fs = std::filesystem;
using namespace gklint;

namespace {

struct TempDir {
  fs::path dir = fs::temp_directory_path() / ("gklint-read-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(dir); }
  ~TempDir() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

}  // namespace

TEST_CASE("read_input: regular files are read, everything else refused with its kind") {
  TempDir t;
  std::string text;
  CHECK_FALSE(read_input(t.write("a.txt", "年度报告"), &text));
  CHECK(text == "年度报告");
  CHECK_FALSE(read_input(t.write("empty.txt", ""), &text));
  CHECK(text.empty());

  const std::string fifo = (t.dir / "pipe.txt").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  auto error = read_input(fifo, &text);  // returns at once: no writer is waited for
  REQUIRE(error);
  CHECK(error->en == "not a regular file: a FIFO");
  CHECK(error->both() == "不是普通文件：这是命名管道 (FIFO) (not a regular file: a FIFO)");

  error = read_input("/dev/zero", &text);
  REQUIRE(error);
  CHECK(error->en == "not a regular file: a character device");
  error = read_input(t.dir.string(), &text);
  REQUIRE(error);
  CHECK(error->en == "not a regular file: a folder");
  error = read_input((t.dir / "missing.txt").string(), &text);
  REQUIRE(error);
  CHECK(error->en == "no such file");
  fs::create_symlink("loop.txt", t.dir / "loop.txt");
  error = read_input((t.dir / "loop.txt").string(), &text);
  REQUIRE(error);
  CHECK(error->en == "a symlink loop");
}

TEST_CASE("read_input: the size cap is checked before reading") {
  TempDir t;
  std::string text;
  const std::string file = t.write("big.txt", std::string(3u << 20, 'x'));
  CHECK_FALSE(read_input(file, &text, 3u << 20));  // exactly at the cap: read
  const auto error = read_input(file, &text, 2u << 20);
  REQUIRE(error);
  CHECK(error->en.starts_with("the file is larger than 2 MiB"));
  CHECK(text.empty());
}

TEST_CASE("cap_errors: at most kMaxErrorsPerFile per file, then one line for the rest") {
  std::vector<RuleError> errors;
  errors.push_back({"before.yaml", "", 0, "kept: not part of the capped range"});
  for (int i = 0; i < 30; ++i) errors.push_back({"a.yaml", "", 0, "a" + std::to_string(i)});
  for (int i = 0; i < 3; ++i) errors.push_back({"b.yaml", "", 0, "b" + std::to_string(i)});
  cap_errors(&errors, 1);
  REQUIRE(errors.size() == 1 + kMaxErrorsPerFile + 3 + 1);
  CHECK(errors[0].file == "before.yaml");
  CHECK(errors[kMaxErrorsPerFile].message == "a19");
  CHECK(errors.back().file == "a.yaml");
  CHECK(errors.back().message.find("and 10 more errors") != std::string::npos);
}

TEST_CASE("rule errors share the file's text instead of copying it") {
  TempDir t;
  std::string yaml = "id: many\n";
  for (int i = 0; i < 50; ++i) yaml += "unknown_" + std::to_string(i) + ": 1\n";
  Catalog c;
  std::vector<RuleError> errors;
  CHECK_FALSE(c.get(t.write("many.yaml", yaml), &errors));
  REQUIRE(errors.size() == kMaxErrorsPerFile + 1);
  CHECK(&errors[0].file_text.str() == &errors[1].file_text.str());
  CHECK(errors[0].file_text.str() == yaml);
  CHECK(errors.back().message.find("and 30 more errors") != std::string::npos);
}

TEST_CASE("baseline: wrong JSON types and syntax errors are located messages, never exceptions") {
  TempDir t;
  const auto error_of = [&](const std::string& json) {
    Baseline b;
    std::string error;
    CHECK_FALSE(Baseline::read(t.write("base.json", json), &b, &error));
    return error;
  };
  CHECK(
      error_of(
          R"({"tool":"gklint","version":1,"findings":[{"path":"a","fingerprint":"x"},{"path":"a","fingerprint":"y","rule":1}]})")
          .find("entry 2: `rule` must be a string") != std::string::npos);
  CHECK(error_of(R"({"tool":"gklint","version":1,"findings":[{"path":"a","fingerprint":7}]})")
            .find("entry 1: `fingerprint` must be a string") != std::string::npos);
  CHECK(error_of(R"({"tool":7,"version":1,"findings":[]})").find("not a gklint baseline") != std::string::npos);
  CHECK(error_of(R"({"tool":"gklint","version":"1","findings":[]})").find("`version` must be an integer") !=
        std::string::npos);
  CHECK(error_of(R"({"tool":"gklint","version":1,"findings":{}})").find("`findings` must be an array") !=
        std::string::npos);
  CHECK(error_of("{\"tool\": \"gklint\",\n\"version\": 1,\n\"findings\": [,]}").starts_with("3:14: "));
  CHECK(error_of("").starts_with("1:1: "));
}
