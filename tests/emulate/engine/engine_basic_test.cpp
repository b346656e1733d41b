// The emulator's SQL engine: DUAL, values per type, NULLs.
#include "engine_fixture.hpp"

using namespace engine_test;

TEST_CASE("select from dual: values and describe of literals") {
    fixture f;
    std::vector<column_info> cols;
    auto r = f.rows("select 1, 'x', dummy from dual", {}, &cols);
    REQUIRE(r.size() == 1);
    CHECK(num(r[0][0]) == "1");
    CHECK(std::get<std::string>(r[0][1]) == "x");
    CHECK(std::get<std::string>(r[0][2]) == "X");
    REQUIRE(cols.size() == 3);
    CHECK(cols[0].name == "1");
    CHECK(cols[0].type.type == ora_type::number);
    CHECK(cols[0].type.precision == 0);
    CHECK(cols[0].type.scale == -127);
    CHECK(cols[1].name == "'X'");
    CHECK(cols[1].type.type == ora_type::char_);
    CHECK(cols[1].type.max_chars == 1);
    CHECK(cols[2].name == "DUMMY");
    CHECK(cols[2].type.type == ora_type::varchar);
}

TEST_CASE("every scalar type round-trips exactly through insert and select") {
    fixture f;
    f.run(
        "create table all_types (id number(10) primary key, n number, n52 number(5,2), v varchar2(40), "
        "vc varchar2(10 char), nv nvarchar2(20), c char(5), d date, ts timestamp(6), tz timestamp(3) with "
        "time zone, "
        "ltz timestamp with local time zone, ym interval year to month, ds interval day to second, r "
        "raw(16), "
        "cl clob, bl blob, bf binary_float, bd binary_double, b boolean)");
    timestamp_tz tz;
    tz.utc            = ymd(2024, 2, 29, 10, 20, 30, 123000000);
    tz.offset_minutes = 120;
    bind_values b;
    b.by_position = {numv("1"),
                     numv("-12345678901234567890.123456789"),
                     numv("123.45"),
                     std::string("héllo"),
                     std::string("ünïcödé"),
                     std::string("nchar"),
                     std::string("ab"),
                     ymd(2024, 2, 29, 23, 59, 58),
                     ymd(1999, 12, 31, 1, 2, 3, 456789000),
                     tz,
                     timestamp_ltz{ymd(2020, 1, 1, 12, 0, 0)},
                     interval_ym{-1, -6},
                     interval_ds{3, 4, 5, 6, 789000000},
                     raw_bytes{{0x00, 0xFF, 0x10}},
                     std::string(5000, 'c'),
                     raw_bytes{{1, 2, 3, 4}},
                     1.5f,
                     0.1,
                     true};
    f.run("insert into all_types values (:1,:2,:3,:4,:5,:6,:7,:8,:9,:10,:11,:12,:13,:14,:15,:16,:17,:18,:19)",
          b);
    std::vector<column_info> cols;
    auto r = f.rows("select * from all_types", {}, &cols);
    REQUIRE(r.size() == 1);
    const auto& v = r[0];
    CHECK(num(v[0]) == "1");
    CHECK(num(v[1]) == "-12345678901234567890.123456789");
    CHECK(num(v[2]) == "123.45");
    CHECK(std::get<std::string>(v[3]) == "héllo");
    CHECK(std::get<std::string>(v[4]) == "ünïcödé");
    CHECK(std::get<std::string>(v[5]) == "nchar");
    CHECK(std::get<std::string>(v[6]) == "ab   ");  // CHAR(5) is blank-padded
    CHECK(std::get<date_time>(v[7]) == ymd(2024, 2, 29, 23, 59, 58));
    CHECK(std::get<date_time>(v[8]) == ymd(1999, 12, 31, 1, 2, 3, 456789000));
    CHECK(std::get<timestamp_tz>(v[9]) == tz);
    CHECK(std::get<timestamp_ltz>(v[10]).value == ymd(2020, 1, 1, 12, 0, 0));
    CHECK(std::get<interval_ym>(v[11]) == interval_ym{-1, -6});
    CHECK(std::get<interval_ds>(v[12]) == interval_ds{3, 4, 5, 6, 789000000});
    CHECK(std::get<raw_bytes>(v[13]).data == std::vector<std::uint8_t>{0x00, 0xFF, 0x10});
    CHECK(std::get<std::string>(v[14]) == std::string(5000, 'c'));
    CHECK(std::get<raw_bytes>(v[15]).data == std::vector<std::uint8_t>{1, 2, 3, 4});
    CHECK(std::get<float>(v[16]) == 1.5f);
    CHECK(std::get<double>(v[17]) == 0.1);
    CHECK(std::get<bool>(v[18]) == true);

    REQUIRE(cols.size() == 19);
    CHECK(cols[0].name == "ID");
    CHECK(cols[0].type.type == ora_type::number);
    CHECK(cols[0].type.precision == 10);
    CHECK(cols[0].type.scale == 0);
    CHECK_FALSE(cols[0].type.nullable);
    CHECK(cols[1].type.precision == 0);
    CHECK(cols[1].type.scale == -127);
    CHECK(cols[1].type.nullable);
    CHECK(cols[2].type.precision == 5);
    CHECK(cols[2].type.scale == 2);
    CHECK(cols[3].type.type == ora_type::varchar);
    CHECK(cols[3].type.max_bytes == 40);
    CHECK(cols[4].type.max_chars == 10);
    CHECK(cols[4].type.char_semantics);
    CHECK(cols[5].type.form == cs_form::nchar);
    CHECK(cols[6].type.type == ora_type::char_);
    CHECK(cols[6].type.max_chars == 5);
    CHECK(cols[7].type.type == ora_type::date);
    CHECK(cols[8].type.type == ora_type::timestamp);
    CHECK(cols[8].type.scale == 6);
    CHECK(cols[9].type.type == ora_type::timestamp_tz);
    CHECK(cols[9].type.scale == 3);
    CHECK(cols[10].type.type == ora_type::timestamp_ltz);
    CHECK(cols[11].type.type == ora_type::interval_ym);
    CHECK(cols[12].type.type == ora_type::interval_ds);
    CHECK(cols[13].type.type == ora_type::raw);
    CHECK(cols[13].type.max_bytes == 16);
    CHECK(cols[14].type.type == ora_type::clob);
    CHECK(cols[15].type.type == ora_type::blob);
    CHECK(cols[16].type.type == ora_type::binary_float);
    CHECK(cols[17].type.type == ora_type::binary_double);
    CHECK(cols[18].type.type == ora_type::boolean);
}

