// Typed values through binds and fetches, verifier policy and the injected
// logger, against `oranet emulate`.
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

using namespace oranet;

TEST_CASE("integration: typed binds come back as the same values") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    number big;
    REQUIRE(number::parse("12345678901234567890.123456789", big));
    cur.execute("select :1, :2, :3 from dual",
                {value{big}, value{-7.25}, value{date_time{2024, 2, 29, 13, 5, 9}}});
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<number>(0) == big);
    CHECK(row->get<double>(1) == -7.25);
    const auto d = row->get<date_time>(2);
    CHECK(d.year == 2024);
    CHECK(d.month == 2);
    CHECK(d.day == 29);
    CHECK(d.hour == 13);
    CHECK(d.second == 9);
}

TEST_CASE("integration: DATE columns and std::chrono") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("select sysdate from dual");
    REQUIRE(cur.columns().size() == 1);
    CHECK(cur.columns()[0].ora_type == 12);
    auto row = cur.fetch_one();
    REQUIRE(row);
    const auto tp  = row->get<std::chrono::system_clock::time_point>(0);
    const auto now = std::chrono::system_clock::now();
    CHECK(std::chrono::abs(now - tp) < std::chrono::hours(24));
}

TEST_CASE("integration: describe gives names, types, precision, scale and nullability") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table t_desc (id number(9,2) not null, name varchar2(30))");
    cur.execute("select id, name from t_desc");
    const auto& cols = cur.columns();
    REQUIRE(cols.size() == 2);
    CHECK(cols[0].name == "ID");
    CHECK(cols[0].type_name == "NUMBER");
    CHECK(cols[0].precision == 9);
    CHECK(cols[0].scale == 2);
    CHECK_FALSE(cols[0].nullable);
    CHECK(cols[1].name == "NAME");
    CHECK(cols[1].type_name == "VARCHAR2");
    CHECK(cols[1].size == 30);
    CHECK(cols[1].nullable);
    CHECK_FALSE(cur.fetch_one());
}

TEST_CASE("integration: the 11g verifier logs a warning and require_12c_verifier refuses it") {
    ORANET_REQUIRE_EMULATOR(emu, {"--user", "old/pw:11g"});
    std::ostringstream out;
    auto sink   = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    auto logger = std::make_shared<spdlog::logger>("oranet-test", sink);
    logger->set_level(spdlog::level::info);
    auto p           = emu.params("old", "pw");
    p.options.logger = logger;
    {
        connection conn = connect(p);
        conn.ping();
    }
    logger->flush();
    CHECK(out.str().find("11g password verifier") != std::string::npos);
    CHECK(out.str().find("connected to") != std::string::npos);
    CHECK(out.str().find("closed connection") != std::string::npos);

    p.options.require_12c_verifier = true;
    std::error_code ec;
    diagnostics diag;
    (void)connect(p, ec, diag);
    CHECK(ec == client_errc::auth_12c_required);
}

TEST_CASE("integration: autocommit makes a change visible without commit") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection a = connect(emu.params());
    connection b = connect(emu.params());
    a.set_autocommit(true);
    cursor ca = a.cursor();
    ca.execute("create table t_auto (id number)");
    ca.execute("insert into t_auto values (1)");
    cursor cb = b.cursor();
    cb.execute("select count(*) from t_auto");
    CHECK(cb.fetch_one()->get<int>(0) == 1);
}

TEST_CASE("integration: PL/SQL block with binds runs") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    cur.execute("begin null; end;", std::vector<value>{}, ec, diag);
    // The emulator may not implement PL/SQL: then it must say so with ORA-03001.
    CHECK((!ec || ec == ora_error(3001)));
    CHECK(conn.is_open());
}
