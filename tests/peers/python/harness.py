"""What every python-oracledb judge of `oranet emulate` shares: starting the
emulator on a free loopback port, and recording named checks."""
import re
import subprocess
import sys
import traceback

results = []


def check(name, after=None):
    """Decorator: runs the function at once as the check `name`, prints
    "ok - name" or "not ok - name" with the traceback; `after` runs then."""
    def run(fn):
        try:
            fn()
            results.append(True)
            print(f"ok - {name}")
        except Exception:  # noqa: BLE001 - every failure is reported
            results.append(False)
            print(f"not ok - {name}")
            traceback.print_exc(file=sys.stdout)
        if after is not None:
            after()
        return fn
    return run


def start_emulator(oranet, args):
    """`<oranet> emulate --listen 127.0.0.1:0 <args...>`: the child and its port."""
    child = subprocess.Popen([oranet, "emulate", "--listen", "127.0.0.1:0"] + args,
                             stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    m = re.search(r"listening on (\S+):(\d+)", line)
    if not m:
        child.kill()
        raise RuntimeError(f"emulator did not start: {line!r}")
    return child, int(m.group(2))
