// Connecting through a connect descriptor: which addresses to try and in
// what order (FAILOVER, LOAD_BALANCE, SOURCE_ROUTE at every level), how
// often (RETRY_COUNT passes, RETRY_DELAY between them), how long
// (TRANSPORT_CONNECT_TIMEOUT per address, CONNECT_TIMEOUT per attempt, the
// caller's deadline over all), and listener REDIRECTs (followed up to
// max_redirect_hops). The I/O is the caller's: `connector_hooks::attempt`
// connects to one address and reports how it went, so the walk is tested
// without a network. Rules after python-oracledb's connect_params.pyx
// (_set_active_children) and thin/connection.pyx (_connect_with_description).
#pragma once

#include "transport.hpp"

#include <oranet/connect_descriptor.hpp>
#include <oranet/error.hpp>

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::detail {

inline constexpr int max_redirect_hops = 8;

// The children a node tries, in order: the only one; the first (SOURCE_ROUTE
// or neither FAILOVER nor LOAD_BALANCE); all (FAILOVER), shuffled when
// LOAD_BALANCE too; one picked at random (LOAD_BALANCE without FAILOVER).
[[nodiscard]] std::vector<std::size_t> active_children(std::size_t count, bool failover, bool load_balance,
                                                       bool source_route, std::mt19937& rng);

struct connect_attempt {
    const description* desc = nullptr;
    net_address address;
    std::string connect_data;  // the descriptor text the CONNECT packet carries
    deadline transport_until;  // bounds the TCP (and TLS) connect to this address
    deadline attempt_until;    // bounds this attempt, up to the listener's answer
    int redirects = 0;         // listener redirects followed to get here
};

struct attempt_result {
    std::error_code ec;         // empty: connected
    std::string redirect_data;  // not empty: the listener redirected ("address" NUL "connect data")
    std::string message;        // what failed, for diagnostics
};

struct connector_hooks {
    std::function<attempt_result(const connect_attempt&)> attempt;
    std::function<void(std::chrono::milliseconds)> sleep;  // RETRY_DELAY; bounded by the deadline
    std::function<steady::time_point()> now = [] { return steady::now(); };
};

// True when a failed attempt lets the next address be tried: the address
// could not be reached, timed out, closed, refused (ORA-12xxx) or failed
// TLS; false for errors another address would repeat (bad credentials,
// invalid settings).
[[nodiscard]] bool try_next_after(std::error_code ec) noexcept;

// Walks `dl` until an attempt connects. On failure returns the last error
// (client_errc::timeout when `overall` passed, tns_redirect_loop after too
// many redirects) and lists every address tried with its reason in
// diag.client_message.
[[nodiscard]] std::error_code connect_any(const description_list& dl, const client_identity& cid,
                                          deadline overall, const connector_hooks& hooks, std::mt19937& rng,
                                          diagnostics& diag);

}  // namespace oranet::detail
