// The emulator's SQL engine: the SQL items DECISIONS.md owes, and the ORA
// errors a real server gives for the same mistakes.
#include "engine_fixture.hpp"

#include <sqlite3.h>

using namespace engine_test;

namespace {

void emp(fixture& f) {
    f.run("create table dept (id number(4) primary key, name varchar2(20) not null)");
    f.run(
        "create table emp (id number(6) constraint emp_pk primary key, name varchar2(30) not null, "
        "dept_id number(4) references dept(id), salary number(8,2), hired date, constraint emp_name_uk "
        "unique (name))");
    f.run("insert into dept values (10, 'Sales')");
    f.run("insert into dept values (20, 'Research')");
    f.run("insert into emp values (1, 'Ann', 10, 1000.50, date '2020-01-15')");
    f.run("insert into emp values (2, 'Bob', 10, 2000, date '2021-06-01')");
    f.run("insert into emp values (3, 'Cid', 20, 3000.25, date '2019-03-31')");
    f.run("insert into emp values (4, 'Dee', 20, null, null)");
}

}  // namespace

TEST_CASE("WHERE, ORDER BY, GROUP BY with aggregates, joins") {
    fixture f;
    emp(f);
    auto r = f.rows(
        "select d.name, count(*) n, sum(e.salary) total from emp e join dept d on d.id = e.dept_id "
        "group by d.name order by d.name");
    REQUIRE(r.size() == 2);
    CHECK(std::get<std::string>(r[0][0]) == "Research");
    CHECK(num(r[0][1]) == "2");
    CHECK(num(r[0][2]) == "3000.25");
    CHECK(num(r[1][2]) == "3000.5");
    std::vector<column_info> cols;
    r = f.rows(
        "select e.name, d.name as dname from emp e, dept d where e.dept_id = d.id and e.salary > 1500 "
        "order by e.salary desc",
        {}, &cols);
    REQUIRE(r.size() == 2);
    CHECK(std::get<std::string>(r[0][0]) == "Cid");
    CHECK(cols[0].name == "NAME");
    CHECK(cols[1].name == "DNAME");
    CHECK(cols[1].type.max_bytes == 20);
    CHECK_FALSE(cols[1].type.nullable);
}

TEST_CASE("DML row counts, update and delete") {
    fixture f;
    emp(f);
    execute_result r;
    REQUIRE(!f.s->execute("update emp set salary = salary + 1 where dept_id = 10", {}, r));
    CHECK(r.kind == statement_kind::dml);
    CHECK(r.row_count == 2);
    CHECK(num(f.rows("select salary from emp where id = 1")[0][0]) == "1001.5");
    REQUIRE(!f.s->execute("delete from emp where salary is null", {}, r));
    CHECK(r.row_count == 1);
    REQUIRE(!f.s->execute("delete emp", {}, r));
    CHECK(r.row_count == 3);
}

TEST_CASE("CONNECT BY LEVEL generates rows; ROWNUM and FETCH FIRST limit them") {
    fixture f;
    auto r = f.rows("select level from dual connect by level <= 5");
    REQUIRE(r.size() == 5);
    CHECK(num(r[4][0]) == "5");
    bind_values b;
    b.by_position = {numv("3")};
    CHECK(f.rows("select level, 'x' from dual connect by level <= :1", b).size() == 3);
    CHECK(f.rows("select level from dual connect by level < 4").size() == 3);
    CHECK(f.rows("select level from dual where rownum <= 2 connect by level <= 10").size() == 2);
    CHECK(f.rows("select * from (select level l from dual connect by level <= 10 order by l desc) where "
                 "rownum <= 3")
              .size() == 3);
    r = f.rows("select level from dual connect by level <= 10 order by level desc fetch first 2 rows only");
    REQUIRE(r.size() == 2);
    CHECK(num(r[0][0]) == "10");
    r = f.rows(
        "select level from dual connect by level <= 10 order by 1 offset 8 rows fetch next 5 rows only");
    REQUIRE(r.size() == 2);
    CHECK(num(r[0][0]) == "9");
    CHECK(num(f.rows("select rownum from dual")[0][0]) == "1");
}

TEST_CASE("100,000 rows stream from a cursor one at a time") {
    fixture f;
    execute_result r;
    REQUIRE(!f.s->execute("select level, 'row ' || level from dual connect by level <= 100000", {}, r));
    REQUIRE(r.rows);
    std::vector<value> row;
    sql_error e;
    std::uint64_t n = 0;
    std::string last;
    long long used_early = 0;
    while (r.rows->fetch(row, e)) {
        ++n;
        last = num(row[0]);
        if (n == 1000) used_early = sqlite3_memory_used();
    }
    // Rows are produced one at a time: SQLite's heap does not grow with them.
    CHECK(sqlite3_memory_used() - used_early < 1024 * 1024);
    CHECK(!e);
    CHECK(n == 100000);
    CHECK(last == "100000");
    CHECK(r.rows->row_count() == 100000);
}

