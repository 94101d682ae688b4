// The one number reader: prose figures and table cells.
#include <doctest/doctest.h>

#include <string>

#include "gklint/numbers.hpp"
#include "gklint/table.hpp"

using namespace gklint;

namespace {

ProseNumber read(const std::string& text, size_t pos = 0) {
  ProseNumber n;
  REQUIRE_MESSAGE(read_number(text, pos, &n), text);
  return n;
}

bool reads(const std::string& text) {
  ProseNumber n;
  return read_number(text, 0, &n);
}

}  // namespace

TEST_CASE("read_decimal: digits, thousands separators, decimals, the limits") {
  Decimal d;
  REQUIRE(read_decimal("475条", 0, &d));
  CHECK(d.units == 475);
  CHECK(d.length == 3);
  REQUIRE(read_decimal("1,234,567件", 0, &d));
  CHECK(d.units == 1234567);
  CHECK(d.length == 9);
  REQUIRE(read_decimal("1690.99万元", 0, &d));
  CHECK(d.units == 169099);
  CHECK(d.decimals == 2);
  REQUIRE(read_decimal("12.", 0, &d));  // a full stop, not a point
  CHECK(d.length == 2);
  CHECK_FALSE(read_decimal("1,23", 0, &d));
  CHECK_FALSE(read_decimal("1234,567", 0, &d));
  CHECK_FALSE(read_decimal(",123", 0, &d));
  CHECK_FALSE(read_decimal("条", 0, &d));
  CHECK_FALSE(read_decimal("123456789012345678", 0, &d));  // 18 digits
  REQUIRE(read_decimal("12345678901234567", 0, &d));
  CHECK(d.units == 12345678901234567);
}

TEST_CASE("read_number: Arabic figures in prose") {
  CHECK(read("475条").value == 475);
  CHECK(read("475条").length == 3);
  CHECK(read("3,5件").value == 3);  // a list, not a separator
  CHECK(read("3,5件").length == 1);
  CHECK(read("2,979条").value == 2979);
  CHECK(read("1.2万人次").value == 12000);
  CHECK(read("1.2万人次").decimals == 0);
  CHECK(read("3亿元").value == 300000000);
  CHECK(read("267.5万").value == 2675000);
  const ProseNumber p = read("42.9%");
  CHECK(p.percent);
  CHECK(p.value == doctest::Approx(42.9));
  CHECK(p.decimals == 1);
  CHECK(p.length == 5);
  CHECK(read("5个百分点").points);
  CHECK(read("5个百分点").length == 13);
}

TEST_CASE("read_number: Chinese numerals") {
  CHECK(read("十二件").value == 12);
  CHECK(read("十二件").chinese);
  CHECK(read("十二件").length == 6);
  CHECK(read("两起").value == 2);
  CHECK(read("二十件").value == 20);
  CHECK(read("一百零五条").value == 105);
  CHECK(read("三千二百").value == 3200);
  CHECK(read("三万五千").value == 35000);
  CHECK(read("十万").value == 100000);
  CHECK(read("一亿三千万").value == 130000000);
  CHECK(read("零").value == 0);
  CHECK_FALSE(reads("二〇一九年"));  // digits in a row: a year, not a count
  CHECK_FALSE(reads("万一"));
  CHECK_FALSE(reads("千方百计"));
  CHECK_FALSE(reads("条"));
  CHECK(read("一是").value == 1);  // what follows is the caller's to judge
}

TEST_CASE("read_number: approximate figures and ranges are not exact") {
  CHECK(read("300余件").approximate);
  CHECK(read("300余件").length == 6);
  CHECK(read("十多个").approximate);
  CHECK(read("约300件", 3).approximate);
  CHECK(read("超过20件", 6).approximate);
  CHECK(read("300件").exact());
  CHECK(read("3-5件").range);
  CHECK(read("3-5件").length == 3);
  CHECK(read("3至5件").range);
  CHECK(read("10%-20%").range);
  CHECK_FALSE(read("10%-20%").exact());
  CHECK(number_starts("7件", 0));
  CHECK(number_starts("十件", 0));
  CHECK_FALSE(number_starts("万件", 0));
  CHECK_FALSE(number_starts("", 0));
}

TEST_CASE("table cells read their figures with the same reader") {
  CHECK(parse_cell("1,234").units == 1234);
  CHECK(parse_cell("1690.99万元").decimals == 2);
  CHECK(parse_cell("1,23").state == Cell::State::text);
  CHECK(parse_cell("12.").state == Cell::State::text);
  CHECK(parse_cell("-88").units == -88);
}
