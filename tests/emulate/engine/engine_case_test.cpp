// UPPER, LOWER and INITCAP map every letter of AL32UTF8 text, as Oracle
// does, not only ASCII (SQLite's own upper/lower are ASCII only).
#include "emulate/engine/unicode_case.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace oranet;
using namespace oranet::emulate;
using engine_test::fixture;
using engine_test::num;

TEST_CASE("engine: UPPER, LOWER and INITCAP of non-ASCII letters") {
    fixture f;
    const auto r = f.rows(
        "select upper('héllo wörld ß'), lower('ÀÉÎÕÜ ΣΑΣ Ж'), initcap('élan vital-äpfel o''neil'), "
        "upper(null) "
        "from dual");
    REQUIRE(r.size() == 1);
    CHECK(std::get<std::string>(r[0][0]) == "HÉLLO WÖRLD ß");  // ß has no one-letter capital: kept
    CHECK(std::get<std::string>(r[0][1]) == "àéîõü σασ ж");
    CHECK(std::get<std::string>(r[0][2]) == "Élan Vital-Äpfel O'Neil");
    CHECK(std::holds_alternative<null_t>(r[0][3]));
}

TEST_CASE("engine: case mapping keeps invalid UTF-8 bytes and 4-byte characters") {
    CHECK(utf8_upper("a\xff"
                     "b\xe2\x82") ==
          "A\xff"
          "B\xe2\x82");
    CHECK(utf8_upper("\xf0\x9f\x98\x80x") == "\xf0\x9f\x98\x80X");
    CHECK(utf8_lower("\xc3") == "\xc3");
}

TEST_CASE("engine: CAST converts as a store into a column of the type does") {
    fixture f;
    std::vector<column_info> cols;
    const auto r = f.rows(
        "select cast(timestamp '2024-01-01 10:30:00' as date), cast('42.50' as number(6,2)), "
        "cast(7 as varchar2(10)), cast(date '2024-02-03' as timestamp) from dual",
        {}, &cols);
    REQUIRE(r.size() == 1);
    REQUIRE(cols.size() == 4);
    CHECK(cols[0].type.type == ora_type::date);
    CHECK(cols[1].type.type == ora_type::number);
    CHECK(cols[1].type.precision == 6);
    CHECK(cols[2].type.type == ora_type::varchar);
    CHECK(cols[3].type.type == ora_type::timestamp);
    const auto d = std::get<date_time>(r[0][0]);
    CHECK(d.year == 2024);
    CHECK(d.hour == 10);
    CHECK(d.minute == 30);
    CHECK(num(r[0][1]) == "42.5");
    CHECK(std::get<std::string>(r[0][2]) == "7");
    CHECK(std::get<date_time>(r[0][3]).day == 3);
    CHECK(f.fail("select cast(1 as nosuchtype) from dual").code == 902);
    CHECK(f.fail("select cast(1 number) from dual").code == 905);
}

TEST_CASE("engine: TIMESTAMP arithmetic is an unimplemented feature, never a wrong date") {
    fixture f;
    CHECK(f.fail("select timestamp '2024-01-01 10:00:00' + 1/24 from dual").code == 3001);
    CHECK(f.fail("select localtimestamp - timestamp '2024-01-01 10:00:00' from dual").code == 3001);
    // DATE arithmetic works (Julian days), also after a CAST of a TIMESTAMP.
    const auto r = f.rows("select cast(timestamp '2024-01-01 10:00:00' as date) + 1/24 from dual");
    CHECK(std::get<date_time>(r[0][0]).hour == 11);
    // A fraction of a day is exact (SQLite's own 1/24 is 0), and left to
    // right order holds: d - 2 + 1 is d - 1.
    const auto d = f.rows(
        "select date '2024-01-01' + 1/24, date '2024-01-01' - 2 + 1, "
        "date '2024-01-01' + 3 * 2 / 4, 5 - 2 + 1 from dual");
    CHECK(std::get<date_time>(d[0][0]).hour == 1);
    CHECK(std::get<date_time>(d[0][1]).day == 31);
    CHECK(std::get<date_time>(d[0][2]).hour == 12);
    CHECK(num(d[0][3]) == "4");
}