TEST_CASE("dates: SYSDATE arithmetic, TO_DATE, TO_CHAR, NLS_DATE_FORMAT") {
    fixture f;
    std::vector<column_info> cols;
    auto r =
        f.rows("select sysdate, sysdate + 1, (sysdate + 1) - sysdate, systimestamp from dual", {}, &cols);
    CHECK(cols[0].type.type == ora_type::date);
    CHECK(cols[0].name == "SYSDATE");
    CHECK(cols[1].type.type == ora_type::date);
    CHECK(cols[1].name == "SYSDATE+1");
    CHECK(cols[2].type.type == ora_type::number);
    CHECK(num(r[0][2]) == "1");
    CHECK(cols[3].type.type == ora_type::timestamp_tz);
    auto today = std::get<date_time>(r[0][0]);
    auto next  = std::get<date_time>(r[0][1]);
    CHECK(next > today);
    r = f.rows(
        "select to_char(to_date('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS') + 30, "
        "'DD-MON-YYYY HH:MI:SS AM Day') from dual");
    CHECK(std::get<std::string>(r[0][0]) == "04-APR-2024 02:07:09 PM Thursday ");
    r = f.rows("select to_date('05-MAR-24') from dual");
    CHECK(std::get<date_time>(r[0][0]) == ymd(2024, 3, 5));
    f.run("alter session set nls_date_format = 'YYYY-MM-DD HH24:MI:SS'");
    r = f.rows("select to_char(date '2001-02-03') from dual");
    CHECK(std::get<std::string>(r[0][0]) == "2001-02-03 00:00:00");
    f.run("create table d (x date)");
    f.run("insert into d values ('2022-12-31 23:59:59')");
    CHECK(std::get<date_time>(f.rows("select x from d")[0][0]) == ymd(2022, 12, 31, 23, 59, 59));
    CHECK(std::get<date_time>(f.rows("select trunc(x) + 1 from d")[0][0]) == ymd(2023, 1, 1));
    CHECK(num(f.rows("select extract(year from x) from d")[0][0]) == "2022");
    auto e = f.fail("select to_date('2024-13-01', 'YYYY-MM-DD') from dual");
    CHECK(e.code == 1843);
    CHECK(e.message == "ORA-01843: not a valid month");
    e = f.fail("select to_date('2024x01', 'YYYY-MM') from dual");
    CHECK(e.code == 1861);
    CHECK(e.message == "ORA-01861: literal does not match format string");
    f.run("alter session set time_zone = '+05:30'");
    CHECK(std::get<std::string>(f.rows("select to_char(systimestamp, 'TZH:TZM') from dual")[0][0]) ==
          "+00:00");
}

// node-oracledb asks for DBTIMEZONE at connect when the server lacks TZ_EX;
// a UTC database reports '+00:00', and SESSIONTIMEZONE follows ALTER SESSION.
TEST_CASE("dates: DBTIMEZONE and SESSIONTIMEZONE") {
    fixture f;
    std::vector<column_info> cols;
    auto r = f.rows("SELECT DBTIMEZONE, sessiontimezone FROM DUAL", {}, &cols);
    REQUIRE(cols.size() == 2);
    CHECK(cols[0].name == "DBTIMEZONE");
    CHECK(cols[0].type.type == ora_type::varchar);
    CHECK(cols[1].name == "SESSIONTIMEZONE");
    CHECK(std::get<std::string>(r[0][0]) == "+00:00");
    CHECK(std::get<std::string>(r[0][1]) == "+00:00");
    f.run("alter session set time_zone = '-03:30'");
    r = f.rows("select dbtimezone, sessiontimezone from dual");
    CHECK(std::get<std::string>(r[0][0]) == "+00:00");
    CHECK(std::get<std::string>(r[0][1]) == "-03:30");
}

