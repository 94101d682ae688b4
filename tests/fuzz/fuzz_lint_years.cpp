// libFuzzer target: two reports checked across reports: across years (--previous), as another
// agency's report of the year (--find-copies), and as the parts of a total (a config's sums). The input is the other
// report, a form feed, then this one (no form feed: the input is both). Every rule across reports runs on what the
// fuzzer makes of either side; findings must point into this report and related places into the file they name; the
// sentence hashes the batch compares by are read without fault.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gklint/lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static gklint::Catalog catalog;
  static const gklint::Linter linter(catalog, nullptr, {});
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find('\f');
  const std::string last = cut == std::string::npos ? input : input.substr(0, cut);
  const std::string now = cut == std::string::npos ? input : input.substr(cut + 1);
  const gklint::FileResult before = linter.lint("2019.txt", last);
  gklint::Partners partners;
  partners.previous = &before;
  partners.copy_of = &before;
  partners.parts = {&before, &before};
  const gklint::FileResult r = linter.lint("2020.txt", now, nullptr, partners);
  std::string agency;
  int year = 0;
  std::vector<uint64_t> prints;
  (void)linter.identify("2020.txt", now, &agency, &year, &prints);
  for (const gklint::Diagnostic& d : r.diagnostics) {
    if (d.span.end < d.span.begin || d.span.end > r.source->text().size()) __builtin_trap();
    for (const gklint::Related& rel : d.related) {
      const gklint::Source& in = rel.source ? *rel.source : *r.source;
      if (rel.span.end < rel.span.begin || rel.span.end > in.text().size()) __builtin_trap();
      (void)in.position(rel.span.begin);
    }
  }
  return 0;
}
