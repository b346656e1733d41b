#!/usr/bin/env bash
# The demo: installs dependencies, builds the oranet CLI and shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j2 --target oranet_cli
oranet=build/release/tools/oranet
"$oranet" --version
"$oranet" --help
