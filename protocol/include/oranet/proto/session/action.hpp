// What the client session state machine asks its driver to do next. The
// machine never does I/O: each event method returns one action, the driver
// performs it and reports back with the matching event (write -> on_write_done,
// read -> on_bytes / on_io_error / on_timeout, need_auth_response ->
// on_auth_response / on_auth_verified). Timeouts ride on the actions: every
// read and write carries the budget of the operation it belongs to, and the
// driver turns that into one deadline per operation.
#pragma once

#include <oranet/proto/reader.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::session {

enum class action_kind : std::uint8_t {
    write,               // send `data` in full
    read,                // read some bytes (any amount) and pass them to on_bytes
    need_auth_response,  // O5Logon: the machine needs auth/ to answer (see auth_stage)
    done,                // the operation finished; `ec` says how
};

enum class auth_stage : std::uint8_t {
    respond,  // phase-one reply received: compute the phase-two values (on_auth_response)
    verify,   // phase-two reply received: check AUTH_SVR_RESPONSE (on_auth_verified)
};

struct action {
    action_kind kind = action_kind::done;
    bytes_view data;               // write: bytes owned by the machine, valid until the next event
    std::uint32_t timeout_ms = 0;  // budget of the current operation; 0: unbounded
    auth_stage stage         = auth_stage::respond;
    std::error_code ec;  // done

    [[nodiscard]] static action write(bytes_view b, std::uint32_t timeout_ms) noexcept {
        action a;
        a.kind       = action_kind::write;
        a.data       = b;
        a.timeout_ms = timeout_ms;
        return a;
    }
    [[nodiscard]] static action read(std::uint32_t timeout_ms) noexcept {
        action a;
        a.kind       = action_kind::read;
        a.timeout_ms = timeout_ms;
        return a;
    }
    [[nodiscard]] static action need_auth(auth_stage s, std::uint32_t timeout_ms) noexcept {
        action a;
        a.kind       = action_kind::need_auth_response;
        a.stage      = s;
        a.timeout_ms = timeout_ms;
        return a;
    }
    [[nodiscard]] static action done(std::error_code ec = {}) noexcept {
        action a;
        a.kind = action_kind::done;
        a.ec   = ec;
        return a;
    }
};

}  // namespace oranet::proto::session
