#!/usr/bin/python3
"""Stands in for the oranet binary when a peer judge (tests/peers/*/judge.*)
runs through `oranet proxy`.

`oranet_via_proxy.py emulate ARGS...` starts the real `oranet emulate ARGS`,
then `oranet proxy --json` in front of it, and prints the proxy's
"listening on" line: the judge's connections all pass through the proxy,
which decodes them live. Other commands run the real binary unchanged.

Environment: ORANET_BIN, the real binary (required); ORANET_PROXY_PCAP, a
file for the proxy's capture (optional); ORANET_PROXY_LOG, a file for its
decoded log (default: discarded).
"""
import ctypes
import os
import re
import signal
import subprocess
import sys
import time

REAL = os.environ["ORANET_BIN"]
if len(sys.argv) < 2 or sys.argv[1] != "emulate":
    os.execv(REAL, [REAL] + sys.argv[1:])

LIBC = ctypes.CDLL("libc.so.6", use_errno=True)
PR_SET_PDEATHSIG = 1


def die_with_parent():
    """Children end with this script, even when the judge kills it with SIGKILL."""
    LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


emulator = subprocess.Popen([REAL] + sys.argv[1:], stdout=subprocess.PIPE, text=True,
                            preexec_fn=die_with_parent)
line = emulator.stdout.readline()
m = re.search(r"listening on (\S+):(\d+)", line)
if not m:
    print(line, end="", flush=True)
    sys.exit(1)
emulator.stdout.close()  # it prints nothing else on stdout

log_path = os.environ.get("ORANET_PROXY_LOG", os.devnull)
args = [REAL, "proxy", "--listen", "127.0.0.1:0", "--to", f"{m.group(1)}:{m.group(2)}", "--json"]
if os.environ.get("ORANET_PROXY_PCAP"):
    args += ["--pcap", os.environ["ORANET_PROXY_PCAP"]]
# The first line of the proxy's output says where it listens; the rest is its log.
proxy = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, preexec_fn=die_with_parent)
first = proxy.stdout.readline()
if not first.startswith("listening on"):
    emulator.terminate()
    print(first, end="", flush=True)
    sys.exit(1)
print(first, end="", flush=True)


def stop(*_):
    for p in (proxy, emulator):
        p.terminate()
    for p in (proxy, emulator):
        p.wait()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
with open(log_path, "w", encoding="utf-8") as log:
    for out in proxy.stdout:  # keeps the pipe drained
        log.write(out)
while True:
    time.sleep(1)
