// Issue 7 through the public API against `oranet emulate`: the statement
// cache, array DML (row counts, batch errors, the plain mode that stops at
// the first failing row), DML RETURNING INTO, PL/SQL OUT / IN OUT / array
// binds, REF CURSORs and implicit results, DBMS_OUTPUT.
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

using namespace oranet;

namespace {

// The connection's debug log names each call ("execute: ...", "re-execute: ...").
struct call_log {
    std::ostringstream out;
    std::shared_ptr<spdlog::logger> logger;
    call_log() {
        logger = std::make_shared<spdlog::logger>("oranet-call-log",
                                                  std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
        logger->set_level(spdlog::level::debug);
        logger->flush_on(spdlog::level::debug);
    }
    // How many full executes and re-executes were logged since the last take().
    std::pair<std::size_t, std::size_t> take() {
        const std::string text = out.str();
        out.str({});
        auto count = [&](const std::string& name) {
            std::size_t n = 0;
            for (std::size_t pos = 0; (pos = text.find("] " + name + ": ", pos)) != std::string::npos; ++pos)
                ++n;
            return n;
        };
        return {count("execute"), count("re-execute")};
    }
};

value num(std::int64_t v) { return number::from_int64(v); }

}  // namespace

TEST_CASE("sql features: the statement cache re-executes an open cursor") {
    ORANET_REQUIRE_EMULATOR(emu);
    call_log log;
    auto p           = emu.params();
    p.options.logger = log.logger;
    connection conn  = connect(p);
    CHECK(conn.statement_cache_size() == 20);
    cursor cur = conn.cursor();
    (void)log.take();
    for (int i = 1; i <= 3; ++i) {
        cur.execute("select :1 * 2 from dual", {num(i)});
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == 2 * i);
    }
    using counts = std::pair<std::size_t, std::size_t>;
    CHECK(log.take() == counts{1, 2});

    // Another type for the bind: a full execute of the same cursor.
    cur.execute("select :1 * 2 from dual", {value{2.5}});
    CHECK(cur.fetch_one()->get<double>(0) == 5.0);
    CHECK(log.take() == counts{1, 0});

    // DML through the cache, and a second cursor with the same text at the
    // same time gets its own server cursor.
    cur.execute("create table sc (id number, name varchar2(10))");
    cursor other = conn.cursor();
    for (int i = 0; i < 3; ++i)
        cur.execute("insert into sc values (:1, :2)", {num(i), value{std::string("n") + std::to_string(i)}});
    other.execute("insert into sc values (:1, :2)", {num(10), value{std::string("x")}});
    cur.execute("select count(*), sum(id) from sc");
    auto row = cur.fetch_one();
    CHECK(row->get<std::int64_t>(0) == 4);
    CHECK(row->get<std::int64_t>(1) == 13);

    // Size 0: every execute parses.
    conn.set_statement_cache_size(0);
    (void)log.take();
    for (int i = 0; i < 2; ++i) {
        cur.execute("select :1 from dual", {num(i)});
        CHECK(cur.fetch_one()->get<std::int64_t>(0) == i);
    }
    CHECK(log.take() == counts{2, 0});
}

TEST_CASE("sql features: a statement that failed is parsed again") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    CHECK_THROWS_WITH(cur.execute("select * from no_such_table"), Catch::Contains("ORA-00942"));
    cur.execute("create table no_such_table (x number)");
    cur.execute("select * from no_such_table");
    CHECK_FALSE(cur.fetch_one());
}

