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

namespace {

date_time at(int y, int mo, int d, int h, int mi, int s, std::uint32_t ns = 0) {
    date_time t;
    t.year       = static_cast<std::int16_t>(y);
    t.month      = static_cast<std::uint8_t>(mo);
    t.day        = static_cast<std::uint8_t>(d);
    t.hour       = static_cast<std::uint8_t>(h);
    t.minute     = static_cast<std::uint8_t>(mi);
    t.second     = static_cast<std::uint8_t>(s);
    t.nanosecond = ns;
    return t;
}

}  // namespace

TEST_CASE("integration: BINARY_FLOAT, time zones, intervals, NCHAR and NVARCHAR2 round trip") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute(
        "create table t_more (id number(9) not null, bf binary_float, tstz timestamp(6) with time zone, "
        "tsltz timestamp(6) with local time zone, ym interval year(2) to month, "
        "ds interval day(3) to second(6), nc nchar(10), nv nvarchar2(20) not null)");
    timestamp_tz tz;
    tz.utc            = at(2024, 2, 29, 8, 15, 7, 123456000);  // 13:45:07.123456 at +05:30
    tz.offset_minutes = 330;
    const timestamp_ltz ltz{at(2024, 3, 1, 1, 2, 3, 500000000)};
    const interval_ym ym{1, 2};
    const interval_ds ds{2, 3, 4, 5, 123456000};
    const std::string text =
        "Gr\xc3\xbc\xc3\x9f"
        "e \xe2\x82\xac";  // "Grüße €"
    cur.execute("insert into t_more values (:1, :2, :3, :4, :5, :6, :7, :8)",
                {value{number::from_int64(1)}, value{0.1f}, value{tz}, value{ltz}, value{ym}, value{ds},
                 value{text}, value{text}});
    cur.execute("insert into t_more values (:id, :bf, :tstz, :tsltz, :ym, :ds, :nc, :nv)",
                {{"id", number::from_int64(2)},
                 {"bf", null_t{}},
                 {"tstz", null_t{}},
                 {"tsltz", null_t{}},
                 {"ym", null_t{}},
                 {"ds", null_t{}},
                 {"nc", null_t{}},
                 {"nv", std::string("-")}});
    cur.execute("select id, bf, tstz, tsltz, ym, ds, nc, nv from t_more order by id");
    const auto& cols = cur.columns();
    REQUIRE(cols.size() == 8);
    const std::uint16_t types[] = {2, 100, 181, 231, 182, 183, 96, 1};
    const char* names[]         = {"NUMBER",
                                   "BINARY_FLOAT",
                                   "TIMESTAMP WITH TIME ZONE",
                                   "TIMESTAMP WITH LOCAL TIME ZONE",
                                   "INTERVAL YEAR TO MONTH",
                                   "INTERVAL DAY TO SECOND",
                                   "NCHAR",
                                   "NVARCHAR2"};
    for (std::size_t i = 0; i < 8; ++i) {
        CHECK(cols[i].ora_type == types[i]);
        // NCHAR/NVARCHAR2 share CHAR/VARCHAR2's type numbers; the character set
        // form (2, national) names them.
        CHECK(cols[i].type_name == names[i]);
        CHECK(cols[i].nullable == (i != 0 && i != 7));
    }
    CHECK(cols[2].scale == 6);  // fractional digits
    CHECK(cols[3].scale == 6);
    CHECK(cols[4].precision == 2);  // leading field precision
    CHECK(cols[5].precision == 3);
    CHECK(cols[5].scale == 6);
    CHECK(cols[6].size == 10);  // characters
    CHECK(cols[7].size == 20);

    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::int64_t>(0) == 1);
    CHECK(std::get<float>((*row)[1]) == 0.1f);
    CHECK(std::get<timestamp_tz>((*row)[2]) == tz);
    CHECK(std::get<timestamp_ltz>((*row)[3]) == ltz);
    CHECK(std::get<interval_ym>((*row)[4]) == ym);
    CHECK(std::get<interval_ds>((*row)[5]) == ds);
    CHECK(row->get<std::string>(6) == text + "   ");  // NCHAR(10) is blank-padded
    CHECK(row->get<std::string>(7) == text);
    row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::int64_t>(0) == 2);
    for (std::size_t i = 1; i < 7; ++i)
        CHECK(row->is_null(i));
    CHECK(row->get<std::string>(7) == "-");
    CHECK_FALSE(cur.fetch_one());

    // The offset form written as a literal keeps its offset.
    cur.execute("select timestamp '2024-02-29 13:45:07.5 +05:30' from dual");
    row = cur.fetch_one();
    REQUIRE(row);
    const auto lit = std::get<timestamp_tz>((*row)[0]);
    CHECK(lit.utc == at(2024, 2, 29, 8, 15, 7, 500000000));
    CHECK(lit.offset_minutes == 330);
}

// A fetched ROWID arrives as its parts (object, file, block, slot); the client
// builds the extended base-64 text from them.
TEST_CASE("integration: ROWID is an extended rowid that finds its row") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table t_rowid (id number(9), name varchar2(10))");
    cur.execute("insert into t_rowid values (1, 'a')");
    cur.execute("insert into t_rowid values (2, 'b')");
    cur.execute("select rowid, id from t_rowid order by id");
    REQUIRE(cur.columns().size() == 2);
    CHECK(cur.columns()[0].name == "ROWID");
    CHECK(cur.columns()[0].ora_type == 11);
    std::vector<std::pair<rowid, std::int64_t>> rows;
    while (auto row = cur.fetch_one())
        rows.emplace_back(std::get<rowid>((*row)[0]), row->get<std::int64_t>(1));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].first.text.size() == 18);
    CHECK(rows[0].first.text != rows[1].first.text);
    CHECK(rows[0].first.object == rows[1].first.object);  // one table, one data object
    for (const auto& [rid, id] : rows) {
        cur.execute("select id from t_rowid where rowid = :r", {{"r", rid}});
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == id);
        CHECK_FALSE(cur.fetch_one());
    }
}

TEST_CASE("integration: BOOLEAN columns on profile 23, ORA-00902 before") {
    {
        ORANET_REQUIRE_EMULATOR(emu, {"--profile", "19"});
        connection conn = connect(emu.params());
        cursor cur      = conn.cursor();
        std::error_code ec;
        diagnostics diag;
        cur.execute("create table t_bool (flag boolean)", std::vector<value>{}, ec, diag);
        CHECK(ec == ora_error(902));
    }
    ORANET_REQUIRE_EMULATOR(emu, {"--profile", "23"});
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table t_bool (id number(9), flag boolean)");
    cur.execute("insert into t_bool values (:1, :2)", {value{number::from_int64(1)}, value{true}});
    cur.execute("insert into t_bool values (:id, :flag)", {{"id", number::from_int64(2)}, {"flag", false}});
    cur.execute("insert into t_bool values (3, null)");
    cur.execute("select flag from t_bool order by id");
    REQUIRE(cur.columns().size() == 1);
    CHECK(cur.columns()[0].ora_type == 252);
    CHECK(cur.columns()[0].type_name == "BOOLEAN");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<bool>(0));
    row = cur.fetch_one();
    REQUIRE(row);
    CHECK_FALSE(row->get<bool>(0));
    row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->is_null(0));
}
