#!/usr/bin/env bash
# The test command: installs dependencies, builds oranet (Release), and runs
# every test through CTest: unit and integration tests, the official clients
# as judges, the format check, the install consumer, and a clang
# ASan+UBSan build of the unit tests with a fuzz smoke run. CTest's summary
# is the last thing it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DORANET_SUITE_CHECKS=ON >/dev/null
cmake --build build/release -j2
exec ctest --test-dir build/release -j2 --output-on-failure --timeout 1800
