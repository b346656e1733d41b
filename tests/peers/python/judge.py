#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin mode, Debian's python3-oracledb) as a judge
of `oranet emulate` (issue 5).

Usage: /usr/bin/python3 judge.py <path to oranet> [profile]

Starts a fresh emulator on a free port, runs the workload, asserts the exact
values python-oracledb reports, and stops the emulator. A failure is an
emulator bug (or a misunderstanding of ours), never a reason to relax an
assertion.
"""
import re
import subprocess
import sys
import traceback

import oracledb

ORANET = sys.argv[1]
PROFILE = sys.argv[2] if len(sys.argv) > 2 else "19"
results = []


def check(name):
    def run(fn):
        try:
            fn()
            results.append(True)
            print(f"ok - {name}")
        except Exception:  # noqa: BLE001 - every failure is reported
            results.append(False)
            print(f"not ok - {name}")
            traceback.print_exc(file=sys.stdout)
        return fn
    return run


def start_emulator():
    child = subprocess.Popen(
        [ORANET, "emulate", "--listen", "127.0.0.1:0", "--profile", PROFILE,
         "--user", "demo/demo:12c", "--user", "scott11/tiger11:11g"],
        stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    m = re.search(r"listening on (\S+):(\d+)", line)
    if not m:
        child.kill()
        raise RuntimeError(f"emulator did not start: {line!r}")
    return child, int(m.group(2))


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
    finally:
        child.terminate()
        child.wait(timeout=10)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed (profile {PROFILE})")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
