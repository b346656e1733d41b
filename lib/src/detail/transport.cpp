#include "transport.hpp"

#include <asio/connect.hpp>
#include <asio/error.hpp>
#include <asio/write.hpp>

namespace oranet::detail {

std::error_code map_io_error(std::error_code ec) {
    if (!ec) return ec;
    if (ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
        ec == asio::error::connection_aborted || ec == asio::error::not_connected ||
        ec == asio::error::bad_descriptor || ec == asio::error::shut_down)
        return client_errc::connection_closed;
    if (ec == asio::error::timed_out) return client_errc::timeout;
    return ec;
}

tcp_transport::tcp_transport() : socket_(ctx_) {}

tcp_transport::~tcp_transport() { close(); }

std::error_code tcp_transport::run(bool& done, deadline d) {
    ctx_.restart();
    if (d == deadline::max()) {
        while (!done && ctx_.run_one() > 0) {
        }
    } else {
        while (!done && steady::now() < d) {
            if (ctx_.run_one_until(d) == 0 && ctx_.stopped()) break;
        }
    }
    if (done) return {};
    // The deadline passed: cancel and let the handler run with
    // operation_aborted, so that no operation outlives this call.
    std::error_code ignored;
    socket_.cancel(ignored);
    ctx_.restart();
    while (!done && ctx_.run_one() > 0) {
    }
    return client_errc::timeout;
}

std::error_code tcp_transport::connect(const std::string& host, std::uint16_t port, deadline d,
                                       bool keepalive) {
    close();
    asio::ip::tcp::resolver resolver(ctx_);
    std::error_code result;
    asio::ip::tcp::resolver::results_type endpoints;
    bool done = false;
    resolver.async_resolve(host, std::to_string(port),
                           [&](std::error_code ec, asio::ip::tcp::resolver::results_type r) {
                               result    = ec;
                               endpoints = std::move(r);
                               done      = true;
                           });
    if (auto ec = run(done, d)) {
        resolver.cancel();
        return ec;
    }
    if (result) return client_errc::host_not_found;
    done = false;
    asio::async_connect(socket_, endpoints, [&](std::error_code ec, const asio::ip::tcp::endpoint&) {
        result = ec;
        done   = true;
    });
    if (auto ec = run(done, d)) {
        close();
        return ec;
    }
    if (result) {
        close();
        return client_errc::connect_failed;
    }
    std::error_code ignored;
    socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    if (keepalive) socket_.set_option(asio::socket_base::keep_alive(true), ignored);
    return {};
}

std::error_code tcp_transport::write(std::span<const std::uint8_t> data, deadline d) {
    if (!socket_.is_open()) return client_errc::connection_closed;
    std::error_code result;
    bool done = false;
    asio::async_write(socket_, asio::buffer(data.data(), data.size()), [&](std::error_code ec, std::size_t) {
        result = ec;
        done   = true;
    });
    if (auto ec = run(done, d)) return ec;
    return map_io_error(result);
}

std::size_t tcp_transport::read_some(std::span<std::uint8_t> buf, deadline d, std::error_code& ec) {
    ec = {};
    if (!socket_.is_open()) {
        ec = client_errc::connection_closed;
        return 0;
    }
    std::error_code result;
    std::size_t n = 0;
    bool done     = false;
    socket_.async_read_some(asio::buffer(buf.data(), buf.size()), [&](std::error_code e, std::size_t got) {
        result = e;
        n      = got;
        done   = true;
    });
    if (auto e = run(done, d)) {
        ec = e;
        return 0;
    }
    if (result) {
        ec = map_io_error(result);
        return 0;
    }
    if (n == 0) ec = client_errc::connection_closed;
    return n;
}

void tcp_transport::close() noexcept {
    std::error_code ignored;
    if (socket_.is_open()) {
        socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }
}

}  // namespace oranet::detail
