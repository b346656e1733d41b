// The byte pipe under a session: connect, write all, read some, close, each
// bounded by a deadline. Implemented with Asio's async operations on a
// private io_context run until the deadline (run_until), then cancelled: the
// async API to come can start the same operations with a timer instead of
// blocking. A closed socket always shows as client_errc::connection_closed.
// TCP lives here, TCPS (TLS over TCP) in tls_transport.hpp; open_transport
// picks one from the connect options.
#pragma once

#include <oranet/connect_params.hpp>
#include <oranet/errc.hpp>

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <system_error>

namespace spdlog {
class logger;
}

namespace oranet::detail {

using steady   = std::chrono::steady_clock;
using deadline = steady::time_point;  // steady::time_point::max(): unbounded

[[nodiscard]] inline deadline deadline_after(std::chrono::milliseconds budget) {
    return budget.count() <= 0 ? deadline::max() : steady::now() + budget;
}

// Maps Asio's errors to ours: eof, reset, broken pipe, a TLS stream cut
// without close_notify and friends become connection_closed;
// operation_aborted after a deadline becomes timeout.
[[nodiscard]] std::error_code map_io_error(std::error_code ec);

// Runs `ctx` until the pending operation completes (`done`) or the deadline
// passes; on the deadline calls `cancel` (which must make the pending
// handlers run with operation_aborted), drains them and returns timeout.
[[nodiscard]] std::error_code run_until(asio::io_context& ctx, bool& done, deadline d,
                                        const std::function<void()>& cancel);

// Resolves `host` and tries each address in turn until `d`: host_not_found,
// connect_failed or timeout. Sets TCP_NODELAY and, if asked, SO_KEEPALIVE.
[[nodiscard]] std::error_code connect_socket(asio::io_context& ctx, asio::ip::tcp::socket& socket,
                                             const std::string& host, std::uint16_t port, deadline d,
                                             bool keepalive);

// Dead connection detection: SO_KEEPALIVE when `keepalive` or
// expire_minutes > 0; with expire_minutes > 0 also TCP_KEEPIDLE =
// expire_minutes * 60 s, TCP_KEEPINTVL = 6 s and TCP_KEEPCNT = 10 (the
// values python-oracledb sets for EXPIRE_TIME). Best effort: a platform
// without an option keeps its default.
void set_keepalive(asio::ip::tcp::socket& socket, bool keepalive, std::uint32_t expire_minutes);

// How the TCP connection under a transport is made: directly, or through an
// HTTPS proxy's CONNECT tunnel (http_proxy.hpp), and its keepalive.
struct tcp_route {
    std::string proxy_host;  // empty: direct
    std::uint16_t proxy_port     = 0;
    bool keepalive               = true;
    std::uint32_t expire_minutes = 0;

    [[nodiscard]] static tcp_route from(const connect_options& o);
};

// Connects `socket` to host:port along `route` within `d`: the errors of
// connect_socket for the first hop, then those of open_proxy_tunnel.
// `message` says what failed.
[[nodiscard]] std::error_code open_tcp(asio::io_context& ctx, asio::ip::tcp::socket& socket,
                                       const std::string& host, std::uint16_t port, const tcp_route& route,
                                       deadline d, std::string& message);

// True when `bytes`, the first a server sent, are the start of a TLS alert
// record (content type 21, version 3.x): a TCPS listener refusing plain TNS.
[[nodiscard]] bool looks_like_tls_alert(std::span<const std::uint8_t> bytes) noexcept;

class transport {
public:
    virtual ~transport()                                                                        = default;
    [[nodiscard]] virtual std::error_code write(std::span<const std::uint8_t> data, deadline d) = 0;
    // Reads at least one byte; 0 and an error otherwise. A read that
    // interrupt_call() cut off fails with client_errc::cancelled.
    [[nodiscard]] virtual std::size_t read_some(std::span<std::uint8_t> buf, deadline d,
                                                std::error_code& ec) = 0;
    virtual void close() noexcept                                    = 0;
    [[nodiscard]] virtual bool is_open() const noexcept              = 0;

    // Call interruption (connection::cancel). Thread-safe: posts to the
    // transport's io_context, so the socket (and the TLS stream) is only
    // ever touched by the thread that runs the call; there the read in
    // progress is cancelled, or, when none is, the next read of the same
    // call fails at once with client_errc::cancelled (a pending write is
    // never cut). Requests made for an earlier call are void.
    void interrupt_call() noexcept;
    // On the I/O thread, before each call.
    void begin_call() noexcept;

protected:
    // The io_context this transport runs (null: no interruption).
    [[nodiscard]] virtual asio::io_context* io_context() noexcept { return nullptr; }
    // Cancels the pending asynchronous read (I/O thread).
    virtual void cancel_read() noexcept {}
    // read_some implementations call these around their asynchronous read:
    // true from begin_read means "fail with cancelled now"; end_read turns
    // the result of a read the interruption cut off into cancelled.
    [[nodiscard]] bool begin_read() noexcept;
    void end_read(std::size_t n, std::error_code& ec) noexcept;

private:
    std::atomic<std::uint64_t> call_gen_{0};
    bool reading_           = false;  // I/O thread only
    bool interrupt_pending_ = false;  // I/O thread only
    bool interrupted_       = false;  // I/O thread only
};

// Plain TCP.
class tcp_transport final : public transport {
public:
    tcp_transport();
    ~tcp_transport() override;

    // Resolves `host` and tries each address in turn until `d`.
    [[nodiscard]] std::error_code connect(const std::string& host, std::uint16_t port, deadline d,
                                          bool keepalive = true);
    [[nodiscard]] std::error_code write(std::span<const std::uint8_t> data, deadline d) override;
    // The first read of a connection fails with server_requires_tls when the
    // server answered with a TLS alert.
    [[nodiscard]] std::size_t read_some(std::span<std::uint8_t> buf, deadline d,
                                        std::error_code& ec) override;
    void close() noexcept override;
    [[nodiscard]] bool is_open() const noexcept override { return socket_.is_open(); }

    [[nodiscard]] asio::ip::tcp::socket& stream() noexcept { return socket_; }
    [[nodiscard]] asio::io_context& context() noexcept { return ctx_; }

protected:
    [[nodiscard]] asio::io_context* io_context() noexcept override { return &ctx_; }
    void cancel_read() noexcept override;

private:
    std::error_code run(bool& done, deadline d);

    asio::io_context ctx_;
    asio::ip::tcp::socket socket_;
    bool first_read_ = true;
};

// Opens the pipe the options ask for to host:port within `d`: TCP, then TLS
// when `o.use_tls` (tls_transport.hpp); through `o.https_proxy` when set
// (TLS only: https_proxy_requires_tcps otherwise); keepalive per
// `o.keepalive` and `o.expire_time`. On failure, `message` says what failed
// in words for diagnostics::client_message (never a secret).
[[nodiscard]] std::error_code open_transport(const std::string& host, std::uint16_t port,
                                             const connect_options& o, deadline d, spdlog::logger& log,
                                             std::unique_ptr<transport>& out, std::string& message);

}  // namespace oranet::detail
