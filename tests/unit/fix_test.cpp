// The certain fixes findings carry (Diagnostic::fix), applying them, and writing a file back in
// its encoding.
#include <doctest/doctest.h>

#include "gklint/fix.hpp"
#include "gklint/input.hpp"
#include "gklint/lint.hpp"

using namespace gklint;

namespace {

Diagnostic with_fix(uint32_t begin, uint32_t end, std::string replacement) {
  Diagnostic d;
  d.fix = Fix{Span{begin, end}, std::move(replacement)};
  return d;
}

struct Linted {
  Catalog catalog;
  FileResult result;
  explicit Linted(const std::string& text) { result = Linter(catalog, nullptr, {}).lint("t.txt", text); }
  // The finding of `rule` (the first), or nullptr.
  const Diagnostic* find(const std::string& rule) const {
    for (const Diagnostic& d : result.diagnostics) {
      if (d.rule == rule) return &d;
    }
    return nullptr;
  }
  std::string fixed() const { return apply_fixes(result.source->text(), result.diagnostics).text; }
};

const std::string kHead = "某区人民政府\n2022年政府信息公开工作年度报告\n";

}  // namespace

TEST_CASE("apply_fixes: in the order of their places; overlaps are skipped, not guessed") {
  const std::string text = "0123456789";
  std::vector<Diagnostic> ds = {with_fix(6, 8, "x"), Diagnostic{}, with_fix(1, 3, "AB"), with_fix(3, 3, "+")};
  FixedText f = apply_fixes(text, ds);
  CHECK(f.text == "0AB+345x89");
  CHECK(f.applied == std::vector<size_t>{2, 3, 0});
  CHECK(f.skipped.empty());

  ds = {with_fix(1, 4, "a"), with_fix(2, 5, "b"), with_fix(5, 5, "c"), with_fix(5, 5, "d"), with_fix(9, 12, "e")};
  f = apply_fixes(text, ds);
  CHECK(f.text == "0a4c56789");  // b overlaps a; d is a second insertion at c's place; e runs past the end
  CHECK(f.applied == std::vector<size_t>{0, 2});
  CHECK(f.skipped == std::vector<size_t>{1, 3, 4});
  CHECK(apply_fixes(text, {}).text == text);
}

TEST_CASE("fixes: the year typo, the period's 日, a misnamed statute, a heading out of step") {
  const Linted r(kHead +
                 "本报告根据《中华人民共和国政府信息公开工作条例》编制，统计期限自2022年1月1日起至2022年12月31。\n"
                 "一、总体情况\n（一）主动公开\n（二）依申请公开\n（二）政府信息管理\n（四）平台建设\n"
                 "二、其他\n现将20222年度工作报告如下。\n");
  const Diagnostic* typo = r.find("year.typo");
  REQUIRE(typo);
  REQUIRE(typo->fix);
  CHECK(typo->fix->replacement == "2022");
  CHECK(span_text(*r.result.source, typo->fix->span) == "20222");
  const Diagnostic* period = r.find("period.incomplete");
  REQUIRE(period);
  REQUIRE(period->fix);
  CHECK(period->fix->span.begin == period->fix->span.end);
  CHECK(period->fix->replacement == "日");
  const Diagnostic* statute = r.find("statute.name");
  REQUIRE(statute);
  REQUIRE(statute->fix);
  CHECK(statute->fix->replacement == "《中华人民共和国政府信息公开条例》");
  const Diagnostic* numbering = r.find("heading.numbering");
  REQUIRE(numbering);
  REQUIRE(numbering->fix);
  CHECK(span_text(*r.result.source, numbering->fix->span) == "（二）");
  CHECK(numbering->fix->replacement == "（三）");

  // Fixed, linted again: those findings are gone, nothing new.
  const Linted again(r.fixed());
  for (const char* rule : {"year.typo", "period.incomplete", "statute.name", "heading.numbering"}) {
    CHECK_MESSAGE(again.find(rule) == nullptr, rule);
  }
  CHECK(again.result.diagnostics.size() == r.result.diagnostics.size() - 4);
}

TEST_CASE("fixes: none where the fix is not certain") {
  // Full-width digits keep their width.
  const Linted wide(kHead + "现将２０２２２年度工作报告如下。\n");
  const Diagnostic* typo = wide.find("year.typo");
  REQUIRE(typo);
  REQUIRE(typo->fix);
  CHECK(typo->fix->replacement == "２０２２");

  // Traditional script: the name the rule file gives would change the script. Found, not fixed.
  const Linted hant(
      "某區人民政府\n2022年政府信息公開工作年度報告\n本報告根據《中華人民共和國政府信息公開工作條例》編制。\n");
  const Diagnostic* statute = hant.find("statute.name");
  REQUIRE(statute);
  CHECK_FALSE(statute->fix);

  // 1 2 4 5: a section missing, or the numbers wrong? The writer's call.
  const Linted skip(kHead + "一、总体情况\n（一）主动公开\n（二）依申请公开\n（四）政府信息管理\n（五）平台建设\n");
  const Diagnostic* numbering = skip.find("heading.numbering");
  REQUIRE(numbering);
  CHECK_FALSE(numbering->fix);
  // A slip at the end has one.
  const Linted last(kHead + "一、总体情况\n（一）主动公开\n（二）依申请公开\n（四）政府信息管理\n");
  REQUIRE(last.find("heading.numbering"));
  CHECK(last.find("heading.numbering")->fix);

  // Arithmetic is never fixed.
  const Linted sums(kHead + "三、收到和处理政府信息公开申请情况\n");
  for (const Diagnostic& d : sums.result.diagnostics) {
    if (d.expected) CHECK_FALSE(d.fix);
  }
}

TEST_CASE("encode_text: back into the encoding a file came in, or nothing") {
  const std::string text = "政府信息公开 2022年";
  const auto gb = encode_text(text, "GB18030");
  REQUIRE(gb);
  CHECK(*gb == "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA 2022\xC4\xEA");
  CHECK(encode_text(text, "UTF-8 (BOM)") == text);
  const auto le = encode_text("政a", "UTF-16LE");
  REQUIRE(le);
  CHECK(*le == std::string("\x3F\x65\x61\x00", 4));
  CHECK(encode_text("𠀀", "UTF-16LE")->size() == 4);  // a surrogate pair
  CHECK_FALSE(encode_text("说明", "Big5"));           // a Simplified character Big5 lacks
  CHECK(encode_text("政府", "no-such-encoding") == std::nullopt);
}
