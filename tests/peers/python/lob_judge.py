#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin) as a judge of `oranet emulate`'s LOBs (issue 7).

Usage: /usr/bin/python3 lob_judge.py <path to oranet> [profile]

CLOB, NCLOB and BLOB columns fetched as LOB objects (locators) and read in
chunks at offsets, sized; temporary LOBs (python 1.2.1 creates one for each
string or bytes bind longer than 32767 bytes, and conn.createlob) written,
trimmed and bound; inline fetch with oracledb.defaults.fetch_lobs = False;
multibyte text with a surrogate pair (offsets in UTF-16 code units); writes
through an unlocked row's LOB give ORA-22920. Exact values throughout.
"""
import sys

import oracledb

import harness
from harness import check, results

ORANET = sys.argv[1]
PROFILE = sys.argv[2] if len(sys.argv) > 2 else "19"


def start_emulator():
    return harness.start_emulator(ORANET, ["--profile", PROFILE, "--user", "demo/demo:12c"])


def big_text(n):
    return ("abcdefghijklmnopqrstuvwxyz" * (n // 26 + 1))[:n]


def big_bytes(n):
    return bytes(((i * 7 + i // 251) & 0xFF) for i in range(n))


MULTI = "h\u00e9llo \u20ac \U0001F600!"  # 11 characters in UTF-16 code units


def main():
    assert oracledb.__version__ == "1.2.1", oracledb.__version__
    child, port = start_emulator()
    dsn = f"127.0.0.1:{port}/FREEPDB1"
    try:
        conn = oracledb.connect(user="demo", password="demo", dsn=dsn)
        cur = conn.cursor()
        cur.execute("create table lobs (id number, c clob, n nclob, b blob)")
        text = big_text(3 << 20)
        data = big_bytes(3 << 20)

        @check("3 MiB string and bytes binds (temporary LOBs) insert into CLOB/BLOB")
        def _():
            cur.execute("insert into lobs values (1, :1, :2, :3)", [text, MULTI, data])
            cur.execute("insert into lobs values (2, 'short', null, null)")
            conn.commit()

        @check("LOB columns fetch as LOBs with exact sizes and chunked reads")
        def _():
            cur.execute("select c, n, b from lobs where id = 1")
            c, n, b = cur.fetchone()
            assert c.type is oracledb.DB_TYPE_CLOB, c.type
            assert n.type is oracledb.DB_TYPE_NCLOB, n.type
            assert b.type is oracledb.DB_TYPE_BLOB, b.type
            assert c.size() == len(text), c.size()
            assert b.size() == len(data), b.size()
            assert n.size() == 11, n.size()
            assert c.read(1, 10) == text[:10]
            assert c.read(1000001, 26) == text[1000000:1000026]
            assert c.read(len(text) - 4, 100) == text[-5:]
            assert b.read(2, 3) == data[1:4]
            got = b"".join(b.read(off, 65536) for off in range(1, len(data) + 1, 65536))
            assert got == data
            assert c.read() == text
            assert n.read() == MULTI
            assert n.read(9, 2) == "\U0001F600"
            assert c.getchunksize() > 0

        @check("a persistent LOB of an unlocked row is not writable (ORA-22920)")
        def _():
            cur.execute("select c from lobs where id = 1")
            c, = cur.fetchone()
            try:
                c.write("x", 1)
            except oracledb.DatabaseError as e:
                err, = e.args
                assert err.full_code == "ORA-22920", err.full_code
            else:
                raise AssertionError("write succeeded")

        @check("temporary LOBs: write, read, trim, size, bind")
        def _():
            tc = conn.createlob(oracledb.DB_TYPE_CLOB)
            tb = conn.createlob(oracledb.DB_TYPE_BLOB)
            assert tc.size() == 0 and tb.size() == 0
            assert tc.read() == "" and tb.read() == b""
            tc.write(MULTI, 1)
            assert tc.size() == 11, tc.size()
            assert tc.read(2, 1) == "\u00e9"
            tc.write(" more", 12)
            assert tc.read() == MULTI + " more"
            tc.trim(6)
            assert tc.read() == "h\u00e9llo "
            tb.write(b"\x00\x01\x02\x03", 1)
            tb.write(b"\xff", 6)
            assert tb.read() == b"\x00\x01\x02\x03\x00\xff", tb.read()
            cur.execute("insert into lobs values (3, :1, null, :2)", [tc, tb])
            cur.execute("select c, b from lobs where id = 3")
            c, b = cur.fetchone()
            assert c.read() == "h\u00e9llo "
            assert b.read() == b"\x00\x01\x02\x03\x00\xff"

        @check("fetch_lobs=False: LOB columns fetch inline as str / bytes")
        def _():
            oracledb.defaults.fetch_lobs = False
            try:
                c2 = conn.cursor()
                c2.execute("select id, c, n, b from lobs where id in (1, 2) order by id")
                rows = c2.fetchall()
                assert rows[0][0] == 1
                assert rows[0][1] == text
                assert rows[0][2] == MULTI
                assert rows[0][3] == data
                assert rows[1] == (2, "short", None, None), rows[1]
            finally:
                oracledb.defaults.fetch_lobs = True

        @check("NULL LOBs fetch as None")
        def _():
            cur.execute("select c, n, b from lobs where id = 2")
            c, n, b = cur.fetchone()
            assert c.read() == "short"
            assert n is None and b is None

        conn.close()
    finally:
        child.terminate()
        child.wait()
    failed = results.count(False)
    print(f"{len(results) - failed}/{len(results)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
