#!/usr/bin/python3
"""python-oracledb 1.2.1 (thin mode) as a judge of TCPS in `oranet emulate
--tls` (issue 8).

Usage: /usr/bin/python3 tls_judge.py <path to oranet>

Makes a throwaway PKI with the openssl command in a temporary directory (a
CA, a server certificate for 127.0.0.1/localhost, one from another CA, a
client certificate and a PEM wallet ewallet.pem: the client's certificate
and key plus the CA), starts emulators with it and asserts what
python-oracledb gets over TLS. No key is kept.
"""
import os
import re
import subprocess
import sys
import tempfile
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


def make_pki(d):
    def run(*args):
        subprocess.run(["openssl", *args], cwd=d, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    with open(os.path.join(d, "server.ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    with open(os.path.join(d, "client.ext"), "w") as f:
        f.write("extendedKeyUsage=clientAuth\n")
    run("req", "-x509", *key, "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=oranet judge CA")
    run("req", "-x509", *key, "-keyout", "other_ca.key", "-out", "other_ca.pem", "-days", "30", "-subj", "/CN=other CA")
    run("req", *key, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost/O=oranet tests")
    run("req", *key, "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=oranet judge client")
    for csr, ca, ext, out in [("server.csr", "ca", "server.ext", "server.pem"),
                              ("server.csr", "other_ca", "server.ext", "other.pem"),
                              ("client.csr", "ca", "client.ext", "client.pem")]:
        run("x509", "-req", "-in", csr, "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
            "-days", "30", "-extfile", ext, "-out", out)
    os.mkdir(os.path.join(d, "wallet"))
    with open(os.path.join(d, "wallet", "ewallet.pem"), "w") as w:
        for name in ("client.pem", "client.key", "ca.pem"):
            with open(os.path.join(d, name)) as f:
                w.write(f.read())


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


def login_and_query(**kw):
    c = oracledb.connect(user="demo", password="demo", tcp_connect_timeout=10, **kw)
    try:
        cur = c.cursor()
        cur.execute("select 6 * 7 as n, 'tls' as s from dual")
        assert cur.fetchall() == [(42, "tls")]
        assert [d[0] for d in cur.description] == ["N", "S"]
        c.ping()
    finally:
        c.close()


def main():
    assert oracledb.is_thin_mode()
    with tempfile.TemporaryDirectory(prefix="oranet-tls-judge-") as d:
        make_pki(d)
        wallet = os.path.join(d, "wallet")
        at = lambda f: os.path.join(d, f)  # noqa: E731
        with emulator(["--tls", at("server.pem"), at("server.key")]) as emu:
            dsn = f"tcps://127.0.0.1:{emu.port}/FREEPDB1"
            check("TLS login and query with the wallet (host name checked)",
                  lambda: login_and_query(dsn=dsn, wallet_location=wallet))
            check("TLS login with the server certificate DN to match",
                  lambda: login_and_query(dsn=dsn, wallet_location=wallet,
                                          ssl_server_cert_dn="CN=localhost,O=oranet tests"))
            check("TLS login by host name localhost",
                  lambda: login_and_query(dsn=f"tcps://localhost:{emu.port}/FREEPDB1", wallet_location=wallet))
        with emulator(["--tls", at("server.pem"), at("server.key"), "--tls-ca", at("ca.pem")]) as emu:
            check("mutual TLS: the wallet's client certificate is accepted",
                  lambda: login_and_query(dsn=f"tcps://127.0.0.1:{emu.port}/FREEPDB1", wallet_location=wallet))
        with emulator(["--tls", at("other.pem"), at("server.key")]) as emu:
            def refused():
                try:
                    login_and_query(dsn=f"tcps://127.0.0.1:{emu.port}/FREEPDB1", wallet_location=wallet)
                except oracledb.Error as e:
                    assert "certificate" in str(e).lower(), str(e)
                    return
                raise AssertionError("connected to a server whose certificate comes from another CA")
            check("a server certificate from another CA is refused", refused)
    failed = results.count(False)
    print(f"{len(results) - failed}/{len(results)} passed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
