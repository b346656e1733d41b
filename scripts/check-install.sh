#!/usr/bin/env bash
# Installs a built tree into a temporary prefix, then builds
# examples/consumer against it with find_package(oranet) and with pkg-config,
# and runs both.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/examples/consumer" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" -j2 >/dev/null
"$work/consumer/consumer"
flags=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --cflags --libs --static oranet)
# shellcheck disable=SC2086
g++ -std=c++20 "$src/examples/consumer/main.cpp" -o "$work/consumer-pc" $flags
"$work/consumer-pc"
echo "install: find_package(oranet) and pkg-config consumers built and ran"