TEST_CASE("sql features: array DML of 10,000 rows in one round trip") {
    ORANET_REQUIRE_EMULATOR(emu);
    call_log log;
    auto p           = emu.params();
    p.options.logger = log.logger;
    connection conn  = connect(p);
    cursor cur       = conn.cursor();
    cur.execute("create table many (id number primary key, name varchar2(20))");
    std::vector<std::vector<value>> rows;
    for (int i = 0; i < 10000; ++i)
        rows.push_back({num(i), value{"name " + std::to_string(i)}});
    (void)log.take();
    cur.execute_many("insert into many values (:id, :name)", rows);
    CHECK(log.take() == std::pair<std::size_t, std::size_t>{1, 0});
    CHECK(cur.row_count() == 10000);
    cur.execute("select count(*), sum(id), max(name) from many");
    auto row = cur.fetch_one();
    CHECK(row->get<std::int64_t>(0) == 10000);
    CHECK(row->get<std::int64_t>(1) == 49995000);
    CHECK(row->get<std::string>(2) == "name 9999");

    // Row counts per execution.
    cur.execute_many("delete from many where id < :1", {{num(10)}, {num(15)}, {num(5)}, {num(20)}},
                     {.batch_errors = false, .dml_row_counts = true});
    CHECK(cur.dml_row_counts() == std::vector<std::uint64_t>{10, 5, 0, 5});
    CHECK(cur.row_count() == 20);
}

TEST_CASE("sql features: array DML with batch errors and without") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table be (id number primary key, name varchar2(5) not null)");
    std::vector<std::vector<value>> rows;
    for (int i = 0; i < 10000; ++i) {
        if (i % 1000 == 999)
            rows.push_back({num(i - 1), value{std::string("dup")}});  // ORA-00001
        else if (i == 4242)
            rows.push_back({num(i), value{std::string("toolongvalue")}});  // ORA-12899
        else if (i == 5000)
            rows.push_back({num(i), value{null_t{}}});  // ORA-01400
        else
            rows.push_back({num(i), value{std::string("ok")}});
    }
    cur.execute_many("insert into be values (:1, :2)", rows, {.batch_errors = true, .dml_row_counts = true});
    const auto& errs = cur.batch_errors();
    REQUIRE(errs.size() == 12);
    CHECK(errs[0].offset == 999);
    CHECK(errs[0].code == 1);
    CHECK_THAT(errs[0].message, Catch::StartsWith("ORA-00001: unique constraint"));
    CHECK(errs[4].offset == 4242);
    CHECK(errs[4].code == 12899);
    CHECK(errs[5].offset == 4999);
    CHECK(errs[6].offset == 5000);
    CHECK(errs[6].code == 1400);
    CHECK(errs[11].offset == 9999);
    CHECK(cur.row_count() == 9988);
    REQUIRE(cur.dml_row_counts().size() == 10000);
    CHECK(cur.dml_row_counts()[0] == 1);
    CHECK(cur.dml_row_counts()[999] == 0);
    cur.execute("select count(*) from be");
    CHECK(cur.fetch_one()->get<std::int64_t>(0) == 9988);

    // Without batch errors the first failing row stops the call; the rows
    // before it stay done (not committed).
    cur.execute("create table stop_at (id number primary key)");
    std::error_code ec;
    diagnostics d;
    cur.execute_many("insert into stop_at values (:1)", {{num(1)}, {num(2)}, {num(2)}, {num(3)}}, {}, {}, ec,
                     d);
    CHECK(ec == ora_error(1));
    CHECK(d.row_count == 2);
    cur.execute("select count(*) from stop_at");
    CHECK(cur.fetch_one()->get<std::int64_t>(0) == 2);
}

