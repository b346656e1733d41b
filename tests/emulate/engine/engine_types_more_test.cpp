// The emulator's SQL engine: the ROWID pseudo column, text -> INTERVAL
// conversion, TIMESTAMP literals with an offset, and BOOLEAN per release.
#include "engine_fixture.hpp"

#include <oranet/proto/types/rowid.hpp>

using namespace engine_test;

TEST_CASE("ROWID: an 18-character extended rowid per row that finds its row again") {
    fixture f;
    f.run("create table rt (id number(9), name varchar2(10))");
    f.run("insert into rt values (1, 'a')");
    f.run("insert into rt values (2, 'b')");
    std::vector<column_info> cols;
    auto r = f.rows("select rowid, id from rt order by id", {}, &cols);
    REQUIRE(r.size() == 2);
    REQUIRE(cols.size() == 2);
    CHECK(cols[0].name == "ROWID");
    CHECK(cols[0].type.type == ora_type::rowid);
    CHECK(cols[0].type.max_bytes > 0);  // not NULL by describe
    const auto a = std::get<rowid>(r[0][0]);
    const auto b = std::get<rowid>(r[1][0]);
    CHECK(a.text.size() == 18);
    CHECK(a.text != b.text);
    CHECK(a.object == b.object);
    CHECK(a.object >= 70000);
    rowid parsed;
    REQUIRE_FALSE(oranet::proto::types::rowid_from_text(a.text, parsed));
    CHECK(parsed.block == a.block);
    CHECK(parsed.slot == a.slot);
    for (std::size_t i = 0; i < r.size(); ++i) {
        bind_values by;
        by.by_position = {std::get<rowid>(r[i][0]).text};
        auto found     = f.rows("select id from rt where rowid = :1", by);
        REQUIRE(found.size() == 1);
        CHECK(num(found[0][0]) == std::to_string(i + 1));
    }
    bind_values upd;
    upd.by_position = {std::string("z"), b};  // a rowid value binds as its text
    f.run("update rt set name = :1 where rowid = :2", upd);
    auto names = f.rows("select name from rt order by id");
    CHECK(std::get<std::string>(names[1][0]) == "z");
    // Another table gets another data object number.
    f.run("create table rt2 (x number)");
    f.run("insert into rt2 values (1)");
    auto other = f.rows("select rowid from rt2");
    CHECK(std::get<rowid>(other[0][0]).object != a.object);
}

TEST_CASE("text converts to INTERVAL columns as Oracle's implicit conversion reads it") {
    fixture f;
    f.run("create table it (ym interval year(2) to month, ds interval day(3) to second(6))");
    bind_values b;
    b.by_position = {std::string("1-2"), std::string("2 03:04:05.123456")};
    f.run("insert into it values (:1, :2)", b);
    b.by_position = {std::string("-0-5"), std::string("-0 00:00:01")};
    f.run("insert into it values (:1, :2)", b);
    auto r = f.rows("select ym, ds from it");
    REQUIRE(r.size() == 2);
    CHECK(std::get<interval_ym>(r[0][0]) == interval_ym{1, 2});
    CHECK(std::get<interval_ds>(r[0][1]) == interval_ds{2, 3, 4, 5, 123456000});
    CHECK(std::get<interval_ym>(r[1][0]) == interval_ym{0, -5});
    CHECK(std::get<interval_ds>(r[1][1]) == interval_ds{0, 0, 0, -1, 0});
    for (const char* bad : {"1-12", "x", "1 2", "1-"}) {
        b.by_position = {std::string(bad), null_t{}};
        CHECK(f.fail("insert into it values (:1, :2)", b).code == 1867);
    }
}

TEST_CASE("a TIMESTAMP literal with an offset is a TIMESTAMP WITH TIME ZONE") {
    fixture f;
    std::vector<column_info> cols;
    auto r =
        f.rows("select timestamp '2024-02-29 13:45:07.5 +05:30', timestamp '2024-02-29 13:45:07' from dual",
               {}, &cols);
    REQUIRE(cols.size() == 2);
    CHECK(cols[0].type.type == ora_type::timestamp_tz);
    CHECK(cols[1].type.type == ora_type::timestamp);
    const auto tz = std::get<timestamp_tz>(r[0][0]);
    CHECK(tz.utc == ymd(2024, 2, 29, 8, 15, 7, 500000000));
    CHECK(tz.offset_minutes == 330);
    f.run("create table tzt (t timestamp(6) with time zone)");
    f.run("insert into tzt values (timestamp '2024-01-01 00:30:00 -02:00')");
    auto s = std::get<timestamp_tz>(f.rows("select t from tzt")[0][0]);
    CHECK(s.utc == ymd(2024, 1, 1, 2, 30, 0));
    CHECK(s.offset_minutes == -120);
}

TEST_CASE("BOOLEAN columns only where the release has them (ORA-00902 before 23ai)") {
    sql_error err;
    auto db = database::open({":memory:", std::chrono::milliseconds(200)}, err);
    REQUIRE(!err);
    session_attributes old_release;
    old_release.sql_boolean = false;
    session s(db, old_release, err);
    REQUIRE(!err);
    execute_result r;
    sql_error e = s.execute("create table bt (id number, flag boolean)", {}, r);
    CHECK(e.code == 902);
    CHECK(e.message == "ORA-00902: invalid datatype");
    fixture f;  // sql_boolean defaults to true
    f.run("create table bt (id number, flag boolean)");
}

TEST_CASE("ROWID qualified by a table name or an alias") {
    fixture f;
    f.run("create table qa (id number)");
    f.run("create table qb (id number)");
    f.run("insert into qa values (1)");
    f.run("insert into qb values (1)");
    auto plain = f.rows("select rowid from qa");
    std::vector<column_info> cols;
    auto r = f.rows("select qa.rowid, x.rowid from qa, qb x where qa.id = x.id", {}, &cols);
    REQUIRE(r.size() == 1);
    REQUIRE(cols.size() == 2);
    CHECK(cols[0].name == "ROWID");
    CHECK(cols[1].type.type == ora_type::rowid);
    CHECK(std::get<rowid>(r[0][0]) == std::get<rowid>(plain[0][0]));
    CHECK(std::get<rowid>(r[0][1]).object != std::get<rowid>(r[0][0]).object);
    CHECK(f.fail("select nope.rowid from qa").code == 904);
}