TEST_CASE("NULLs and '' are NULL in inserts, binds and comparisons") {
    fixture f;
    f.run("create table t (id number, v varchar2(10), r raw(4))");
    f.run("insert into t values (1, '', null)");
    bind_values b;
    b.by_name = {{"ID", numv("2")}, {"V", std::string()}, {"R", raw_bytes{}}};
    f.run("insert into t values (:id, :v, :r)", b);
    b.by_name = {{"id", numv("3")}, {"v", null_t{}}, {"r", null_t{}}};
    f.run("insert into t (id, v, r) values (:id, :v, :r)", b);
    auto r = f.rows("select id, v, r from t order by id");
    REQUIRE(r.size() == 3);
    for (const auto& row : r) {
        CHECK(is_null(row[1]));
        CHECK(is_null(row[2]));
    }
    CHECK(f.rows("select id from t where v = ''").empty());
    CHECK(f.rows("select id from t where v is null").size() == 3);
    CHECK(f.rows("select nvl(v, 'none') from t where id = 1")[0][0] == value(std::string("none")));
}

TEST_CASE("NUMBER stays exact: literal, bind, ORDER BY, SUM, AVG, comparisons") {
    fixture f;
    f.run("create table n (x number)");
    f.run("insert into n values (12345678901234567890.123456789)");
    bind_values b;
    b.by_position = {numv("0.1")};
    f.run("insert into n values (:1)", b);
    b.by_position = {numv("0.2")};
    f.run("insert into n values (:1)", b);
    f.run("insert into n values (10)");
    f.run("insert into n values (9.5)");
    f.run("insert into n values (-1)");
    f.run("insert into n values ('2')");
    auto r = f.rows("select x from n order by x");
    std::vector<std::string> got;
    for (auto& row : r)
        got.push_back(num(row[0]));
    CHECK(got ==
          std::vector<std::string>{"-1", "0.1", "0.2", "2", "9.5", "10", "12345678901234567890.123456789"});
    CHECK(num(f.rows("select sum(x) from n")[0][0]) == "12345678901234567910.923456789");
    CHECK(num(f.rows("select sum(x) from n where x < 1")[0][0]) == "-0.7");
    CHECK(num(f.rows("select max(x) from n")[0][0]) == "12345678901234567890.123456789");
    CHECK(num(f.rows("select min(x) from n")[0][0]) == "-1");
    CHECK(num(f.rows("select avg(x) from n where x between 0 and 3")[0][0]) ==
          "0.7666666666666666666666666666666666666667");
    CHECK(f.rows("select x from n where x > 9").size() == 3);
    CHECK(f.rows("select x from n where x = 12345678901234567890.123456789").size() == 1);
    CHECK(num(f.rows("select count(*) from n")[0][0]) == "7");
}