TEST_CASE("sql features: DML RETURNING INTO, single and array") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table ret (id number, name varchar2(20))");
    variable id   = variable::out(db_type::number);
    variable name = variable::out(db_type::varchar, 20);
    cur.execute("insert into ret values (:id, :name) returning id * 10, upper(name) into :rid, :rname",
                {{"id", num(4)}, {"name", value{std::string("four")}}, {"rid", id}, {"rname", name}});
    REQUIRE(id.executions() == 1);
    REQUIRE(id.returned(0).size() == 1);
    CHECK(value_as<std::int64_t>(id.returned(0)[0]) == 40);
    CHECK(value_as<std::string>(name.returned(0)[0]) == "FOUR");

    variable ids = variable::out(db_type::number);
    cur.execute_many("insert into ret values (:1, :2) returning id into :3",
                     {{num(5), value{std::string("five")}}, {num(6), value{std::string("six")}}}, {},
                     {{"3", ids}});
    REQUIRE(ids.executions() == 2);
    CHECK(value_as<std::int64_t>(ids.returned(0).at(0)) == 5);
    CHECK(value_as<std::int64_t>(ids.returned(1).at(0)) == 6);

    // An UPDATE touching several rows returns one value per row; none: empty.
    variable names = variable::out(db_type::varchar, 20);
    cur.execute("update ret set name = name || '!' where id >= :1 returning name into :2",
                {{"1", num(5)}, {"2", names}});
    auto got = names.returned(0);
    std::vector<std::string> texts;
    for (const auto& v : got)
        texts.push_back(value_as<std::string>(v));
    std::sort(texts.begin(), texts.end());
    CHECK(texts == std::vector<std::string>{"five!", "six!"});
    cur.execute("delete from ret where id > :1 returning id into :2", {{"1", num(100)}, {"2", names}});
    CHECK(names.returned(0).empty());
    CHECK(cur.row_count() == 0);
}

TEST_CASE("sql features: PL/SQL IN, OUT and IN OUT binds of scalar types") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    variable n      = variable::out(db_type::number);
    variable s      = variable::out(db_type::varchar, 100);
    variable d      = variable::out(db_type::date);
    variable ts     = variable::out(db_type::timestamp);
    variable bd     = variable::out(db_type::binary_double);
    variable io     = variable::in_out(db_type::varchar, value{std::string("in")}, 50);
    cur.execute(
        "begin :n := :a * 3 + 0.5; :s := upper(:t) || '!'; :d := date '2024-02-29' + 1; "
        ":ts := timestamp '2024-01-02 03:04:05.123456'; :bd := 1.5d; :io := :io || '/out'; end;",
        {{"n", n},
         {"a", num(14)},
         {"s", s},
         {"t", value{std::string("héllo")}},
         {"d", d},
         {"ts", ts},
         {"bd", bd},
         {"io", io}});
    CHECK(value_as<number>(n.get()).text() == "42.5");
    CHECK(value_as<std::string>(s.get()) == "HÉLLO!");
    const auto dt = value_as<date_time>(d.get());
    CHECK(dt.year == 2024);
    CHECK(dt.month == 3);
    CHECK(dt.day == 1);
    const auto t = value_as<date_time>(ts.get());
    CHECK(t.second == 5);
    CHECK(t.nanosecond == 123456000);
    CHECK(value_as<double>(bd.get()) == 1.5);
    CHECK(value_as<std::string>(io.get()) == "in/out");

    // An OUT bind left unassigned is NULL; a value too large for the bind
    // is the server's ORA-06502.
    variable unset = variable::out(db_type::number);
    cur.execute("begin if 1 = 0 then :x := 1; end if; end;", {{"x", unset}});
    CHECK(is_null(unset.get()));
    variable small = variable::out(db_type::varchar, 3);
    CHECK_THROWS_WITH(cur.execute("begin :x := 'abcdef'; end;", {{"x", small}}),
                      Catch::Contains("ORA-06502"));
    // Unsupported syntax is the server's PLS-00103, not a made-up answer.
    CHECK_THROWS_WITH(cur.execute("begin :x := ; end;", {{"x", n}}), Catch::Contains("PLS-00103"));
}

