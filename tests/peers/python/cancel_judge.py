#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin mode) as a judge of breaking off calls in
`oranet emulate` (issue 7).

Usage: /usr/bin/python3 cancel_judge.py <path to oranet>

connection.call_timeout on a long statement fails with DPY-4024 and the
connection still works; connection.cancel() from another thread during a
long statement, and while rows stream, fails the call with ORA-01013 and
the connection still works. The long statement is
`begin dbms_session.sleep(5); end;` when the emulator has it, else a
recursive WITH that counts to a billion (the emulator interrupts both).
"""
import re
import subprocess
import sys
import threading
import time
import traceback

import oracledb

ORANET = sys.argv[1]
results = []

SLOW_SQL = ("with c (n) as (select 1 from dual union all select n + 1 from c where n < 1000000000) "
            "select count(*) from c")
SLEEP_PLSQL = "begin dbms_session.sleep(5); end;"


def check(name, fn):
    try:
        fn()
        results.append(True)
        print(f"ok - {name}")
    except Exception:  # noqa: BLE001 - every failure is reported
        results.append(False)
        print(f"not ok - {name}")
        traceback.print_exc(file=sys.stdout)


class emulator:
    def __init__(self):
        self.child = subprocess.Popen([ORANET, "emulate", "--listen", "127.0.0.1:0", "--user", "demo/demo:12c"],
                                      stdout=subprocess.PIPE, text=True)
        line = self.child.stdout.readline()
        m = re.search(r"listening on (\S+):(\d+)", line)
        if not m:
            self.child.kill()
            raise RuntimeError(f"emulator did not start: {line!r}")
        self.port = int(m.group(2))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.child.terminate()
        self.child.wait(timeout=30)


def connect(emu):
    return oracledb.connect(user="demo", password="demo", dsn=f"127.0.0.1:{emu.port}/FREEPDB1")


def usable(conn):
    with conn.cursor() as cur:
        cur.execute("select 6 * 7 from dual")
        assert cur.fetchone() == (42,), "the connection answers after the break"
    conn.ping()


def long_statements(emu):
    """The long statements this emulator runs: PL/SQL sleep if it has it."""
    out = [SLOW_SQL]
    conn = connect(emu)
    try:
        with conn.cursor() as cur:
            cur.execute("begin dbms_session.sleep(0.01); end;")
        out.insert(0, SLEEP_PLSQL)
    except oracledb.DatabaseError as e:
        print(f"# dbms_session.sleep not available ({str(e).splitlines()[0]}); slow SQL only")
    finally:
        conn.close()
    return out


def call_timeout(emu, sql):
    conn = connect(emu)
    conn.call_timeout = 500
    start = time.monotonic()
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
        raise AssertionError("the long statement finished within the call timeout")
    except oracledb.DatabaseError as e:
        took = time.monotonic() - start
        assert "DPY-4024" in str(e), f"expected DPY-4024, got {e}"
        assert "500" in str(e), str(e)
        assert 0.45 <= took < 4, f"took {took:.2f} s"
    conn.call_timeout = 0
    usable(conn)
    conn.close()


def cancel(emu, sql):
    conn = connect(emu)
    timer = threading.Timer(0.3, conn.cancel)
    timer.start()
    start = time.monotonic()
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
        raise AssertionError("the long statement was not cancelled")
    except oracledb.DatabaseError as e:
        took = time.monotonic() - start
        assert "ORA-01013" in str(e), f"expected ORA-01013, got {e}"
        assert took < 4, f"took {took:.2f} s"
    finally:
        timer.join()
    usable(conn)
    conn.close()


def cancel_while_rows_stream(emu):
    conn = connect(emu)
    cur = conn.cursor()
    cur.arraysize = 2
    cur.prefetchrows = 2
    cur.execute("with c (n) as (select 1 from dual union all select n + 1 from c where n < 200000) "
                "select n, rpad('x', 100, 'y') from c")
    rows = 0
    try:
        for _ in cur:
            rows += 1
            if rows == 20:
                threading.Thread(target=conn.cancel).start()
        raise AssertionError(f"all {rows} rows came; the cancel was lost")
    except oracledb.DatabaseError as e:
        assert "ORA-01013" in str(e), f"expected ORA-01013, got {e}"
        assert rows >= 20, rows
    usable(conn)
    conn.close()


with emulator() as emu:
    for sql in long_statements(emu):
        kind = "PL/SQL sleep" if sql == SLEEP_PLSQL else "slow SQL"
        check(f"call_timeout on {kind}: DPY-4024, connection usable", lambda: call_timeout(emu, sql))
        check(f"cancel() during {kind}: ORA-01013, connection usable", lambda: cancel(emu, sql))
    check("cancel() while rows stream: ORA-01013, connection usable", lambda: cancel_while_rows_stream(emu))

print(f"{sum(results)}/{len(results)} passed")
sys.exit(0 if all(results) else 1)