TEST_CASE("NUMBER(p,s) rounds to scale and refuses too many digits (ORA-01438)") {
    fixture f;
    f.run("create table p (a number(5,2), b number(3))");
    f.run("insert into p values (123.456, 12.5)");
    auto r = f.rows("select a, b from p");
    CHECK(num(r[0][0]) == "123.46");
    CHECK(num(r[0][1]) == "13");
    auto e = f.fail("insert into p values (1234.5, 1)");
    CHECK(e.code == 1438);
    CHECK(e.message == "ORA-01438: value larger than specified precision allowed for this column");
    e = f.fail("insert into p values ('abc', 1)");
    CHECK(e.code == 1722);
    CHECK(e.message == "ORA-01722: invalid number");
}

TEST_CASE("VARCHAR2 length in bytes (ORA-12899) and CHAR blank-padded comparison") {
    fixture f;
    f.run("create table s (v varchar2(4), c char(4), vc varchar2(2 char))");
    auto e = f.fail("insert into s (v) values ('héllo')");
    CHECK(e.code == 12899);
    CHECK(e.message == "ORA-12899: value too large for column \"DEMO\".\"S\".\"V\" (actual: 6, maximum: 4)");
    f.run("insert into s values ('hé', 'ab', 'éé')");
    CHECK(f.rows("select c from s where c = 'ab'").size() == 1);
    CHECK(std::get<std::string>(f.rows("select c from s")[0][0]) == "ab  ");
    e = f.fail("insert into s (vc) values ('ééé')");
    CHECK(e.message == "ORA-12899: value too large for column \"DEMO\".\"S\".\"VC\" (actual: 3, maximum: 2)");
}

