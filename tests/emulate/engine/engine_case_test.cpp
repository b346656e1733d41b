// UPPER, LOWER and INITCAP map every letter of AL32UTF8 text, as Oracle
// does, not only ASCII (SQLite's own upper/lower are ASCII only).
#include "emulate/engine/unicode_case.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace oranet;
using namespace oranet::emulate;
using engine_test::fixture;

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