TEST_CASE("sequences: NEXTVAL and CURRVAL") {
    fixture f;
    f.run("create sequence s start with 10 increment by 5");
    auto e = f.fail("select s.currval from dual");
    CHECK(e.code == 8002);
    CHECK(num(f.rows("select s.nextval from dual")[0][0]) == "10");
    CHECK(num(f.rows("select s.nextval from dual")[0][0]) == "15");
    CHECK(num(f.rows("select s.currval from dual")[0][0]) == "15");
    f.run("create table t (id number primary key)");
    f.run("insert into t values (s.nextval)");
    CHECK(num(f.rows("select id from t")[0][0]) == "20");
    e = f.fail("create sequence s");
    CHECK(e.code == 955);
    e = f.fail("select nope.nextval from dual");
    CHECK(e.code == 2289);
    CHECK(e.message == "ORA-02289: sequence does not exist");
}

TEST_CASE("SYS_CONTEXT('USERENV', ...) and USER report the session attributes") {
    fixture f;
    f.s->attributes().user              = "SCOTT";
    f.s->attributes().sid               = 42;
    f.s->attributes().client_identifier = "cid";
    f.s->attributes().module            = "mod";
    f.s->attributes().action            = "act";
    auto r                              = f.rows(
                                     "select sys_context('USERENV', 'SESSION_USER'), sys_context('userenv', 'sid'), "
                                                                  "sys_context('USERENV', 'CLIENT_IDENTIFIER'), sys_context('USERENV', 'MODULE'), "
                                                                  "sys_context('USERENV', 'ACTION'), user from dual");
    CHECK(std::get<std::string>(r[0][0]) == "SCOTT");
    CHECK(std::get<std::string>(r[0][1]) == "42");
    CHECK(std::get<std::string>(r[0][2]) == "cid");
    CHECK(std::get<std::string>(r[0][3]) == "mod");
    CHECK(std::get<std::string>(r[0][4]) == "act");
    CHECK(std::get<std::string>(r[0][5]) == "SCOTT");
    f.s->attributes().module.clear();
    CHECK(is_null(f.rows("select sys_context('USERENV', 'MODULE') from dual")[0][0]));
    CHECK(f.fail("select sys_context('USERENV', 'NOPE') from dual").code == 2003);
}

TEST_CASE("string functions") {
    fixture f;
    auto r = f.rows(
        "select upper('abc'), lower('ABC'), length('héllo'), substr('hello', 2, 3), substr('hello', -3), "
        "instr('hello', 'l'), lpad('7', 3, '0'), trim('  x  '), replace('aXb', 'X', '-'), "
        "to_char(0.5), to_char(1234.5, 'FM9999.00'), to_number('12.50'), mod(7, 3), round(2.345, 2), "
        "trunc(-2.7), decode(2, 1, 'one', 2, 'two', 'other'), nvl2(null, 'a', 'b'), coalesce(null, 3) "
        "from dual");
    const auto& v = r[0];
    CHECK(std::get<std::string>(v[0]) == "ABC");
    CHECK(std::get<std::string>(v[1]) == "abc");
    CHECK(num(v[2]) == "5");
    CHECK(std::get<std::string>(v[3]) == "ell");
    CHECK(std::get<std::string>(v[4]) == "llo");
    CHECK(num(v[5]) == "3");
    CHECK(std::get<std::string>(v[6]) == "007");
    CHECK(std::get<std::string>(v[7]) == "x");
    CHECK(std::get<std::string>(v[8]) == "a-b");
    CHECK(std::get<std::string>(v[9]) == ".5");
    CHECK(std::get<std::string>(v[10]) == "1234.50");
    CHECK(num(v[11]) == "12.5");
    CHECK(num(v[12]) == "1");
    CHECK(num(v[13]) == "2.35");
    CHECK(num(v[14]) == "-2");
    CHECK(std::get<std::string>(v[15]) == "two");
    CHECK(std::get<std::string>(v[16]) == "b");
    CHECK(num(v[17]) == "3");
}

TEST_CASE("|| treats NULL as the empty string, as Oracle does") {
    fixture f;
    std::vector<column_info> cols;
    auto r =
        f.rows("select 'a' || null || 'b' ab, null || null, upper('x' || 1 || 'y'), 'n' || (1 + 2) from dual",
               {}, &cols);
    CHECK(std::get<std::string>(r[0][0]) == "ab");
    CHECK(cols[0].name == "AB");
    CHECK(cols[0].type.type == ora_type::varchar);
    CHECK(is_null(r[0][1]));
    CHECK(std::get<std::string>(r[0][2]) == "X1Y");
    CHECK(std::get<std::string>(r[0][3]) == "n3");
    f.run("create table t (a varchar2(5), b varchar2(5))");
    f.run("insert into t values ('x' || null, null)");
    CHECK(std::get<std::string>(f.rows("select a || b from t where a || b = 'x'")[0][0]) == "x");
}
