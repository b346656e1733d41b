#!/usr/bin/env bash
# Fails when a layer reaches past its boundary (issue 3, DESIGN.md):
#   protocol/ is sans-io: no Asio, OpenSSL, spdlog, sockets, threads, clocks
#             or random numbers;
#   auth/     may use OpenSSL but no Asio and no sockets.
# Prints every rule it checked and every offending line.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0
checked=0

files_of() {
  find "$1" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.inc' -o -name '*.ipp' \) | sort
}

# rule <layer dir> <description> <extended regex>
rule() {
  local dir=$1 what=$2 re=$3
  local hits
  mapfile -t files < <(files_of "$dir")
  checked=$((checked + 1))
  if [ "${#files[@]}" -eq 0 ]; then
    echo "layers: FAIL $dir/ has no source files to check" >&2
    failed=1
    return
  fi
  # Comment lines are not code: skip lines whose first non-blank is // or *.
  hits=$(grep -nHE "$re" "${files[@]}" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|\*|/\*)' || true)
  if [ -n "$hits" ]; then
    echo "layers: FAIL $dir/ must not use $what:" >&2
    echo "$hits" | sed 's/^/  /' >&2
    failed=1
  else
    echo "layers: ok   $dir/ (${#files[@]} files) uses no $what"
  fi
}

inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]'

rule protocol "Asio" "${inc}(asio|boost/asio)([/.]|>)"
rule protocol "OpenSSL" "${inc}openssl/"
rule protocol "spdlog (logging)" "${inc}spdlog/"
rule protocol "socket headers" "${inc}(sys/socket\.h|netinet/|arpa/inet\.h|netdb\.h|sys/un\.h|winsock2?\.h|ws2tcpip\.h)"
rule protocol "thread headers" "${inc}(thread|mutex|shared_mutex|condition_variable|future|stop_token|semaphore|latch|barrier|pthread\.h)>"
rule protocol "<random>" "${inc}random>"
rule protocol "clocks" "(system_clock|steady_clock|high_resolution_clock|clock_gettime|gettimeofday|std::time\(|[^_a-z]time\(nullptr\)|[^_a-z]rand\(\))"
rule auth "Asio" "${inc}(asio|boost/asio)([/.]|>)"
rule auth "socket headers" "${inc}(sys/socket\.h|netinet/|arpa/inet\.h|netdb\.h|sys/un\.h|winsock2?\.h|ws2tcpip\.h)"

if [ "$failed" -ne 0 ]; then
  echo "layers: $checked rules checked; some failed" >&2
  exit 1
fi
echo "layers: $checked rules checked, all hold"
