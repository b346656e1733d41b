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
else
  echo "not root: skipping the empty-chroot run"
fi
