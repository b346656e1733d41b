// What a connection holds: its transport, its session machine, its options
// and the end-to-end attributes waiting to ride on the next call.
#pragma once

#include "driver.hpp"
#include "statement_cache.hpp"
#include "transport.hpp"

#include <oranet/connect_params.hpp>
#include <oranet/error.hpp>
#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/writer.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spdlog {
class logger;
}

namespace oranet::detail {

struct end_to_end_attrs {
    std::optional<std::string> client_identifier;
    std::optional<std::string> module;
    std::optional<std::string> action;
    std::optional<std::string> client_info;
    [[nodiscard]] bool any() const noexcept { return client_identifier || module || action || client_info; }
};

struct connection_impl {
    connect_options options;
    std::shared_ptr<spdlog::logger> log;
    std::unique_ptr<transport> io;  // tcp_transport; a fake one in tests
    proto::session::client_session session;
    std::unique_ptr<log_trace_sink> sink;
    std::string where;  // host:port/service, for the log
    // The descriptor the CONNECT packet carries (the connector renders it,
    // or a listener redirect gives it); empty: built from the Easy Connect string.
    std::string connect_data;
    bool redirected = false;  // the CONNECT follows a listener REDIRECT (its header says so)
    std::string server_version;
    std::array<int, 5> version_numbers{};
    bool autocommit = false;
    std::chrono::milliseconds call_timeout{0};
    end_to_end_attrs pending;
    std::vector<std::uint32_t> cursors_to_close;
    statement_cache stmt_cache;
    diagnostics last_diag;

    // Logs in over `io` (already connected) within `budget`.
    std::error_code login(const connect_params& p, std::chrono::milliseconds budget, diagnostics& diag);

    // One call: `body` writes the call's TTC message after the piggybacks
    // (end-to-end attributes, cursors to close); the reply's items go to
    // `handler`. Fills `diag` on error and closes the transport when the
    // session died.
    std::error_code call(const char* name, const std::function<void(proto::writer&)>& body,
                         proto::session::reply_handler* handler, bool no_data_found_is_end,
                         std::chrono::milliseconds timeout, diagnostics& diag);

    void close() noexcept;
};

// The connect data (DESCRIPTION=...) a connect sends.
[[nodiscard]] std::string make_connect_data(const std::string& host, std::uint16_t port,
                                            const std::string& service, const std::string& program,
                                            const std::string& machine, const std::string& os_user);

// Writes the end-to-end attribute piggyback (function 135).
void write_end_to_end_piggyback(proto::writer& w, const end_to_end_attrs& a, std::uint8_t seq,
                                const proto::ttc::caps& c);

}  // namespace oranet::detail