TEST_CASE("describe, bind names and statement kinds for the server layer") {
    fixture f;
    f.run("create table t (id number(4) not null, name varchar2(10))");
    statement_kind k{};
    std::vector<column_info> cols;
    REQUIRE(!f.s->describe("select id, name, count(*) over () from t where id = :id", k, cols));
    CHECK(k == statement_kind::query);
    REQUIRE(cols.size() == 3);
    CHECK(cols[0].name == "ID");
    CHECK_FALSE(cols[0].type.nullable);
    CHECK(cols[1].type.max_bytes == 10);
    sql_error e;
    CHECK(session::bind_names("insert into t values (:1, :Name) -- :not", e) ==
          std::vector<std::string>{"1", "NAME"});
    CHECK(session::classify("INSERT into t values (1)") == statement_kind::dml);
    CHECK(session::classify("begin null; end;") == statement_kind::plsql);
    CHECK(session::classify("alter session set time_zone = 'UTC'") == statement_kind::alter_session);
    CHECK(session::classify("create table x (a number)") == statement_kind::ddl);
    CHECK(session::classify("commit") == statement_kind::commit);
    auto r = f.rows("select count(*), count(*) + 1 from t", {}, &cols);
    CHECK(cols[0].name == "COUNT(*)");
    CHECK(cols[1].name == "COUNT(*)+1");
    CHECK(num(r[0][0]) == "0");
    // The same bind name twice takes the same value.
    bind_values b;
    b.by_name = {{"x", numv("7")}};
    f.run("insert into t values (:x, :x)", b);
    r = f.rows("select id, name from t");
    CHECK(num(r[0][0]) == "7");
    CHECK(std::get<std::string>(r[0][1]) == "7");
}

TEST_CASE("NUMBER arithmetic is exact decimal; division by zero is ORA-01476") {
    fixture f;
    auto r = f.rows("select 1/3, 0.1 + 0.2, 12345678901234567890 * 10, 7 - 2.5 * 2, -(3) / 4 from dual");
    CHECK(num(r[0][0]) == "0.3333333333333333333333333333333333333333");
    CHECK(num(r[0][1]) == "0.3");
    CHECK(num(r[0][2]) == "123456789012345678900");
    CHECK(num(r[0][3]) == "2");
    CHECK(num(r[0][4]) == "-0.75");
    // 20 base-100 digits: 39 significant decimal digits when the first one
    // is the low half of its pair (what Oracle returns for these).
    r = f.rows("select 1/24, 20/3, 2/3, 1/700 from dual");
    CHECK(num(r[0][0]) == "0.0416666666666666666666666666666666666667");
    CHECK(num(r[0][1]) == "6.66666666666666666666666666666666666667");
    CHECK(num(r[0][2]) == "0.6666666666666666666666666666666666666667");
    CHECK(num(r[0][3]) == "0.001428571428571428571428571428571428571429");
    f.run("create table t (a number, b number)");
    f.run("insert into t values (10, 4)");
    f.run("insert into t values (1, 0)");
    CHECK(f.rows("select a from t where a / 4 > 2.4").size() == 1);
    CHECK(num(f.rows("select a / b from t where b <> 0")[0][0]) == "2.5");
    auto e = f.fail("select a / b from t");
    CHECK(e.code == 1476);
    CHECK(e.message == "ORA-01476: divisor is equal to zero");
}

TEST_CASE("INSERT ... SELECT converts and checks like INSERT ... VALUES") {
    fixture f;
    f.run("create table src (a number, b varchar2(20))");
    f.run("create table dst (x number(5,1), y char(3), d date)");
    f.run("insert into src values (1.26, 'ab')");
    f.run("insert into src values (2.34, 'cd')");
    execute_result r;
    REQUIRE(!f.s->execute("insert into dst (x, y, d) select a, b, date '2020-02-02' from src where a > 1", {},
                          r));
    CHECK(r.row_count == 2);
    auto rows = f.rows("select x, y, d from dst order by x");
    CHECK(num(rows[0][0]) == "1.3");
    CHECK(std::get<std::string>(rows[0][1]) == "ab ");
    CHECK(std::get<date_time>(rows[1][2]) == ymd(2020, 2, 2));
    f.run("insert into src values (3, 'toolong')");
    auto e = f.fail("insert into dst (x, y) select a, b from src");
    CHECK(e.code == 12899);
    CHECK(f.fail("insert into dst (x, y) select a from src").code == 947);
    CHECK(f.fail("insert into dst (x) select a, b from src").code == 913);
}
