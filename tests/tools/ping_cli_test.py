#!/usr/bin/env python3
"""`oranet ping` against a fresh `oranet emulate`: the listener's answer for a
known and an unknown service, a login with timed pings, a wrong password and
an unreachable address, a descriptor with failover, TCPS. usage: ping_cli_test.py <oranet-binary>"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ORANET = os.path.abspath(sys.argv[1])
failures = []


def check(name, cond, detail):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f"\n  {detail!r}"))
    if not cond:
        failures.append(name)


def ping(*args, env=None):
    e = dict(os.environ, ORANET_LOG="error")
    e.pop("ORANET_PASSWORD", None)
    e.update(env or {})
    r = subprocess.run([ORANET, "ping", *args], capture_output=True, text=True, env=e, timeout=60,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr


def start(extra):
    proc = subprocess.Popen([ORANET, "emulate", "--listen", "127.0.0.1:0", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        m = re.match(r"listening on [^ ]*:(\d+)$", proc.stdout.readline().strip())
        if m:
            return proc, int(m.group(1))
    proc.kill()
    sys.exit("the emulator did not start")


emu, port = start(["--profile", "21"])
try:
    where = f"127.0.0.1:{port}/FREEPDB1"

    rc, out, err = ping(where)
    check("listener only: accepted with the TNS version a 21c listener gives (318) and the SDU", rc == 0 and re.search(
        rf"^target +127\.0\.0\.1:{port} service FREEPDB1 over TCP\n.*\nlistener +accepted in [0-9.]+ ms: "
        r"TNS version 318, SDU \d+, TDU \d+\n$", out, re.S) is not None, (rc, out, err))

    rc, out, err = ping(f"127.0.0.1:{port}/NO_SUCH_SERVICE")
    check("unknown service: refused with ORA-12514, exit 1",
          rc == 1 and "refused in" in out and "ORA-12514" in out and "(ERR=12514)" in out, (rc, out, err))

    rc, out, err = ping("-n", "3", f"demo/demo@{where}")
    pings = re.findall(r"^ping (\d) +[0-9.]+ ms$", out, re.M)
    check("login: server version and three timed pings", rc == 0 and pings == ["1", "2", "3"] and re.search(
        r"^login +demo in [0-9.]+ ms: Oracle Database 21\.\d+\.\d+\.\d+\.\d+ ", out, re.M) is not None and
        re.search(r"^round trip min [0-9.]+ ms, avg [0-9.]+ ms, max [0-9.]+ ms over 3 pings$", out, re.M)
        is not None, (rc, out, err))

    rc, out, err = ping("-n", "1", f"demo@{where}", env={"ORANET_PASSWORD": "demo"})
    check("password from ORANET_PASSWORD", rc == 0 and "ping 1 " in out, (rc, out, err))

    rc, out, err = ping(f"demo/wrong@{where}")
    check("wrong password: listener accepted, login fails with ORA-01017, exit 1",
          rc == 1 and "accepted" in out and "ORA-01017" in err and "wrong" not in out + err, (rc, out, err))

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
    s.close()
    rc, out, err = ping(f"127.0.0.1:{dead}/X", "--timeout", "5")
    check("nothing listening: a clear connect error, exit 1", rc == 1 and "ORN-" in err and
          f"127.0.0.1:{dead}" in err, (rc, out, err))

    desc = (f"(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT={dead}))"
            f"(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT={port})))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))")
    rc, out, err = ping(desc)
    check("a connect descriptor: the dead first address is passed over, the second answers",
          rc == 0 and f"127.0.0.1:{port} service FREEPDB1" in out and "accepted" in out, (rc, out, err))

    # TCPS: a certificate made now for 127.0.0.1, trusted through a PEM wallet.
    with tempfile.TemporaryDirectory() as tmp:
        key, cert = os.path.join(tmp, "key.pem"), os.path.join(tmp, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True)
        shutil.copy(cert, os.path.join(tmp, "ewallet.pem"))
        tls, tls_port = start(["--tls", cert, key])
        try:
            rc, out, err = ping(f"tcps://127.0.0.1:{tls_port}/FREEPDB1?wallet_location={tmp}")
            check("TCPS: TLS version and cipher reported, listener accepted", rc == 0 and re.search(
                r"^transport +up in [0-9.]+ ms, TLSv1\.[23] \S+$", out, re.M) is not None and
                "over TCPS" in out and "accepted" in out, (rc, out, err))
            rc, out, err = ping(f"tcps://127.0.0.1:{tls_port}/FREEPDB1")
            check("TCPS: an untrusted certificate is refused with a clear error", rc == 1 and
                  "certificate" in err, (rc, out, err))
        finally:
            tls.kill()
            tls.wait()

    rc, out, err = ping("-n", "x1")
    check("usage error: exit 2", rc == 2, (rc, out, err))
finally:
    emu.kill()
    emu.wait()
if failures:
    sys.exit(f"{len(failures)} check(s) failed: {failures}")
print("all checks passed")
