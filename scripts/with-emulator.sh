#!/usr/bin/env bash
# Starts `oranet emulate` on a free loopback port, runs a command with every
# @PORT@ in its arguments replaced by that port, stops the emulator and exits
# with the command's status.
# usage: with-emulator.sh <oranet-binary> [emulate options...] -- <command...>
set -euo pipefail
bin=$1
shift
emu_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do emu_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
out=$(mktemp)
"$bin" emulate --listen 127.0.0.1:0 "${emu_args[@]}" >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on [^ ]*:\([0-9][0-9]*\)$/\1/p' "$out" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; echo "with-emulator: the emulator exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$out" >&2; echo "with-emulator: no port after 10 s" >&2; exit 1; }
cmd=()
for a in "$@"; do cmd+=("${a//@PORT@/$port}"); done
"${cmd[@]}"
