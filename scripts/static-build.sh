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
else
  echo "not root: skipping the empty-chroot run"
fi
