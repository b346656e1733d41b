#!/usr/bin/env bash
# A clang build with AddressSanitizer and UndefinedBehaviorSanitizer of the
# libraries, unit and integration tests, and the libFuzzer targets; runs the
# tests and a short smoke run of each fuzz target. Falls back to g++ without
# fuzz targets when clang is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/asan
fuzz=OFF
if command -v clang++ >/dev/null 2>&1; then
  export CC=clang CXX=clang++
  fuzz=ON
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORANET_SANITIZE=address,undefined \
      -DORANET_FUZZ=$fuzz -DORANET_PEER_TESTS=OFF >/dev/null
cmake --build "$dir" -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$dir" -j2 --output-on-failure --timeout 600
