#!/usr/bin/env bash
# Builds a fully static oranet CLI, checks it with `file`, prints its size and
# runs it in an empty chroot (no libraries at all beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build/static -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel -DORANET_STATIC_CLI=ON \
      -DORANET_BUILD_TESTS=OFF >/dev/null
cmake --build build/static -j2 --target oranet_cli
bin=build/static/tools/oranet
strip "$bin"
file "$bin"
file "$bin" | grep -q "statically linked"
echo "size: $(stat -c %s "$bin") bytes"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cp "$bin" "$root/oranet"
if [ "$(id -u)" -eq 0 ]; then
  chroot "$root" /oranet --version
  # A query from inside the empty chroot to an emulator outside it, by a
  # numeric address (glibc's resolver needs shared libraries; see README).
  scripts/with-emulator.sh "$bin" -- chroot "$root" /oranet sql "demo/demo@127.0.0.1:@PORT@/FREEPDB1" \
    -e "select 'static ok' as msg from dual" --format csv
  # Every subcommand from the chroot: ping, a proxy that records a pcap while
  # sql runs through it, and dump of that capture.
  scripts/with-emulator.sh "$bin" -- bash -c '
    set -euo pipefail
    root=$1 port=$2
    chroot "$root" /oranet ping "demo/demo@127.0.0.1:$port/FREEPDB1" -n 2
    chroot "$root" /oranet proxy --listen 127.0.0.1:0 --to "127.0.0.1:$port" --pcap /capture.pcap --quiet \
      >"$root/proxy.out" 2>&1 &
    proxy=$!
    for _ in $(seq 1 50); do grep -q "^listening on" "$root/proxy.out" && break; sleep 0.1; done
    via=$(sed -n "s/^listening on [^ ]*:\([0-9]*\)$/\1/p" "$root/proxy.out")
    chroot "$root" /oranet sql "demo/demo@127.0.0.1:$via/FREEPDB1" -e "select 1 as one from dual"
    kill "$proxy"; wait "$proxy" 2>/dev/null || true
    chroot "$root" /oranet dump --json /capture.pcap | grep -c "\"packet\"" | sed "s/^/dump: packets decoded: /"
  ' _ "$root" @PORT@
else
  echo "not root: skipping the empty-chroot run"
fi
