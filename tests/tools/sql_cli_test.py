#!/usr/bin/env python3
"""`oranet sql` as a user runs it, against a fresh `oranet emulate`.

usage: sql_cli_test.py <oranet-binary> [batch|terminal]

batch: -e/-f/stdin scripts, the three formats, binds, errors and exit codes,
the password from ORANET_PASSWORD.
terminal: the interactive prompt in a real terminal (tmux): the password
prompt, a multi-line statement, a PL/SQL-style '/' terminator, history
recall with the up arrow, and the aligned table on the screen.
Each check compares exact output; any difference fails the test.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ORANET = os.path.abspath(sys.argv[1])
MODE = sys.argv[2] if len(sys.argv) > 2 else "batch"
failures = []


def check(name, got, want):
    if got != want:
        failures.append(name)
        print(f"FAIL {name}\n  want: {want!r}\n  got:  {got!r}")
    else:
        print(f"ok   {name}")


def start_emulator():
    proc = subprocess.Popen([ORANET, "emulate", "--listen", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        line = proc.stdout.readline()
        m = re.match(r"listening on [^ ]*:(\d+)$", line.strip())
        if m:
            return proc, int(m.group(1))
    proc.kill()
    sys.exit("the emulator did not start")


def sql(port, *args, stdin=None, env=None, login="demo/demo"):
    e = dict(os.environ)
    e.pop("ORANET_PASSWORD", None)
    e["ORANET_LOG"] = "error"
    if env:
        e.update(env)
    r = subprocess.run([ORANET, "sql", f"{login}@127.0.0.1:{port}/FREEPDB1", *args],
                       input=stdin, capture_output=True, text=True, env=e, timeout=60)
    return r.returncode, r.stdout, r.stderr


def batch(port):
    setup = ["-e", "create table emp (id number(6) not null, name varchar2(30), pay number(8,2), hired date)",
             "-e", "insert into emp values (1, 'Ann', 1234.5, date '2020-02-29')",
             "-e", "insert into emp values (2, 'Bob, Jr.', null, null)",
             "-e", "insert into emp values (3, '', 7, date '1999-12-31')",
             "-e", "commit"]
    rc, out, err = sql(port, *setup)
    check("setup: csv prints nothing for DDL/DML", (rc, out, err), (0, "", ""))

    rc, out, err = sql(port, "-e", "select id, name, pay, hired from emp order by id")
    check("csv: header, quoted comma, NULL and '' as empty fields", (rc, out, err),
          (0, 'ID,NAME,PAY,HIRED\n1,Ann,1234.5,2020-02-29 00:00:00\n2,"Bob, Jr.",,\n3,,7,1999-12-31 00:00:00\n', ""))

    rc, out, err = sql(port, "--format", "json", "-e", "select id, name, pay from emp where id < 3 order by id")
    check("json: one object per row, numbers as numbers, NULL as null", (rc, out, err),
          (0, '{"ID":1,"NAME":"Ann","PAY":1234.5}\n{"ID":2,"NAME":"Bob, Jr.","PAY":null}\n', ""))

    rc, out, err = sql(port, "--format", "table", "-e", "select id, name from emp order by id",
                       "-e", "update emp set pay = pay + 1 where pay is not null", "-e", "rollback")
    check("table: aligned columns, numbers right-aligned, feedback lines", (rc, out, err),
          (0, "ID NAME\n-- --------\n 1 Ann\n 2 Bob, Jr.\n 3\n\n3 rows selected.\n\n"
              "2 rows updated.\n\nRollback complete.\n\n", ""))

    rc, out, err = sql(port, "--format", "table", "-e", "select id from emp where 1 = 0")
    check("table: no rows", (rc, out), (0, "\nno rows selected\n\n"))

    rc, out, err = sql(port, "-e", "select * from missing_table", "-e", "select count(*) n from emp")
    check("a failing statement: ORA message on stderr, the next still runs, exit 1", (rc, out, err),
          (1, "N\n3\n", "ORA-00942: table or view does not exist [offset 14]\n"))

    rc, out, err = sql(port, "-e", "selec 1 from dual")
    check("syntax error exit status and message", (rc, err.startswith("ORA-00900")), (1, True))

    rc, out, err = sql(port, "-e", "select name from emp where id = :id and name like :pat",
                       "-b", "id:number=2", "-b", "PAT=Bob%")
    check("binds by name, typed and text", (rc, out, err), (0, "NAME\n\"Bob, Jr.\"\n", ""))

    rc, out, err = sql(port, "-e", "select count(*) c from emp where pay is null or :v is null", "-b", "v:null")
    check("a NULL bind", (rc, out, err), (0, "C\n3\n", ""))

    rc, out, err = sql(port, "-e", "select 1 from dual", "-b", "x:number=abc")
    check("a bad bind is a usage error", (rc, err), (2, "oranet sql: bind 'x': 'abc' is not a number\n"))

    script = ("-- a comment; not a terminator\n"
              "select id,\n"
              "       name   -- trailing; comment\n"
              "  from emp\n"
              " where name = 'a;b' or id = 1;\n"
              "\n"
              "select 'x' as s from dual\n"
              "/\n"
              "/\n"
              "select 'it''s; here' as q from dual; -- after the end\n"
              "select 2 n from dual\n")
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
        path = f.name
    try:
        rc, out, err = sql(port, "-f", path)
        check("-f: ';' and '/' terminators, quotes and comments, '/' repeats, last unterminated runs",
              (rc, out, err),
              (0, "ID,NAME\n1,Ann\nS\nx\nS\nx\nQ\nit's; here\nN\n2\n", ""))
    finally:
        os.unlink(path)

    rc, out, err = sql(port, stdin="select 5 five from dual;\nexit 4\nselect 6 from dual;\n")
    check("stdin script; exit N stops with that status", (rc, out, err), (4, "FIVE\n5\n", ""))

    rc, out, err = sql(port, stdin="set serveroutput on\n"
                                   "begin for i in 1 .. 3 loop dbms_output.put_line('line ' || i); end loop; end;\n/\n"
                                   "select 7 seven from dual;\n"
                                   "SET SERVEROUTPUT OFF;\n"
                                   "begin dbms_output.put_line('not shown'); end;\n/\n"
                                   "set serveroutput maybe\n")
    check("SET SERVEROUTPUT ON prints DBMS_OUTPUT lines after each statement, OFF stops it", (rc, out, err),
          (0, "line 1\nline 2\nline 3\nSEVEN\n7\n", "oranet sql: SET SERVEROUTPUT takes ON or OFF\n"))

    rc, out, err = sql(port, "-e", "select user from dual", login="demo", env={"ORANET_PASSWORD": "demo"})
    check("password from ORANET_PASSWORD", (rc, out, err), (0, "USER\nDEMO\n", ""))

    rc, out, err = sql(port, "-e", "select 1 from dual", login="demo", stdin="")
    check("no password and no terminal: a clear usage error", (rc, out, err),
          (2, "", "oranet sql: no password: put it in ORANET_PASSWORD or run on a terminal\n"))

    rc, out, err = sql(port, "-e", "select 1 from dual", login="demo/wrong")
    check("wrong password: exit 2 and ORA-01017", (rc, out, err.startswith("oranet sql: ORA-01017")), (2, "", True))


def tmux(*args, check_rc=True):
    return subprocess.run(["tmux", "-L", "oranet-test", *args], capture_output=True, text=True, check=check_rc)


def type_line(text):
    # -l: literal keys; a trailing ';' would end the tmux command, so it goes as hex
    body, semi = (text[:-1], True) if text.endswith(";") else (text, False)
    if body:
        tmux("send-keys", "-t", "t", "-l", body)
    if semi:
        tmux("send-keys", "-t", "t", "-H", "3b")
    tmux("send-keys", "-t", "t", "Enter")


def screen():
    return tmux("capture-pane", "-p", "-t", "t").stdout


def wait_for(text, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        s = screen()
        if text in s:
            return s
        time.sleep(0.1)
    return screen()


def terminal(port):
    if shutil.which("tmux") is None:
        print("SKIP: tmux is not installed (scripts/deps.sh installs it)")
        sys.exit(77)
    home = tempfile.mkdtemp()
    cmd = (f"env -u ORANET_PASSWORD HOME={home} ORANET_LOG=error {ORANET} sql demo@127.0.0.1:{port}/FREEPDB1; "
           "echo EXITED=$?; sleep 30")
    tmux("kill-server", check_rc=False)
    tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "40", cmd)
    try:
        # (capture-pane drops trailing blanks: prompts are matched without them)
        s = wait_for("Password for demo:")
        check("terminal: password prompt", "Password for demo:" in s, True)
        type_line("demo")
        s = wait_for("SQL>")
        check("terminal: connected banner and prompt", re.search(r"Connected to Oracle Database \d+\.\d+\.\d+\.\d+\.\d+ ", s) is not None and "SQL>" in s, True)
        check("terminal: the password is not echoed", "demo" in s.split("Password for demo:", 1)[1].split("\n")[0],
              False)
        type_line("select level n,")
        wait_for("\n  2")
        type_line("       'row' || level as label")
        wait_for("\n  3")
        type_line("  from dual connect by level <= 3;")
        s = wait_for("3 rows selected.")
        lines = [l.rstrip() for l in s.splitlines()]
        i = lines.index("N LABEL") if "N LABEL" in lines else -1
        check("terminal: a multi-line statement prints an aligned table",
              lines[i:i + 5] if i >= 0 else s, ["N LABEL", "- -----", "1 row1", "2 row2", "3 row3"])
        type_line("select 42 answer from dual")
        wait_for("\n  2")
        type_line("/")
        s = wait_for("    42")
        check("terminal: '/' on its own line runs the buffer", "ANSWER\n------\n    42" in s, True)
        type_line("select * from nowhere;")
        s = wait_for("ORA-00942")
        check("terminal: an error is shown and the prompt comes back", "ORA-00942" in s, True)
        type_line("clear")  # not a statement: becomes a buffer line
        tmux("send-keys", "-t", "t", "C-c")
        tmux("send-keys", "-t", "t", "Up")
        tmux("send-keys", "-t", "t", "Up")
        time.sleep(0.5)
        last = [l for l in screen().splitlines() if l.startswith("SQL> ")][-1]
        check("terminal: Ctrl-C drops the buffer, Up recalls history", last.rstrip(),
              "SQL> select * from nowhere;")
        tmux("send-keys", "-t", "t", "C-u")
        type_line("exit")
        s = wait_for("EXITED=")
        check("terminal: exit leaves with status 0", "EXITED=0" in s, True)
        hist = open(os.path.join(home, ".oranet_sql_history")).read()
        check("terminal: history saved without the password", ("select 42 answer from dual" in hist,
                                                                "\ndemo\n" in "\n" + hist), (True, False))
    finally:
        tmux("kill-server", check_rc=False)
        shutil.rmtree(home, ignore_errors=True)


def main():
    emu, port = start_emulator()
    try:
        batch(port) if MODE == "batch" else terminal(port)
    finally:
        emu.kill()
        emu.wait()
    if failures:
        sys.exit(f"{len(failures)} check(s) failed: {failures}")
    print("all checks passed")


main()
