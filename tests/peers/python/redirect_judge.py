"""python-oracledb 1.2.1 (thin mode) as a judge of `oranet emulate
--redirect-to` (issue 8).

Usage: /usr/bin/python3 redirect_judge.py <path to oranet>

1.2.1 reads the redirect data only from the DATA packet after the REDIRECT
and splits it at the NUL into the new address and the connect data to send
there; the emulator sends it that way. python-oracledb must follow the
redirect to the target emulator and log in there.
"""
import re
import subprocess
import sys
import traceback

import oracledb

ORANET = sys.argv[1]
results = []


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
    def __init__(self, args):
        self.child = subprocess.Popen([ORANET, "emulate", "--listen", "127.0.0.1:0", "--user", "demo/demo:12c"] + args,
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


def main():
    with emulator([]) as target:
        with oracledb.connect(user="demo", password="demo", dsn=f"127.0.0.1:{target.port}/FREEPDB1") as c:
            cur = c.cursor()
            cur.execute("create table redirect_mark (n number, s varchar2(20))")
            cur.execute("insert into redirect_mark values (7, 'target')")
            c.commit()
        with emulator(["--redirect-to", f"127.0.0.1:{target.port}"]) as listener:
            def follow(dsn):
                with oracledb.connect(user="demo", password="demo", dsn=dsn) as c:
                    cur = c.cursor()
                    cur.execute("select n, s from redirect_mark")
                    assert cur.fetchall() == [(7, "target")]
                    c.ping()

            check("a redirect is followed: login and query at the target",
                  lambda: follow(f"127.0.0.1:{listener.port}/FREEPDB1"))
            check("a redirect is followed for a full descriptor too",
                  lambda: follow(f"(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT={listener.port}))"
                                 "(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))"))
    failed = results.count(False)
    print(f"{len(results) - failed}/{len(results)} passed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
