#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin mode) as a judge of `oranet emulate` for the
execute features of issue 7: array DML (executemany with batch errors and
per-row counts, plain mode stopping at the first error), DML RETURNING INTO,
PL/SQL IN / OUT / IN OUT binds, index-by tables, REF CURSOR out binds,
implicit results, DBMS_OUTPUT and statement-cache re-executes.

Usage: /usr/bin/python3 features_judge.py <path to oranet> [profile]

Every value asserted is the one a real Oracle Database gives; a failure is
an emulator bug, never a reason to relax an assertion.
"""
import datetime
import sys
import time

import oracledb

import harness
from harness import results

ORANET = sys.argv[1]
PROFILE = sys.argv[2] if len(sys.argv) > 2 else "19"
# "all": also the checks the emulator's engine cannot pass yet (CREATE
# PACKAGE for an index-by IN bind, TIMESTAMP + INTERVAL in PL/SQL); they
# assert what Oracle gives and are left out of the registered runs until then.
ALL = len(sys.argv) > 3 and sys.argv[3] == "all"
opened = []  # connections of the running check, closed after it (a failed one leaves locks)


def close_opened():
    while opened:
        try:
            opened.pop().close()
        except oracledb.Error:
            pass


def check(name):
    return harness.check(name, after=close_opened)


def start_emulator():
    return harness.start_emulator(ORANET, ["--profile", PROFILE, "--user", "demo/demo:12c"])


def main():
    assert oracledb.__version__ == "1.2.1", oracledb.__version__
    child, port = start_emulator()
    dsn = f"127.0.0.1:{port}/FREEPDB1"

    def connect():
        c = oracledb.connect(user="demo", password="demo", dsn=dsn)
        opened.append(c)
        return c

    try:
        @check("executemany of 10,000 rows with batcherrors and arraydmlrowcounts")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("create table pj_batch (id number(6) primary key, name varchar2(8))")
            rows = [(i, f"n{i}") for i in range(10000)]
            rows[500] = (1, "dup")            # ORA-00001
            rows[7000] = (2, "dup")           # ORA-00001
            rows[9000] = (9000, "much too long")  # ORA-12899
            start = time.monotonic()
            cur.executemany("insert into pj_batch values (:1, :2)", rows, batcherrors=True,
                            arraydmlrowcounts=True)
            elapsed = time.monotonic() - start
            errors = [(e.offset, e.code) for e in cur.getbatcherrors()]
            assert errors == [(500, 1), (7000, 1), (9000, 12899)], errors
            msgs = [e.message for e in cur.getbatcherrors()]
            assert msgs[0].startswith("ORA-00001: unique constraint ("), msgs[0]
            assert msgs[2].startswith("ORA-12899: value too large for column "), msgs[2]
            counts = cur.getarraydmlrowcounts()
            assert len(counts) == 10000
            assert [i for i, n in enumerate(counts) if n != 1] == [500, 7000, 9000], counts[:5]
            assert cur.rowcount == 9997, cur.rowcount
            cur.execute("select count(*) from pj_batch")
            assert cur.fetchone() == (9997,)
            assert elapsed < 20, f"10,000 rows took {elapsed:.1f} s"
            c.rollback()
            c.close()

        @check("executemany without batcherrors stops at the first failing row")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("create table pj_plain (id number primary key)")
            try:
                cur.executemany("insert into pj_plain values (:1)", [(1,), (2,), (3,), (1,), (4,)])
                raise AssertionError("no error")
            except oracledb.IntegrityError as e:
                err, = e.args
                assert err.code == 1, err.code
                assert err.offset == 3, err.offset
            assert cur.rowcount == 3, cur.rowcount
            cur.execute("select id from pj_plain order by id")
            assert cur.fetchall() == [(1,), (2,), (3,)]
            c.rollback()
            c.close()

        @check("executemany updates report a count per row (arraydmlrowcounts)")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("create table pj_counts (grp number, v number)")
            cur.executemany("insert into pj_counts values (:1, :2)", [(1, 1), (1, 2), (2, 3), (3, 4), (3, 5), (3, 6)])
            cur.executemany("update pj_counts set v = v + 1 where grp = :1", [(3,), (9,), (1,), (2,)],
                            arraydmlrowcounts=True)
            assert cur.getarraydmlrowcounts() == [3, 0, 2, 1], cur.getarraydmlrowcounts()
            assert cur.rowcount == 6
            # the same statement again: a re-execute of the cached cursor
            cur.executemany("update pj_counts set v = v + 1 where grp = :1", [(1,), (3,)], arraydmlrowcounts=True)
            assert cur.getarraydmlrowcounts() == [2, 3], cur.getarraydmlrowcounts()
            c.rollback()
            c.close()

        @check("DML RETURNING INTO, one row and several rows")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("create table pj_ret (id number, name varchar2(20))")
            out_id = cur.var(int)
            out_name = cur.var(str)
            cur.execute("insert into pj_ret values (:1, :2) returning id, name into :3, :4",
                        [7, "seven", out_id, out_name])
            assert out_id.getvalue() == [7], out_id.getvalue()
            assert out_name.getvalue() == ["seven"], out_name.getvalue()
            cur.executemany("insert into pj_ret values (:1, :2)", [(1, "a"), (2, "b"), (3, "c")])
            ids = cur.var(int)
            cur.execute("update pj_ret set name = upper(name) where id < 3 returning id into :ids", ids=ids)
            assert sorted(ids.getvalue()) == [1, 2], ids.getvalue()
            assert cur.rowcount == 2
            none = cur.var(int)
            cur.execute("delete from pj_ret where id = 99 returning id into :1", [none])
            assert none.getvalue() == [], none.getvalue()
            c.rollback()
            c.close()

        @check("array DML RETURNING INTO (executemany)")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("create table pj_aret (id number, name varchar2(20))")
            cur.executemany("insert into pj_aret values (:1, :2)", [(1, "a"), (2, "b"), (2, "bb"), (3, "c")])
            names = cur.var(str, arraysize=3)
            cur.setinputsizes(None, names)
            cur.executemany("delete from pj_aret where id = :1 returning name into :2", [(1,), (2,), (5,)])
            assert names.getvalue(0) == ["a"], names.getvalue(0)
            assert sorted(names.getvalue(1)) == ["b", "bb"], names.getvalue(1)
            assert names.getvalue(2) == [], names.getvalue(2)
            c.rollback()
            c.close()

        @check("PL/SQL IN, OUT and IN OUT binds of NUMBER, VARCHAR2, DATE, TIMESTAMP, BINARY_DOUBLE")
        def _():
            c = connect()
            cur = c.cursor()
            n_out = cur.var(oracledb.DB_TYPE_NUMBER)
            s_io = cur.var(str)
            s_io.setvalue(0, "ab")
            d_io = cur.var(oracledb.DB_TYPE_DATE)
            d_io.setvalue(0, datetime.datetime(2024, 2, 28, 23, 30, 0))
            d_out = cur.var(oracledb.DB_TYPE_DATE)
            ts_io = cur.var(oracledb.DB_TYPE_TIMESTAMP)
            ts_io.setvalue(0, datetime.datetime(2024, 2, 28, 23, 30, 0, 250000))
            bd_out = cur.var(oracledb.DB_TYPE_BINARY_DOUBLE)
            cur.execute("""
                begin
                  :n_out := :n_in * 2 + 0.5;
                  :s_io := :s_io || 'cd';
                  :d_out := to_date('2023-12-31 10:11:12', 'YYYY-MM-DD HH24:MI:SS');
                  :d_io := :d_io + 1;
                  :ts_io := to_timestamp(to_char(:ts_io, 'YYYY-MM-DD') || ' 12:00:00.5', 'YYYY-MM-DD HH24:MI:SS.FF');
                  :bd_out := 1.5;
                end;""", n_in=20, n_out=n_out, s_io=s_io, d_io=d_io, d_out=d_out, ts_io=ts_io, bd_out=bd_out)
            assert n_out.getvalue() == 40.5, n_out.getvalue()
            assert s_io.getvalue() == "abcd", s_io.getvalue()
            assert d_out.getvalue() == datetime.datetime(2023, 12, 31, 10, 11, 12), d_out.getvalue()
            assert d_io.getvalue() == datetime.datetime(2024, 2, 29, 23, 30, 0), d_io.getvalue()
            assert ts_io.getvalue() == datetime.datetime(2024, 2, 28, 12, 0, 0, 500000), ts_io.getvalue()
            assert bd_out.getvalue() == 1.5, bd_out.getvalue()
            # the cached statement re-executed with new IN values
            s_io.setvalue(0, "x")
            cur.execute("""
                begin
                  :n_out := :n_in * 2 + 0.5;
                  :s_io := :s_io || 'cd';
                  :d_out := to_date('2023-12-31 10:11:12', 'YYYY-MM-DD HH24:MI:SS');
                  :d_io := :d_io + 1;
                  :ts_io := to_timestamp(to_char(:ts_io, 'YYYY-MM-DD') || ' 12:00:00.5', 'YYYY-MM-DD HH24:MI:SS.FF');
                  :bd_out := 1.5;
                end;""", n_in=1, n_out=n_out, s_io=s_io, d_io=d_io, d_out=d_out, ts_io=ts_io, bd_out=bd_out)
            assert n_out.getvalue() == 2.5, n_out.getvalue()
            assert s_io.getvalue() == "xcd", s_io.getvalue()
            c.close()

        if PROFILE.startswith("23"):
            @check("PL/SQL BOOLEAN IN and OUT binds")
            def _():
                c = connect()
                cur = c.cursor()
                b_out = cur.var(oracledb.DB_TYPE_BOOLEAN)
                cur.execute("begin :b_out := not :b_in; end;", b_in=True, b_out=b_out)
                assert b_out.getvalue() is False, b_out.getvalue()
                c.close()

        @check("PL/SQL error: ORA-06550 / RAISE_APPLICATION_ERROR")
        def _():
            c = connect()
            cur = c.cursor()
            try:
                cur.execute("begin raise_application_error(-20001, 'judge says no'); end;")
                raise AssertionError("no error")
            except oracledb.DatabaseError as e:
                err, = e.args
                assert err.code == 20001, err.code
                assert err.message.startswith("ORA-20001: judge says no"), err.message
            c.close()

        @check("REF CURSOR out bind, fetched by the client")
        def _():
            c = connect()
            cur = c.cursor()
            ref = c.cursor()
            cur.execute("begin open :c for select level, 'r' || level from dual connect by level <= 5; end;",
                        c=ref)
            assert ref.fetchall() == [(1, "r1"), (2, "r2"), (3, "r3"), (4, "r4"), (5, "r5")]
            assert [d[0] for d in ref.description] == ["LEVEL", "'R'||LEVEL"], ref.description
            c.close()

        @check("implicit results (DBMS_SQL.RETURN_RESULT)")
        def _():
            c = connect()
            cur = c.cursor()
            cur.execute("""
                declare
                  c1 sys_refcursor;
                  c2 sys_refcursor;
                begin
                  open c1 for select level from dual connect by level <= 3;
                  dbms_sql.return_result(c1);
                  open c2 for select 'x', 'y' from dual;
                  dbms_sql.return_result(c2);
                end;""")
            got = [r.fetchall() for r in cur.getimplicitresults()]
            assert got == [[(1,), (2,), (3,)], [("x", "y")]], got
            c.close()

        @check("index-by table OUT bind (DBMS_OUTPUT.GET_LINES) and GET_LINE loop")
        def _():
            c = connect()
            cur = c.cursor()
            cur.callproc("dbms_output.enable")
            cur.execute("""
                begin
                  dbms_output.put_line('line one');
                  dbms_output.put_line('line two');
                  dbms_output.put_line('line three');
                end;""")
            line = cur.var(str)
            status = cur.var(int)
            got = []
            while True:
                cur.callproc("dbms_output.get_line", (line, status))
                if status.getvalue() != 0:
                    break
                got.append(line.getvalue())
            assert got == ["line one", "line two", "line three"], got
            cur.execute("begin dbms_output.put_line('a'); dbms_output.put_line('b'); end;")
            lines = cur.arrayvar(str, 10, 100)
            num = cur.var(int)
            num.setvalue(0, 10)
            cur.execute("begin dbms_output.get_lines(:lines, :num); end;", lines=lines, num=num)
            assert num.getvalue() == 2, num.getvalue()
            assert lines.getvalue() == ["a", "b"], lines.getvalue()
            c.close()

        @check("index-by table IN bind to a built-in (DBMS_UTILITY.TABLE_TO_COMMA)")
        def _():
            c = connect()
            cur = c.cursor()
            tab = cur.arrayvar(str, ["EMP", "DEPT", "BONUS"], 30)
            n = cur.var(int)
            lst = cur.var(str, 200)
            cur.execute("begin dbms_utility.table_to_comma(:tab, :n, :lst); end;", tab=tab, n=n, lst=lst)
            assert n.getvalue() == 3, n.getvalue()
            assert lst.getvalue() == "EMP,DEPT,BONUS", lst.getvalue()
            c.close()

        if ALL:
            @check("TIMESTAMP + INTERVAL in PL/SQL on an IN OUT bind")
            def _():
                c = connect()
                cur = c.cursor()
                ts_io = cur.var(oracledb.DB_TYPE_TIMESTAMP)
                ts_io.setvalue(0, datetime.datetime(2024, 2, 28, 23, 30, 0, 250000))
                cur.execute("begin :ts_io := :ts_io + interval '1' hour; end;", ts_io=ts_io)
                assert ts_io.getvalue() == datetime.datetime(2024, 2, 29, 0, 30, 0, 250000), ts_io.getvalue()

        if ALL:
            @check("index-by table IN bind (PL/SQL associative array of NUMBER)")
            def _():
                c = connect()
                cur = c.cursor()
                cur.execute("""
                    create or replace package pj_pkg as
                      type num_tab is table of number index by binary_integer;
                      procedure total(v in num_tab, s out number);
                    end;""")
                cur.execute("""
                    create or replace package body pj_pkg as
                      procedure total(v in num_tab, s out number) is
                      begin
                        s := 0;
                        for i in 1 .. v.count loop
                          s := s + v(i);
                        end loop;
                      end;
                    end;""")
                arr = cur.arrayvar(oracledb.DB_TYPE_NUMBER, [1, 2, 3, 4.5])
                s = cur.var(oracledb.DB_TYPE_NUMBER)
                cur.execute("begin pj_pkg.total(:v, :s); end;", v=arr, s=s)
                assert s.getvalue() == 10.5, s.getvalue()
                c.close()

        @check("a statement re-executed from the statement cache keeps working after close and reopen")
        def _():
            c = connect()
            for i in range(3):
                cur = c.cursor()
                cur.execute("select :1 + 1 from dual", [i])
                assert cur.fetchall() == [(i + 1,)]
                cur.close()
            cur = c.cursor()
            out = cur.var(int)
            for i in range(3):
                cur.execute("begin :o := :i * 10; end;", o=out, i=i)
                assert out.getvalue() == i * 10
            c.close()
    finally:
        child.terminate()
        child.wait(timeout=10)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed (profile {PROFILE})")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
