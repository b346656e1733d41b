#!/usr/bin/env bash
# Fails when a C++ file drifts from .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$fmt" ]; then echo "clang-format not found; install clang-format-14" >&2; exit 1; fi
if [ -d .git ]; then
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
else
  mapfile -t files < <(find protocol auth lib tools tests fuzz examples -name '*.cpp' -o -name '*.hpp')
fi
"$fmt" --dry-run -Werror "${files[@]}"
echo "format: ${#files[@]} files follow .clang-format"
