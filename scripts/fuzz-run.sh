#!/usr/bin/env bash
# Runs one fuzz target for N seconds: seeds from ../shared/vectors (via
# fuzz/seeds.py) and fuzz/crashers/<target>/ (past findings, replayed first).
# usage: fuzz-run.sh <binary> <target-name> <seconds> <corpus-dir> [vectors-dir]
set -euo pipefail
bin=$1 name=$2 secs=$3 corpus=$4 vectors=${5:-}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$corpus"
if [ -n "$vectors" ] && [ -d "$vectors" ]; then
  python3 "$src/fuzz/seeds.py" "$name" "$vectors" "$corpus"
else
  echo "fuzz: ../shared/vectors absent; running $name without seeds from it"
fi
if [ -d "$src/fuzz/crashers/$name" ]; then
  # Every kept crasher must now run clean.
  "$bin" "$src/fuzz/crashers/$name"/* >/dev/null 2>&1 || { echo "fuzz: a kept crasher of $name fails again"; exit 1; }
fi
exec "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
