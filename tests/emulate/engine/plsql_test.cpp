// PL/SQL blocks in the emulator's engine: binds in and out, control flow,
// SQL inside blocks, DBMS_OUTPUT, cursors and errors as a server reports them.
#include "engine_fixture.hpp"

#include <chrono>

using namespace engine_test;

namespace {

bind_value in(value v, ora_type t) {
    bind_value b;
    b.v        = std::move(v);
    b.declared = t;
    return b;
}

bind_value out(ora_type t) {
    bind_value b;
    b.declared = t;
    return b;
}

bind_value array(std::vector<value> e, ora_type t, std::uint32_t max) {
    bind_value b;
    b.is_array     = true;
    b.elements     = std::move(e);
    b.max_elements = max;
    b.declared     = t;
    return b;
}

struct plsql_fixture : fixture {
    execute_result exec(const std::string& sql, std::vector<bind_value> slots = {}) {
        bind_values b;
        b.slots = std::move(slots);
        execute_result r;
        sql_error e = s->execute(sql, b, r);
        INFO(sql << " -> " << e.message);
        REQUIRE(!e);
        return r;
    }
    sql_error fails(const std::string& sql, std::vector<bind_value> slots = {}) {
        bind_values b;
        b.slots = std::move(slots);
        execute_result r;
        return s->execute(sql, b, r);
    }
    std::vector<std::vector<value>> drain(cursor& c) {
        std::vector<std::vector<value>> rows;
        std::vector<value> row;
        sql_error e;
        while (c.fetch(row, e))
            rows.push_back(row);
        REQUIRE(!e);
        return rows;
    }
};

std::string str(const value& v) { return std::get<std::string>(v); }

}  // namespace

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: IN, OUT and IN OUT scalar binds of each type", "[plsql]") {
    auto r = exec(
        "begin :n_out := :n_in * 2; :s_io := :s_io || '-x'; :d_out := :d_in + 1; "
        ":t_out := :t_in; :bd_out := :bd_in / 4; :b_out := :n_in > 10; end;",
        {out(ora_type::number), in(numv("21"), ora_type::number), in(std::string("abc"), ora_type::varchar),
         out(ora_type::date), in(ymd(2024, 2, 28, 10, 30), ora_type::date), out(ora_type::timestamp),
         in(ymd(2024, 1, 2, 3, 4, 5, 123456000), ora_type::timestamp), out(ora_type::binary_double),
         in(10.0, ora_type::binary_double), out(ora_type::boolean)});
    // slots in order of first appearance: N_OUT, N_IN, S_IO, D_OUT, D_IN, T_OUT, T_IN, BD_OUT, BD_IN, B_OUT
    REQUIRE(r.kind == statement_kind::plsql);
    REQUIRE(r.binds.size() == 10);
    CHECK(r.binds[0].dir == bind_direction::out);
    CHECK(num(r.binds[0].v) == "42");
    CHECK(r.binds[1].dir == bind_direction::in);
    CHECK(r.binds[2].dir == bind_direction::in_out);
    CHECK(str(r.binds[2].v) == "abc-x");
    CHECK(std::get<date_time>(r.binds[3].v) == ymd(2024, 2, 29, 10, 30));
    CHECK(std::get<date_time>(r.binds[5].v) == ymd(2024, 1, 2, 3, 4, 5, 123456000));
    CHECK(std::get<double>(r.binds[7].v) == 2.5);
    CHECK(std::get<bool>(r.binds[9].v) == true);
    sql_error e;
    auto dirs = session::bind_directions("begin :a := :b + :a; :c := 1; end;", e);
    REQUIRE(!e);
    CHECK(dirs ==
          std::vector<bind_direction>{bind_direction::in_out, bind_direction::in, bind_direction::out});
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: OUT values take the bind's declared type", "[plsql]") {
    auto r = exec("begin :a := 42; :b := '17'; :c := 0.5; end;",
                  {out(ora_type::varchar), out(ora_type::number), out(ora_type::varchar)});
    CHECK(str(r.binds[0].v) == "42");
    CHECK(num(r.binds[1].v) == "17");
    CHECK(str(r.binds[2].v) == ".5");  // TO_CHAR(0.5)
    auto e = fails("begin :a := 'abc'; end;", {out(ora_type::number)});
    CHECK(e.code == 6502);
    bind_value small = out(ora_type::varchar);
    small.max_size   = 3;
    e                = fails("begin\n  :a := 'abc';\n  :a := :a || 'd';\nend;", {small});
    CHECK(
        e.message ==
        "ORA-06502: PL/SQL: numeric or value error: character string buffer too small\nORA-06512: at line 3");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: declarations, IF, loops", "[plsql]") {
    auto r = exec(
        "declare\n"
        "  total number := 0;\n"
        "  i pls_integer := 0;\n"
        "  s varchar2(100);\n"
        "  done boolean := false;\n"
        "begin\n"
        "  for k in 1 .. 10 loop\n"
        "    if mod(k, 2) = 0 then total := total + k; elsif k = 5 then s := s || 'five'; else null; end "
        "if;\n"
        "  end loop;\n"
        "  for k in reverse 1 .. 3 loop s := s || k; end loop;\n"
        "  while i < 7 loop i := i + 1; end loop;\n"
        "  loop exit when done; done := true; i := i * 10; end loop;\n"
        "  :total := total; :i := i; :s := s;\n"
        "end;",
        {out(ora_type::number), out(ora_type::number), out(ora_type::varchar)});
    CHECK(num(r.binds[0].v) == "30");
    CHECK(num(r.binds[1].v) == "70");
    CHECK(str(r.binds[2].v) == "five321");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: CASE statements", "[plsql]") {
    auto r = exec(
        "declare s varchar2(20); begin\n"
        "  for i in 1 .. 4 loop\n"
        "    case i when 1 then s := s || 'one'; when 2 then s := s || 'two'; else s := s || '+'; end case;\n"
        "  end loop;\n"
        "  case when s like 'one%' then :b := 'searched'; end case;\n"
        "  :s := s;\n"
        "end;",
        {out(ora_type::varchar), out(ora_type::varchar)});
    CHECK(str(r.binds[0].v) == "searched");
    CHECK(str(r.binds[1].v) == "onetwo++");
    auto e = fails("begin case 3 when 1 then null; end case; end;");
    CHECK(e.message == "ORA-06592: CASE not found while executing CASE statement\nORA-06512: at line 1");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: a 10,000-step loop runs quickly", "[plsql]") {
    auto t0 = std::chrono::steady_clock::now();
    auto r  = exec(
         "declare n number := 0; begin for i in 1 .. 10000 loop n := n + i; end loop; "
          "while n > 0 loop n := n - 1000000; end loop; :r := n; end;",
         {out(ora_type::number)});
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    CHECK(num(r.binds[0].v) == "-995000");  // 50005000 - 51 * 1000000
    CHECK(ms < 3000);
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: index-by tables in and out", "[plsql]") {
    auto r = exec(
        "declare type tt is table of varchar2(20) index by pls_integer; v tt; "
        "type m is table of number index by varchar2(10); mm m; begin\n"
        "  for i in 1 .. :inp.count loop :outp(i) := upper(:inp(i)); end loop;\n"
        "  :outp(:inp.count + 1) := 'end';\n"
        "  mm('b') := 2; mm('a') := 1; :first := mm.first; :n := mm('a') + mm('b');\n"
        "  :ex := case when mm.exists('c') then 'y' else 'n' end;\n"
        "end;",
        {array({std::string("a"), std::string("bc")}, ora_type::varchar, 10),
         array({}, ora_type::varchar, 10), out(ora_type::varchar), out(ora_type::number),
         out(ora_type::varchar)});
    // slots: INP, OUTP, FIRST, N, EX
    CHECK(r.binds[0].dir == bind_direction::in);
    CHECK(r.binds[1].dir == bind_direction::out);
    REQUIRE(r.binds[1].is_array);
    REQUIRE(r.binds[1].elements.size() == 3);
    CHECK(str(r.binds[1].elements[0]) == "A");
    CHECK(str(r.binds[1].elements[1]) == "BC");
    CHECK(str(r.binds[1].elements[2]) == "end");
    CHECK(str(r.binds[2].v) == "a");
    CHECK(num(r.binds[3].v) == "3");
    CHECK(str(r.binds[4].v) == "n");
    auto e = fails("begin for i in 1 .. 5 loop :o(i) := i; end loop; end;", {array({}, ora_type::number, 3)});
    CHECK(e.code == 6513);
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: DML, SELECT INTO and SQL%ROWCOUNT", "[plsql]") {
    run("create table t (id number, name varchar2(20))");
    auto r = exec(
        "declare n number; nm varchar2(20); begin\n"
        "  for i in 1 .. 5 loop insert into t values (i, 'n' || i); end loop;\n"
        "  update t set name = upper(name) where id > :lim; :upd := sql%rowcount;\n"
        "  select name into nm from t where id = 5; :nm := nm;\n"
        "  select count(*), max(id) into n, :mx from t; :cnt := n;\n"
        "end;",
        {in(numv("3"), ora_type::number), out(ora_type::number), out(ora_type::varchar),
         out(ora_type::number), out(ora_type::number)});
    // slots: LIM, UPD, NM, MX, CNT
    CHECK(num(r.binds[1].v) == "2");
    CHECK(str(r.binds[2].v) == "N5");
    CHECK(num(r.binds[3].v) == "5");
    CHECK(num(r.binds[4].v) == "5");
    CHECK(rows("select count(*) from t").at(0).at(0) == value{numv("5")});
    // a column wins over a local of the same name inside SQL
    r = exec(
        "declare name varchar2(20) := 'local'; begin select count(*) into :c from t where name = 'N5'; end;",
        {out(ora_type::number)});
    CHECK(num(r.binds[0].v) == "1");

    auto e = fails("declare x number; begin select id into x from t where id = 99; end;");
    CHECK(e.code == 1403);
    CHECK(e.message == "ORA-01403: no data found\nORA-06512: at line 1");
    e = fails("declare x number; begin\n  select id into x from t; end;");
    CHECK(e.code == 1422);
    CHECK(e.message ==
          "ORA-01422: exact fetch returns more than requested number of rows\nORA-06512: at line 2");
    // handlers, SQLCODE / SQLERRM
    r = exec(
        "declare x number; begin\n"
        "  begin select id into x from t where id = 99; exception when no_data_found then :a := sqlcode; "
        "end;\n"
        "  begin select id into x from t; exception when others then :b := sqlerrm; end;\n"
        "  begin x := 1 / 0; exception when zero_divide then :c := 'zd'; end;\n"
        "end;",
        {out(ora_type::number), out(ora_type::varchar), out(ora_type::varchar)});
    CHECK(num(r.binds[0].v) == "100");
    CHECK(str(r.binds[1].v) == "ORA-01422: exact fetch returns more than requested number of rows");
    CHECK(str(r.binds[2].v) == "zd");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: cursor FOR loops over a query", "[plsql]") {
    run("create table t (id number, name varchar2(20))");
    run("insert into t values (1, 'one')");
    run("insert into t values (2, 'two')");
    auto r = exec(
        "declare s varchar2(100); n number := 0; begin\n"
        "  for r in (select id, name from t order by id) loop s := s || r.name || ','; n := n + r.id; end "
        "loop;\n"
        "  :s := s; :n := n;\n"
        "end;",
        {out(ora_type::varchar), out(ora_type::number)});
    CHECK(str(r.binds[0].v) == "one,two,");
    CHECK(num(r.binds[1].v) == "3");
    auto e =
        fails("begin for r in (select id from t) loop :x := r.nope; end loop; end;", {out(ora_type::number)});
    CHECK(e.code == 6550);
    CHECK(e.message.find("PLS-00302: component 'NOPE' must be declared") != std::string::npos);
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: a failing block undoes its changes", "[plsql]") {
    run("create table t (id number)");
    run("insert into t values (1)");
    auto e = fails("begin insert into t values (2); raise_application_error(-20001, 'stop'); end;");
    CHECK(e.code == 20001);
    CHECK(e.message == "ORA-20001: stop\nORA-06512: at line 1");
    CHECK(rows("select count(*) from t").at(0).at(0) == value{numv("1")});
    REQUIRE(!s->commit());
    e = fails("begin\n  insert into t values (3);\n  raise_application_error(-20555, 'x' || 1);\nend;");
    CHECK(e.message == "ORA-20555: x1\nORA-06512: at line 3");
    CHECK(rows("select count(*) from t").at(0).at(0) == value{numv("1")});
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: OPEN :c FOR and a local cursor returned as implicit results",
                 "[plsql]") {
    run("create table t (id number, name varchar2(20))");
    run("insert into t values (1, 'one')");
    run("insert into t values (2, 'two')");
    auto r = exec("begin open :c for select id, name from t where id >= :lo order by id; end;",
                  {out(ora_type::cursor), in(numv("1"), ora_type::number)});
    REQUIRE(r.binds.size() == 2);
    CHECK(r.binds[0].dir == bind_direction::out);
    REQUIRE(r.binds[0].ref_cursor);
    CHECK(r.binds[0].ref_cursor->columns().size() == 2);
    auto got = drain(*r.binds[0].ref_cursor);
    REQUIRE(got.size() == 2);
    CHECK(str(got[1][1]) == "two");

    r = exec(
        "declare c1 sys_refcursor; c2 sys_refcursor; begin\n"
        "  open c1 for select name from t order by id desc;\n"
        "  dbms_sql.return_result(c1);\n"
        "  open c2 for select 'x' as x, 42 as n from dual;\n"
        "  dbms_sql.return_result(c2);\n"
        "end;");
    REQUIRE(r.implicit_results.size() == 2);
    auto a = drain(*r.implicit_results[0]);
    REQUIRE(a.size() == 2);
    CHECK(str(a[0][0]) == "two");
    auto b = drain(*r.implicit_results[1]);
    REQUIRE(b.size() == 1);
    CHECK(num(b[0][1]) == "42");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: DBMS_OUTPUT put, get_line and get_lines", "[plsql]") {
    exec("begin dbms_output.put_line('lost: not enabled'); end;");
    exec("begin dbms_output.enable(null); end;");
    exec(
        "begin dbms_output.put_line('hello'); dbms_output.put('a'); dbms_output.put('b'); "
        "dbms_output.new_line; dbms_output.put_line(42); dbms_output.put_line(null); end;");
    auto r =
        exec("begin dbms_output.get_line(:l, :st); end;", {out(ora_type::varchar), out(ora_type::number)});
    CHECK(r.binds[0].dir == bind_direction::out);
    CHECK(r.binds[1].dir == bind_direction::out);
    CHECK(str(r.binds[0].v) == "hello");
    CHECK(num(r.binds[1].v) == "0");
    r = exec("begin dbms_output.get_lines(:lines, :n); end;",
             {array({}, ora_type::varchar, 10), in(numv("10"), ora_type::number)});
    CHECK(r.binds[1].dir == bind_direction::in_out);
    CHECK(num(r.binds[1].v) == "3");
    REQUIRE(r.binds[0].elements.size() == 3);
    CHECK(str(r.binds[0].elements[0]) == "ab");
    CHECK(str(r.binds[0].elements[1]) == "42");
    CHECK(is_null(r.binds[0].elements[2]));
    r = exec("begin dbms_output.get_line(:l, :st); end;", {out(ora_type::varchar), out(ora_type::number)});
    CHECK(is_null(r.binds[0].v));
    CHECK(num(r.binds[1].v) == "1");
    exec("begin dbms_output.disable; dbms_output.put_line('dropped'); end;");
    r = exec("begin dbms_output.enable; dbms_output.get_line(:l, :st); end;",
             {out(ora_type::varchar), out(ora_type::number)});
    CHECK(num(r.binds[1].v) == "1");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: syntax and name errors as ORA-06550", "[plsql]") {
    auto e = fails("begin\n  x := ;\nend;");
    CHECK(e.code == 6550);
    CHECK(e.message.rfind("ORA-06550: line 2, column 8:\nPLS-00103: Encountered the symbol \";\" when "
                          "expecting one of the following:",
                          0) == 0);
    e = fails("begin no_such_proc(1); end;");
    CHECK(e.code == 6550);
    CHECK(e.message == "ORA-06550: line 1, column 7:\nPLS-00201: identifier 'NO_SUCH_PROC' must be declared");
    e = fails("begin :x := nope + 1; end;", {out(ora_type::number)});
    CHECK(e.code == 6550);
    CHECK(e.message.find("PLS-00201: identifier 'NOPE' must be declared") != std::string::npos);
    e = fails("begin if 1 = 1 then null; end;");
    CHECK(e.code == 6550);
    CHECK(e.message.find("PLS-00103: Encountered the symbol \";\"") != std::string::npos);
}

