#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin mode, Debian's python3-oracledb) as a judge
of `oranet emulate` (issue 5).

Usage: /usr/bin/python3 judge.py <path to oranet> [profile [charset]]

Starts a fresh emulator on a free port, runs the workload, asserts the exact
values python-oracledb reports, and stops the emulator. A failure is an
emulator bug (or a misunderstanding of ours), never a reason to relax an
assertion.
"""
import datetime
import decimal
import re
import sys

import oracledb

import harness
from harness import check, results

ORANET = sys.argv[1]
PROFILE = sys.argv[2] if len(sys.argv) > 2 else "19"
CHARSET = sys.argv[3] if len(sys.argv) > 3 else None  # the database character set (--charset)


def start_emulator():
    return harness.start_emulator(ORANET, ["--profile", PROFILE, "--user", "demo/demo:12c", "--user", "scott11/tiger11:11g"] + (["--charset", CHARSET] if CHARSET else []))


def expect_error(fn, full_code):
    try:
        fn()
    except oracledb.Error as e:
        err, = e.args
        assert err.full_code == full_code, (err.full_code, err.message)
        return err
    raise AssertionError(f"expected {full_code}, got no error")


def main():
    assert oracledb.__version__ == "1.2.1", oracledb.__version__
    child, port = start_emulator()
    dsn = f"127.0.0.1:{port}/FREEPDB1"
    try:
        @check("12c-verifier user logs in, pings and closes")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            assert c.thin
            c.ping()
            c.close()

        @check("11g-verifier user logs in")
        def _():
            c = oracledb.connect(user="scott11", password="tiger11", dsn=dsn)
            cur = c.cursor()
            cur.execute("select 1 from dual")
            assert cur.fetchall() == [(1,)]
            c.close()

        @check("wrong password gives ORA-01017")
        def _():
            err = expect_error(lambda: oracledb.connect(user="demo", password="wrong", dsn=dsn), "ORA-01017")
            assert err.message == "ORA-01017: invalid username/password; logon denied", err.message

        @check("unknown user gives ORA-01017")
        def _():
            expect_error(lambda: oracledb.connect(user="nobody", password="demo", dsn=dsn), "ORA-01017")

        @check("unknown service gives DPY-6001 (similar to ORA-12514)")
        def _():
            err = expect_error(
                lambda: oracledb.connect(user="demo", password="demo", dsn=f"127.0.0.1:{port}/NO_SUCH_SERVICE"),
                "DPY-6001")
            assert "ORA-12514" in err.message, err.message
            assert 'Service "NO_SUCH_SERVICE" is not registered' in err.message, err.message

        @check("select 1 from dual: value, column name and type")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            for _ in range(2):  # the second run re-executes the cached cursor
                cur.execute("select 1 from dual")
                assert cur.fetchall() == [(1,)]
                (name, dbtype, *_rest), = cur.description
                assert name == "1", name
                assert dbtype is oracledb.DB_TYPE_NUMBER, dbtype
            c.close()

        @check("table with scalar types: binds by position and name, NULLs, values and metadata back")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.execute("create table pj_types (id number(9) not null, amount number(10,2), name varchar2(40), "
                        "code char(5), born date, stamp timestamp(6), bin raw(16), ratio binary_double, anynum number)")
            # python-oracledb binds datetime as DATE (7 bytes, no fraction) unless told otherwise
            cur.setinputsizes(None, None, None, None, None, oracledb.DB_TYPE_TIMESTAMP, None, None, None)
            cur.execute("insert into pj_types values (:1, :2, :3, :4, :5, :6, :7, :8, :9)",
                        [1, decimal.Decimal("12.50"), "Ada", "ab", datetime.datetime(2024, 2, 29, 13, 45, 7),
                         datetime.datetime(2024, 2, 29, 13, 45, 7, 123456), b"\x01\xff", 2.5,
                         decimal.Decimal("-123456789.123456789")])
            assert cur.rowcount == 1, cur.rowcount
            cur.execute("insert into pj_types (id, name, amount) values (:id, :name, :amount)",
                        id=2, name=None, amount=None)
            assert cur.rowcount == 1, cur.rowcount
            c.commit()
            cur.execute("select id, amount, name, code, born, stamp, bin, ratio, anynum from pj_types order by id")
            rows = cur.fetchall()
            assert rows[0] == (1, 12.5, "Ada", "ab   ", datetime.datetime(2024, 2, 29, 13, 45, 7),
                               datetime.datetime(2024, 2, 29, 13, 45, 7, 123456), b"\x01\xff", 2.5,
                               -123456789.12345679), rows[0]
            assert rows[1] == (2, None, None, None, None, None, None, None, None), rows[1]
            d = cur.description
            assert [x[0] for x in d] == ["ID", "AMOUNT", "NAME", "CODE", "BORN", "STAMP", "BIN", "RATIO", "ANYNUM"], d
            assert d[0][1] is oracledb.DB_TYPE_NUMBER and d[0][4:7] == (9, 0, False), d[0]
            assert d[1][4:7] == (10, 2, True), d[1]
            assert d[2][1] is oracledb.DB_TYPE_VARCHAR and d[2][3] == 40, d[2]
            assert d[3][1] is oracledb.DB_TYPE_CHAR and d[3][3] == 5, d[3]
            assert d[4][1] is oracledb.DB_TYPE_DATE, d[4]
            assert d[5][1] is oracledb.DB_TYPE_TIMESTAMP and d[5][5] == 6, d[5]
            assert d[6][1] is oracledb.DB_TYPE_RAW and d[6][3] == 16, d[6]
            assert d[7][1] is oracledb.DB_TYPE_BINARY_DOUBLE, d[7]
            assert d[8][4:6] == (0, -127), d[8]
            cur.execute("update pj_types set name = :1 where id = :2", ["Bob", 2])
            assert cur.rowcount == 1
            cur.execute("delete from pj_types where id > :1", [0])
            assert cur.rowcount == 2
            c.rollback()
            cur.execute("select count(*) from pj_types")
            assert cur.fetchone() == (2,)
            c.close()

        @check("more scalar types: BINARY_FLOAT, TIMESTAMP WITH (LOCAL) TIME ZONE, INTERVALs, NCHAR, NVARCHAR2")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.execute("create table pj_more (id number(9) not null, bf binary_float, tstz timestamp(6) with time zone, "
                        "tsltz timestamp(6) with local time zone, ym interval year(2) to month, "
                        "ds interval day(3) to second(6), nc nchar(10), nv nvarchar2(20) not null)")
            # 1.2.1 binds datetime as DATE unless told; TIMESTAMP values become TIME ZONE ones in the
            # session time zone (UTC here: 1.2.1 sends no ALTER SESSION SET TIME_ZONE). It cannot bind an
            # INTERVAL YEAR TO MONTH, so that one travels as text ('1-2': Oracle's implicit conversion).
            cur.setinputsizes(None, None, oracledb.DB_TYPE_TIMESTAMP, oracledb.DB_TYPE_TIMESTAMP, None, None, None,
                              None)
            cur.execute("insert into pj_more values (:1, :2, :3, :4, :5, :6, :7, :8)",
                        [1, 0.1, datetime.datetime(2024, 2, 29, 13, 45, 7, 123456),
                         datetime.datetime(2024, 3, 1, 1, 2, 3, 500000), "1-2",
                         datetime.timedelta(days=2, hours=3, minutes=4, seconds=5, microseconds=123456),
                         "Grüße €", "Grüße €"])
            cur.execute("insert into pj_more (id, bf, tstz, tsltz, ym, ds, nc, nv) "
                        "values (:id, :bf, :tstz, :tsltz, :ym, :ds, :nc, :nv)",
                        id=2, bf=None, tstz=None, tsltz=None, ym=None, ds=None, nc=None, nv="-")
            # the offset form of TIMESTAMP WITH TIME ZONE: 1.2.1 shows the value in its own offset
            # (naive datetime = UTC instant + offset); the region form ('Europe/Paris') is not read
            # correctly by 1.2.1 (it takes the region id bytes for an offset), so it is not used.
            cur.execute("insert into pj_more (id, tstz, nv) values (3, "
                        "timestamp '2024-02-29 13:45:07.5 +05:30', 'x')")
            c.commit()
            cur.execute("select id, bf, tstz, tsltz, ds, nc, nv from pj_more order by id")
            rows = cur.fetchall()
            assert rows[0] == (1, 0.10000000149011612, datetime.datetime(2024, 2, 29, 13, 45, 7, 123456),
                               datetime.datetime(2024, 3, 1, 1, 2, 3, 500000),
                               datetime.timedelta(days=2, seconds=3 * 3600 + 4 * 60 + 5, microseconds=123456),
                               "Grüße €   ", "Grüße €"), rows[0]
            assert rows[1] == (2, None, None, None, None, None, "-"), rows[1]
            assert rows[2] == (3, None, datetime.datetime(2024, 2, 29, 13, 45, 7, 500000), None, None, None,
                               "x"), rows[2]
            d = cur.description
            assert [x[0] for x in d] == ["ID", "BF", "TSTZ", "TSLTZ", "DS", "NC", "NV"], d
            # BINARY_FLOAT: name, type and nullability only (no real-server description of its
            # precision byte in python-oracledb's tests to pin the sizes against)
            assert d[1][:2] == ("BF", oracledb.DB_TYPE_BINARY_FLOAT) and d[1][6] is True, d[1]
            assert d[2] == ("TSTZ", oracledb.DB_TYPE_TIMESTAMP_TZ, 23, None, 0, 6, True), d[2]
            assert d[3] == ("TSLTZ", oracledb.DB_TYPE_TIMESTAMP_LTZ, 23, None, 0, 6, True), d[3]
            assert d[4] == ("DS", oracledb.DB_TYPE_INTERVAL_DS, None, None, 3, 6, True), d[4]
            # NCHAR/NVARCHAR2: size in characters, buffer in AL16UTF16 bytes (2 a character)
            assert d[5] == ("NC", oracledb.DB_TYPE_NCHAR, 10, 20, None, None, True), d[5]
            assert d[6] == ("NV", oracledb.DB_TYPE_NVARCHAR, 20, 40, None, None, False), d[6]
            # python-oracledb 1.2.1 thin cannot fetch INTERVAL YEAR TO MONTH at all (its thin
            # driver has no decoder for type 182): the describe gives DPY-3007.
            err = expect_error(lambda: cur.execute("select ym from pj_more"), "DPY-3007")
            assert err.message == 'DPY-3007: database type "DB_TYPE_INTERVAL_YM" is not supported', err.message
            cur.execute("select id from pj_more where ym is not null")
            assert cur.fetchall() == [(1,)]
            # text binds compare with NCHAR/NVARCHAR2 columns (blank-padded for NCHAR)
            cur.execute("select id from pj_more where nc = :1 and nv = :2", ["Grüße €", "Grüße €"])
            assert cur.fetchall() == [(1,)]
            # binds in the national character set form (csfrm 2, AL16UTF16 bytes)
            cur.setinputsizes(oracledb.DB_TYPE_NCHAR, oracledb.DB_TYPE_NVARCHAR)
            cur.execute("update pj_more set nc = :1, nv = :2 where id = 2", ["Ωmega", "Ωmega ∑ 😀"])
            assert cur.rowcount == 1
            cur.execute("select nc, nv from pj_more where id = 2")
            assert cur.fetchall() == [("Ωmega     ", "Ωmega ∑ 😀")]
            c.close()

        @check("ROWID: a valid extended rowid that finds its row again")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.execute("create table pj_rowid (id number(9), name varchar2(10))")
            cur.executemany("insert into pj_rowid values (:1, :2)", [(1, "a"), (2, "b"), (3, "c")])
            cur.execute("select rowid, id from pj_rowid order by id")
            rows = cur.fetchall()
            assert cur.description[0][:2] == ("ROWID", oracledb.DB_TYPE_ROWID), cur.description[0]
            for r, _id in rows:
                assert isinstance(r, str) and re.fullmatch(r"[A-Za-z0-9+/]{18}", r), r
            assert len({r for r, _ in rows}) == 3, rows
            for r, i in rows:
                cur.execute("select id, name from pj_rowid where rowid = :r", r=r)
                assert cur.fetchall() == [(i, "abc"[i - 1])]
            cur.execute("update pj_rowid set name = :1 where rowid = :2", ["z", rows[1][0]])
            assert cur.rowcount == 1
            cur.execute("select name from pj_rowid order by id")
            assert cur.fetchall() == [("a",), ("z",), ("c",)]
            c.close()

        @check("BOOLEAN columns: 23ai only (ORA-00902 before)")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            if PROFILE != "23":
                err = expect_error(lambda: cur.execute("create table pj_bool (id number, flag boolean)"), "ORA-00902")
                assert err.message == "ORA-00902: invalid datatype", err.message
                c.close()
                return
            cur.execute("create table pj_bool (id number(9), flag boolean)")
            cur.execute("insert into pj_bool values (:1, :2)", [1, True])
            cur.execute("insert into pj_bool values (:id, :flag)", id=2, flag=False)
            cur.execute("insert into pj_bool values (:1, :2)", [3, None])
            cur.execute("select id, flag from pj_bool order by id")
            assert cur.fetchall() == [(1, True), (2, False), (3, None)]
            assert cur.description[1] == ("FLAG", oracledb.DB_TYPE_BOOLEAN, None, None, None, None, True), \
                cur.description[1]
            c.close()

        @check("non-ASCII text in SQL and in binds (any database character set)")
        def _():
            # with a single-byte database character set 1.2.1 sends the SQL length in characters
            # (not bytes), and a real server converts row text to the client's UTF-8
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.execute("create table pj_text (v varchar2(40))")
            cur.execute("insert into pj_text values ('Grüße')")
            cur.execute("insert into pj_text values (:1)", ["Straße"])
            cur.execute("select v, 'Größe' as g from pj_text order by v")
            assert cur.fetchall() == [("Grüße", "Größe"), ("Straße", "Größe")]
            cur.execute("select count(*) from pj_text where v = :1", ["Straße"])
            assert cur.fetchall() == [(1,)]
            c.close()

        @check("uncommitted rows are invisible to a second connection; commit and rollback")
        def _():
            a = oracledb.connect(user="demo", password="demo", dsn=dsn)
            b = oracledb.connect(user="demo", password="demo", dsn=dsn)
            ca, cb = a.cursor(), b.cursor()
            ca.execute("create table pj_txn (n number)")
            ca.execute("insert into pj_txn values (1)")
            cb.execute("select count(*) from pj_txn")
            assert cb.fetchone() == (0,)
            a.commit()
            cb.execute("select count(*) from pj_txn")
            assert cb.fetchone() == (1,)
            ca.execute("insert into pj_txn values (2)")
            a.rollback()
            cb.execute("select count(*) from pj_txn")
            assert cb.fetchone() == (1,)
            a.close()
            b.close()

        @check("a syntax error and a missing table give their ORA codes")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            err = expect_error(lambda: cur.execute("select * from no_such_table"), "ORA-00942")
            assert err.message == "ORA-00942: table or view does not exist", err.message
            expect_error(lambda: cur.execute("selec 1 from dual"), "ORA-00900")
            cur.execute("select 2 from dual")
            assert cur.fetchall() == [(2,)]
            c.close()

        @check("columns that are NULL by describe ('' and NULL) come back as None")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.execute("select '', null, 5 from dual")
            assert cur.fetchall() == [(None, None, 5)]
            cur.execute("select null, level from dual connect by level <= 3")
            assert cur.fetchall() == [(None, 1), (None, 2), (None, 3)]
            c.close()

        @check("client identifier, module and action reach SYS_CONTEXT('USERENV', ...)")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            c.client_identifier = "py-ident"
            c.module = "py-module"
            c.action = "py-action"
            cur = c.cursor()
            cur.execute("select sys_context('USERENV', 'CLIENT_IDENTIFIER'), sys_context('USERENV', 'MODULE'), "
                        "sys_context('USERENV', 'ACTION') from dual")
            assert cur.fetchall() == [("py-ident", "py-module", "py-action")]
            c.action = "py-action-2"
            cur.execute("select sys_context('USERENV', 'MODULE'), sys_context('USERENV', 'ACTION') from dual")
            assert cur.fetchall() == [("py-module", "py-action-2")]
            c.close()

        @check("many rows across fetch round trips")
        def _():
            c = oracledb.connect(user="demo", password="demo", dsn=dsn)
            cur = c.cursor()
            cur.arraysize = 7
            cur.execute("select level from dual connect by level <= 50")
            assert [r[0] for r in cur.fetchall()] == list(range(1, 51))
            c.close()
    finally:
        child.terminate()
        child.wait(timeout=10)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed (profile {PROFILE})")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
