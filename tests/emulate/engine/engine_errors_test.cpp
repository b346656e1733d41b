// The ORA errors the engine gives, with the 19c texts and offsets.
#include "engine_fixture.hpp"

using namespace engine_test;

TEST_CASE("missing table: ORA-00942 at the table name") {
    fixture f;
    auto e = f.fail("select * from nosuch");
    CHECK(e.code == 942);
    CHECK(e.message == "ORA-00942: table or view does not exist");
    CHECK(e.offset == 14);
    e = f.fail("insert into nosuch values (1)");
    CHECK(e.code == 942);
    CHECK(e.offset == 12);
    e = f.fail("drop table nosuch");
    CHECK(e.code == 942);
}

TEST_CASE("unknown column: ORA-00904 with the identifier") {
    fixture f;
    f.run("create table t (a number)");
    auto e = f.fail("select b from t");
    CHECK(e.code == 904);
    CHECK(e.message == "ORA-00904: \"B\": invalid identifier");
    CHECK(e.offset == 7);
    e = f.fail("select t.zz from t");
    CHECK(e.message == "ORA-00904: \"T\".\"ZZ\": invalid identifier");
    e = f.fail("insert into t (q) values (1)");
    CHECK(e.message == "ORA-00904: \"Q\": invalid identifier");
    CHECK(e.offset == 15);
    e = f.fail("select nosuchfn(a) from t");
    CHECK(e.code == 904);
}

TEST_CASE("syntax errors: ORA-00900, ORA-00933, ORA-00923") {
    fixture f;
    f.run("create table t (a number)");
    auto e = f.fail("selec * from t");
    CHECK(e.code == 900);
    CHECK(e.message == "ORA-00900: invalid SQL statement");
    e = f.fail("select * from t where a = 1 garbage more");
    CHECK(e.code == 933);
    CHECK(e.message == "ORA-00933: SQL command not properly ended");
    e = f.fail("select 1");
    CHECK(e.code == 923);
    CHECK(e.message == "ORA-00923: FROM keyword not found where expected");
    e = f.fail("select * from t;");
    CHECK(e.code == 911);
}

TEST_CASE("constraints: ORA-00001, ORA-01400, ORA-01407, ORA-02290, ORA-02291") {
    fixture f;
    f.run("create table p (id number primary key)");
    f.run(
        "create table t (id number constraint t_pk primary key, name varchar2(10) not null, "
        "qty number check (qty > 0), u number unique, pid number references p(id))");
    f.run("insert into p values (1)");
    f.run("insert into t values (1, 'a', 1, 1, 1)");
    auto e = f.fail("insert into t values (1, 'b', 1, 2, 1)");
    CHECK(e.code == 1);
    CHECK(e.message == "ORA-00001: unique constraint (DEMO.T_PK) violated");
    e = f.fail("insert into t values (2, 'b', 1, 1, 1)");
    CHECK(e.code == 1);
    CHECK(e.message.rfind("ORA-00001: unique constraint (DEMO.SYS_C00", 0) == 0);
    e = f.fail("insert into t (id) values (3)");
    CHECK(e.code == 1400);
    CHECK(e.message == "ORA-01400: cannot insert NULL into (\"DEMO\".\"T\".\"NAME\")");
    e = f.fail("update t set name = null");
    CHECK(e.code == 1407);
    CHECK(e.message == "ORA-01407: cannot update (\"DEMO\".\"T\".\"NAME\") to NULL");
    e = f.fail("insert into t values (4, 'd', -1, 4, 1)");
    CHECK(e.code == 2290);
    e = f.fail("insert into t values (5, 'e', 1, 5, 99)");
    CHECK(e.code == 2291);
}

TEST_CASE("DDL errors: ORA-00955, ORA-00902") {
    fixture f;
    f.run("create table t (a number)");
    auto e = f.fail("create table t (b number)");
    CHECK(e.code == 955);
    CHECK(e.message == "ORA-00955: name is already used by an existing object");
    e = f.fail("create table u (a nosuchtype)");
    CHECK(e.code == 902);
    CHECK(e.message == "ORA-00902: invalid datatype");
    f.run("drop table t");
    f.run("create table t (b varchar2(5))");
    f.run("insert into t values ('x')");
    CHECK(f.rows("select b from t").size() == 1);
}

TEST_CASE("not supported: ORA-03001, never a made-up answer") {
    fixture f;
    CHECK(f.fail("merge into dual d using dual s on (1 = 1) when matched then update set dummy = 1").code ==
          3001);
    CHECK(f.fail("select level from dual connect by prior level = level").code == 3001);
    CHECK(f.fail("select * from dual where rownum <= 2 order by dummy").code == 3001);
    CHECK(f.fail("alter session set time_zone = 'Europe/Paris'").code == 3001);
    auto e = f.fail("select 1 from dual");
    CHECK(!e);
    e = f.fail("select :1 from dual");
    CHECK(e.code == 1008);
}

TEST_CASE("grouping: ORA-00937 and ORA-00979 where SQLite would answer anyway") {
    fixture f;
    f.run("create table t (a number, b number)");
    auto e = f.fail("select a, count(*) from t");
    CHECK(e.code == 937);
    CHECK(e.message == "ORA-00937: not a single-group group function");
    e = f.fail("select a, b, count(*) from t group by a");
    CHECK(e.code == 979);
    CHECK(e.message == "ORA-00979: not a GROUP BY expression");
    CHECK(!f.fail("select a, count(*) c from t group by a"));
    CHECK(!f.fail("select t.a x, sum(b) from t group by t.a"));
}