TEST_CASE_METHOD(plsql_fixture, "DML RETURNING INTO for several rows", "[plsql]") {
    run("create table t (id number, name varchar2(20))");
    bind_values b;
    b.slots = {in(numv("1"), ora_type::number), in(std::string("a"), ora_type::varchar),
               out(ora_type::number), out(ora_type::varchar)};
    execute_result r;
    REQUIRE(!s->execute("insert into t values (:1, :2) returning id * 10, upper(name) into :3, :4", b, r));
    CHECK(r.row_count == 1);
    REQUIRE(r.binds.size() == 4);
    CHECK(r.binds[2].is_returning);
    CHECK(r.binds[2].dir == bind_direction::out);
    REQUIRE(r.binds[2].returning.size() == 1);
    CHECK(num(r.binds[2].returning[0]) == "10");
    CHECK(str(r.binds[3].returning[0]) == "A");
    run("insert into t values (2, 'b')");
    run("insert into t values (3, 'c')");

    b.slots = {in(numv("1"), ora_type::number), out(ora_type::number), out(ora_type::varchar)};
    REQUIRE(
        !s->execute("update t set name = name || '!' where id > :1 returning id, name into :2, :3", b, r));
    CHECK(r.row_count == 2);
    REQUIRE(r.binds[1].returning.size() == 2);
    CHECK(num(r.binds[1].returning[0]) == "2");
    CHECK(str(r.binds[2].returning[1]) == "c!");

    b.slots = {in(numv("2"), ora_type::number), out(ora_type::varchar)};
    REQUIRE(!s->execute("delete from t where id <= :1 returning name into :2", b, r));
    CHECK(r.row_count == 2);
    REQUIRE(r.binds[1].returning.size() == 2);
    CHECK(str(r.binds[1].returning[0]) == "a");
    CHECK(str(r.binds[1].returning[1]) == "b!");
    CHECK(rows("select count(*) from t").at(0).at(0) == value{numv("1")});

    sql_error e;
    auto dirs = session::bind_directions("delete from t where id <= :1 returning name into :2", e);
    CHECK(dirs == std::vector<bind_direction>{bind_direction::in, bind_direction::out});

    // inside PL/SQL: one row into locals and binds
    auto pr = exec(
        "declare n varchar2(20); begin update t set name = 'z' where id = 3 returning name into n; "
        ":o := n; end;",
        {out(ora_type::varchar)});
    CHECK(str(pr.binds[0].v) == "z");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: EXECUTE IMMEDIATE, nested blocks, user exceptions, RETURN",
                 "[plsql]") {
    auto r = exec(
        "declare oops exception; n number := 0; begin\n"
        "  execute immediate 'create table e (x number)';\n"
        "  execute immediate 'insert into e values (:1)' using 7;\n"
        "  execute immediate 'select x * 2 from e' into n;\n"
        "  :a := n;\n"
        "  begin raise oops; exception when oops then :b := 'caught'; end;\n"
        "  declare inner_v varchar2(5) := 'in'; begin :c := inner_v; end;\n"
        "  return;\n"
        "  :a := -1;\n"
        "end;",
        {out(ora_type::number), out(ora_type::varchar), out(ora_type::varchar)});
    CHECK(num(r.binds[0].v) == "14");
    CHECK(str(r.binds[1].v) == "caught");
    CHECK(str(r.binds[2].v) == "in");
    auto e = fails("declare v varchar2(3); begin v := 'toolong'; end;");
    CHECK(e.code == 6502);
    CHECK(
        e.message ==
        "ORA-06502: PL/SQL: numeric or value error: character string buffer too small\nORA-06512: at line 1");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: DBMS_SESSION.SLEEP waits", "[plsql]") {
    auto t0 = std::chrono::steady_clock::now();
    exec("begin dbms_session.sleep(0.2); end;");
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(190));
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: procedure arguments with nested calls and commas", "[plsql]") {
    exec("begin dbms_output.enable(null); end;");
    exec(
        "begin dbms_output.put_line(to_char(date '2024-03-01', 'YYYY-MM-DD')); "
        "dbms_output.put_line(substr(upper('abcdef'), 2, 3) || nvl(null, 'x')); end;");
    auto r = exec("begin dbms_output.get_lines(:lines, :n); end;",
                  {array({}, ora_type::varchar, 10), in(numv("10"), ora_type::number)});
    REQUIRE(r.binds[0].elements.size() == 2);
    CHECK(str(r.binds[0].elements[0]) == "2024-03-01");
    CHECK(str(r.binds[0].elements[1]) == "BCDx");
}

TEST_CASE_METHOD(plsql_fixture, "PL/SQL: an index-by table IN bind to DBMS_UTILITY.TABLE_TO_COMMA",
                 "[plsql]") {
    auto r = exec("begin dbms_utility.table_to_comma(:tab, :n, :list); end;",
                  {array({value{std::string("EMP")}, value{std::string("DEPT")}, value{std::string("BONUS")}},
                         ora_type::varchar, 10),
                   out(ora_type::number), out(ora_type::varchar)});
    CHECK(r.binds[0].dir == bind_direction::in);
    CHECK(r.binds[1].dir == bind_direction::out);
    CHECK(r.binds[2].dir == bind_direction::out);
    CHECK(num(r.binds[1].v) == "3");
    CHECK(str(r.binds[2].v) == "EMP,DEPT,BONUS");
    auto e = fails("begin dbms_utility.table_to_comma(:a, :n); end;",
                   {out(ora_type::number), out(ora_type::number)});
    CHECK(e.code == 6550);
}