TEST_CASE("sql features: PL/SQL index-by table binds") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    variable in     = variable::array(db_type::number, 10, {num(1), num(2), num(3), num(4)});
    variable sum    = variable::out(db_type::number);
    variable out    = variable::array(db_type::varchar, 5, {}, bind_direction::out, 20);
    cur.execute(
        "declare t number := 0; begin for i in 1 .. :a.count loop t := t + :a(i); :o(i) := 'v' || (:a(i) * "
        "10); "
        "end loop; :s := t; end;",
        {{"a", in}, {"s", sum}, {"o", out}});
    CHECK(value_as<std::int64_t>(sum.get()) == 10);
    REQUIRE(out.elements().size() == 4);
    CHECK(value_as<std::string>(out.elements()[0]) == "v10");
    CHECK(value_as<std::string>(out.elements()[3]) == "v40");

    // An IN table to a built-in that takes one (DBMS_UTILITY.CHARARR-like).
    variable tab =
        variable::array(db_type::varchar, 10, {value{std::string("EMP")}, value{std::string("DEPT")}},
                        bind_direction::in, 30);
    variable n    = variable::out(db_type::number);
    variable list = variable::out(db_type::varchar, 200);
    cur.execute("begin dbms_utility.table_to_comma(:tab, :n, :list); end;",
                {{"tab", tab}, {"n", n}, {"list", list}});
    CHECK(value_as<std::int64_t>(n.get()) == 2);
    CHECK(value_as<std::string>(list.get()) == "EMP,DEPT");
}

TEST_CASE("sql features: REF CURSOR out binds and implicit results") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    variable rc     = variable::ref_cursor();
    cur.execute(
        "begin open :c for select level as n, 'row ' || level as s from dual connect by level <= :m; end;",
        {{"c", rc}, {"m", num(25)}});
    cursor rows = rc.take_cursor();
    rows.set_arraysize(7);
    REQUIRE(rows.columns().size() == 2);
    CHECK(rows.columns()[0].name == "N");
    const auto all = rows.fetch_all();
    REQUIRE(all.size() == 25);
    CHECK(value_as<std::int64_t>(all[24][0]) == 25);
    CHECK(value_as<std::string>(all[24][1]) == "row 25");

    cur.execute(
        "declare c1 sys_refcursor; c2 sys_refcursor; begin "
        "open c1 for select 1 from dual union all select 2 from dual; dbms_sql.return_result(c1); "
        "open c2 for select 'x' as a, 'y' as b from dual; dbms_sql.return_result(c2); end;");
    auto results = cur.implicit_results();
    REQUIRE(results.size() == 2);
    const auto r1 = results[0].fetch_all();
    REQUIRE(r1.size() == 2);
    CHECK(value_as<std::int64_t>(r1[1][0]) == 2);
    const auto r2 = results[1].fetch_all();
    REQUIRE(r2.size() == 1);
    CHECK(value_as<std::string>(r2[0][1]) == "y");
    CHECK(cur.implicit_results().empty());  // taken
}

TEST_CASE("sql features: DBMS_OUTPUT") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    // Not enabled: nothing is kept.
    cur.execute("begin dbms_output.put_line('lost'); end;");
    dbms_output::enable(conn);
    CHECK(dbms_output::read_lines(conn).empty());
    cur.execute(
        "begin for i in 1 .. 250 loop dbms_output.put_line('line ' || i); end loop; "
        "dbms_output.put('a'); dbms_output.put('b'); dbms_output.new_line; end;");
    const auto lines = dbms_output::read_lines(conn, 100);
    REQUIRE(lines.size() == 251);
    CHECK(lines[0] == "line 1");
    CHECK(lines[249] == "line 250");
    CHECK(lines[250] == "ab");
    CHECK(dbms_output::read_lines(conn).empty());
}

TEST_CASE("sql features: array DML where a later row needs a wider or LONG bind") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.execute("create table widen (id number, c clob)");
    const std::string big(40000, 'x');
    cur.execute_many(
        "insert into widen values (:1, :2)",
        {{num(1), value{std::string("short")}}, {num(2), value{null_t{}}}, {num(3), value{big}}});
    CHECK(cur.row_count() == 3);
    cur.set_fetch_lobs_inline(true);
    cur.execute("select id, length(c) from widen order by id");
    const auto rows = cur.fetch_all();
    REQUIRE(rows.size() == 3);
    CHECK(value_as<std::int64_t>(rows[0][1]) == 5);
    CHECK(is_null(rows[1][1]));
    CHECK(value_as<std::int64_t>(rows[2][1]) == 40000);
}
