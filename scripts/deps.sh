#!/usr/bin/env bash
# Installs what building and testing oranet needs on Debian 12, as root.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config file git ca-certificates openssl
  libasio-dev libssl-dev catch2 libspdlog-dev libfmt-dev libsqlite3-dev
  clang libclang-rt-14-dev clang-format-14 clang-tidy-14
  python3 python3-oracledb
  tshark tmux
)
# tshark: `oranet dump` is checked against its TNS dissector; tmux: the
# interactive `oranet sql` is tested in a real terminal.
# node-oracledb needs Node.js 18 or later; Debian 12's nodejs is 18.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing Debian packages: ${missing[*]}; run this script as root to install them" >&2
    exit 1
  fi
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# node-oracledb (thin mode, pure JavaScript) for the peer tests, pinned by
# tests/peers/node/package-lock.json.
if [ -f tests/peers/node/package.json ] && [ ! -d tests/peers/node/node_modules/oracledb ]; then
  echo "deps: npm ci in tests/peers/node"
  (cd tests/peers/node && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "deps: ready"
