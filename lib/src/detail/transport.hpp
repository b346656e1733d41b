// The byte pipe under a session: connect, write all, read some, close, each
// bounded by a deadline. Implemented with Asio's async operations on a
// private io_context run until the deadline (run_until), then cancelled: the
// async API to come can start the same operations with a timer instead of
// blocking. A closed socket always shows as client_errc::connection_closed.
#pragma once

#include <oranet/errc.hpp>

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <system_error>

namespace oranet::detail {

using steady   = std::chrono::steady_clock;
using deadline = steady::time_point;  // steady::time_point::max(): unbounded

[[nodiscard]] inline deadline deadline_after(std::chrono::milliseconds budget) {
    return budget.count() <= 0 ? deadline::max() : steady::now() + budget;
}

// Maps Asio's errors to ours: eof, reset, broken pipe and friends become
// connection_closed; operation_aborted after a deadline becomes timeout.
[[nodiscard]] std::error_code map_io_error(std::error_code ec);

class transport {
public:
    virtual ~transport()                                                                        = default;
    [[nodiscard]] virtual std::error_code write(std::span<const std::uint8_t> data, deadline d) = 0;
    // Reads at least one byte; 0 and an error otherwise.
    [[nodiscard]] virtual std::size_t read_some(std::span<std::uint8_t> buf, deadline d,
                                                std::error_code& ec) = 0;
    virtual void close() noexcept                                    = 0;
    [[nodiscard]] virtual bool is_open() const noexcept              = 0;
};

// TCP. TLS will wrap the socket (asio::ssl::stream<tcp::socket>) behind the
// same interface: the reads and writes below go through stream(), and the
// connect through its lowest layer.
class tcp_transport final : public transport {
public:
    tcp_transport();
    ~tcp_transport() override;

    // Resolves `host` and tries each address in turn until `d`.
    [[nodiscard]] std::error_code connect(const std::string& host, std::uint16_t port, deadline d,
                                          bool keepalive = true);
    [[nodiscard]] std::error_code write(std::span<const std::uint8_t> data, deadline d) override;
    [[nodiscard]] std::size_t read_some(std::span<std::uint8_t> buf, deadline d,
                                        std::error_code& ec) override;
    void close() noexcept override;
    [[nodiscard]] bool is_open() const noexcept override { return socket_.is_open(); }

    [[nodiscard]] asio::ip::tcp::socket& stream() noexcept { return socket_; }
    [[nodiscard]] asio::io_context& context() noexcept { return ctx_; }

private:
    // Runs the context until the pending operation completes (`done`) or the
    // deadline passes; on the deadline, cancels and returns timeout.
    std::error_code run(bool& done, deadline d);

    asio::io_context ctx_;
    asio::ip::tcp::socket socket_;
};

}  // namespace oranet::detail
