// The public API against `oranet emulate` over loopback: connect, queries,
// binds, NULLs, values larger than the SDU, long fetches, transactions seen
// from a second connection, and errors.
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>

using namespace oranet;

TEST_CASE("integration: connect, server version, ping, close") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    CHECK(conn.is_open());
    CHECK_FALSE(conn.server_version().empty());
    CHECK(conn.server_version_numbers()[0] >= 11);
    conn.ping();
    conn.commit();
    conn.rollback();
    conn.close();
    CHECK_FALSE(conn.is_open());
    CHECK_FALSE(conn.is_dead());
}

TEST_CASE("integration: a simple query with typed getters") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("select 1, 'abc', 2.5 from dual");
    REQUIRE(cur.columns().size() == 3);
    CHECK(cur.columns()[0].ora_type == 2);
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::int64_t>(0) == 1);
    CHECK(row->get<std::string>(1) == "abc");
    CHECK(row->get<double>(2) == 2.5);
    CHECK(row->get<number>(2).text() == "2.5");
    CHECK_FALSE(cur.fetch_one());
}

TEST_CASE("integration: binds by position and by name, NULLs and '' as NULL") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("select :1, :2, :3 from dual",
                {value{number::from_int64(42)}, value{std::string("x")}, value{null_t{}}});
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::int64_t>(0) == 42);
    CHECK(row->get<std::string>(1) == "x");
    CHECK(row->is_null(2));
    CHECK_FALSE(row->get<std::optional<std::string>>(2).has_value());

    cur.execute("select :b, :a from dual",
                {{"a", value{std::string("first")}}, {"b", value{std::string("")}}});
    row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->is_null(0));  // '' is NULL in Oracle
    CHECK(row->get<std::string>(1) == "first");
}

// A column that is NULL by describe (buffer size 0) sends no bytes in a row,
// as real servers do and as python-oracledb and our decoder expect.
TEST_CASE("integration: a column that is NULL by describe ('' is NULL)") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("select '', 5 from dual");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->is_null(0));
    CHECK(row->get<int>(1) == 5);
}

TEST_CASE("integration: DML with binds, commit and rollback seen from a second connection") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection a = connect(emu.params());
    connection b = connect(emu.params());
    cursor ca    = a.cursor();
    cursor cb    = b.cursor();
    ca.execute("create table t_tx (id number, name varchar2(20))");
    ca.execute("insert into t_tx values (:1, :2)", {value{number::from_int64(1)}, value{std::string("one")}});
    CHECK(ca.row_count() == 1);
    cb.execute("select count(*) from t_tx");
    CHECK(cb.fetch_one()->get<std::int64_t>(0) == 0);  // not committed yet
    a.commit();
    cb.execute("select count(*) from t_tx");
    CHECK(cb.fetch_one()->get<std::int64_t>(0) == 1);
    ca.execute("insert into t_tx values (2, 'two')");
    a.rollback();
    cb.execute("select name from t_tx order by id");
    const auto rows = cb.fetch_all();
    REQUIRE(rows.size() == 1);
    CHECK(value_as<std::string>(rows[0][0]) == "one");
}

TEST_CASE("integration: values larger than the SDU span packets") {
    ORANET_REQUIRE_EMULATOR(emu);
    auto p          = emu.params();
    p.options.sdu   = 512;
    connection conn = connect(p);
    cursor cur      = conn.cursor();
    const std::string big(3000, 'q');
    cur.execute("create table t_big (c varchar2(4000))");
    cur.execute("insert into t_big values (:1)", {value{big}});
    cur.execute("insert into t_big values (:1)", {value{big + "zz"}});
    cur.execute("select c from t_big order by c");
    auto rows = cur.fetch_all();
    REQUIRE(rows.size() == 2);
    CHECK(value_as<std::string>(rows[0][0]) == big);
    CHECK(value_as<std::string>(rows[1][0]) == big + "zz");
}

TEST_CASE("integration: 100,000 rows with small and large array sizes") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    for (std::uint32_t arraysize : {std::uint32_t{50}, std::uint32_t{5000}}) {
        DYNAMIC_SECTION("arraysize " << arraysize) {
            cursor cur = conn.cursor();
            cur.set_arraysize(arraysize);
            cur.execute("select level from dual connect by level <= 100000");
            std::int64_t expected = 1;
            std::int64_t n        = 0;
            for (const row_view& row : cur) {
                if (row.get<std::int64_t>(0) != expected) break;
                ++expected;
                ++n;
            }
            CHECK(n == 100000);
        }
    }
}

TEST_CASE("integration: errors carry the ORA code and the server's text and the connection stays usable") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    try {
        cur.execute("select * from no_such_table");
        FAIL("no error");
    } catch (const oranet::error& e) {
        CHECK(e.ora_code() == 942);
        CHECK(e.diag().server_message.find("ORA-00942") != std::string::npos);
        CHECK_FALSE(e.is_fatal());
    }
    CHECK(conn.is_open());
    cur.execute("select 7 from dual");
    CHECK(cur.fetch_one()->get<int>(0) == 7);

    std::error_code ec;
    diagnostics diag;
    cur.execute("select * from no_such_table", std::vector<value>{}, ec, diag);
    CHECK(ec == ora_error(942));
}

TEST_CASE("integration: login errors") {
    ORANET_REQUIRE_EMULATOR(emu);
    std::error_code ec;
    diagnostics diag;
    auto bad = emu.params("demo", "wrong");
    (void)connect(bad, ec, diag);
    CHECK(ec == ora_error(1017));

    auto svc           = emu.params();
    svc.connect_string = emu.address("NO_SUCH_SERVICE");
    (void)connect(svc, ec, diag);
    CHECK(ec == ora_error(12514));
}

TEST_CASE("integration: an expired password is changed at login") {
    ORANET_REQUIRE_EMULATOR(emu, std::vector<std::string>{"--user", "old/Expired1:12c:expired"});
    std::error_code ec;
    diagnostics diag;
    auto p = emu.params("old", "Expired1");
    (void)connect(p, ec, diag);
    CHECK(ec == ora_error(28001));  // the password has expired

    p.new_password = "Fresh_2";
    {
        connection conn = connect(p);
        CHECK_NOTHROW(conn.ping());
    }
    (void)connect(emu.params("old", "Expired1"), ec, diag);
    CHECK(ec == ora_error(1017));  // the old password no longer works
    connection again = connect(emu.params("old", "Fresh_2"));
    CHECK_NOTHROW(again.ping());
}

// The end-to-end attributes piggyback (function 135) rides before the next
// call; the emulator applies it to what SYS_CONTEXT('USERENV', ...) reports.
TEST_CASE("integration: client identifier, module and action ride on the next call") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    conn.set_client_identifier("ident-1");
    conn.set_module("mod-1");
    conn.set_action("act-1");
    cursor cur = conn.cursor();
    cur.execute(
        "select sys_context('USERENV','CLIENT_IDENTIFIER'), sys_context('USERENV','MODULE'), "
        "sys_context('USERENV','ACTION') from dual");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::string>(0) == "ident-1");
    CHECK(row->get<std::string>(1) == "mod-1");
    CHECK(row->get<std::string>(2) == "act-1");
}
