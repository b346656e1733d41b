#include "transport.hpp"

#include "http_proxy.hpp"
#include "tls_transport.hpp"

#include <asio/connect.hpp>
#include <asio/error.hpp>
#include <asio/post.hpp>
#include <asio/ssl/error.hpp>
#include <asio/write.hpp>

#include <algorithm>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace oranet::detail {

std::error_code map_io_error(std::error_code ec) {
    if (!ec) return ec;
    if (ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
        ec == asio::error::connection_aborted || ec == asio::error::not_connected ||
        ec == asio::error::bad_descriptor || ec == asio::error::shut_down ||
        ec == asio::ssl::error::stream_truncated)
        return client_errc::connection_closed;
    if (ec == asio::error::timed_out) return client_errc::timeout;
    return ec;
}

std::error_code run_until(asio::io_context& ctx, bool& done, deadline d,
                          const std::function<void()>& cancel) {
    ctx.restart();
    if (d == deadline::max()) {
        while (!done && ctx.run_one() > 0) {
        }
    } else {
        while (!done && steady::now() < d) {
            if (ctx.run_one_until(d) == 0 && ctx.stopped()) break;
        }
    }
    if (done) return {};
    // The deadline passed: cancel and let the handler run with
    // operation_aborted, so that no operation outlives this call.
    cancel();
    ctx.restart();
    while (!done && ctx.run_one() > 0) {
    }
    return client_errc::timeout;
}

std::error_code connect_socket(asio::io_context& ctx, asio::ip::tcp::socket& socket, const std::string& host,
                               std::uint16_t port, deadline d, bool keepalive) {
    asio::ip::tcp::resolver resolver(ctx);
    std::error_code result;
    asio::ip::tcp::resolver::results_type endpoints;
    bool done = false;
    resolver.async_resolve(host, std::to_string(port),
                           [&](std::error_code ec, asio::ip::tcp::resolver::results_type r) {
                               result    = ec;
                               endpoints = std::move(r);
                               done      = true;
                           });
    if (auto ec = run_until(ctx, done, d, [&] { resolver.cancel(); })) return ec;
    if (result) return client_errc::host_not_found;
    done = false;
    asio::async_connect(socket, endpoints, [&](std::error_code ec, const asio::ip::tcp::endpoint&) {
        result = ec;
        done   = true;
    });
    std::error_code ignored;
    if (auto ec = run_until(ctx, done, d, [&] { socket.cancel(ignored); })) {
        socket.close(ignored);
        return ec;
    }
    if (result) {
        socket.close(ignored);
        return client_errc::connect_failed;
    }
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
    if (keepalive) socket.set_option(asio::socket_base::keep_alive(true), ignored);
    return {};
}

void set_keepalive(asio::ip::tcp::socket& socket, bool keepalive, std::uint32_t expire_minutes) {
    std::error_code ignored;
    if (!keepalive && expire_minutes == 0) return;
    socket.set_option(asio::socket_base::keep_alive(true), ignored);
    if (expire_minutes == 0) return;
#if defined(TCP_KEEPIDLE) && defined(TCP_KEEPINTVL) && defined(TCP_KEEPCNT)
    // Linux caps TCP_KEEPIDLE at 32767 s.
    const std::uint32_t idle = std::min<std::uint32_t>(expire_minutes, 32767 / 60) * 60;
    socket.set_option(asio::detail::socket_option::integer<IPPROTO_TCP, TCP_KEEPIDLE>(static_cast<int>(idle)),
                      ignored);
    socket.set_option(asio::detail::socket_option::integer<IPPROTO_TCP, TCP_KEEPINTVL>(6), ignored);
    socket.set_option(asio::detail::socket_option::integer<IPPROTO_TCP, TCP_KEEPCNT>(10), ignored);
#endif
}

tcp_route tcp_route::from(const connect_options& o) {
    tcp_route r;
    r.proxy_host     = o.https_proxy;
    r.proxy_port     = o.https_proxy_port != 0 ? o.https_proxy_port : 80;
    r.keepalive      = o.keepalive;
    r.expire_minutes = o.expire_time;
    return r;
}

std::error_code open_tcp(asio::io_context& ctx, asio::ip::tcp::socket& socket, const std::string& host,
                         std::uint16_t port, const tcp_route& route, deadline d, std::string& message) {
    if (route.proxy_host.empty()) {
        if (auto ec = connect_socket(ctx, socket, host, port, d, route.keepalive)) {
            message = "could not reach " + host + ":" + std::to_string(port);
            return ec;
        }
    } else {
        const std::string proxy = route.proxy_host + ":" + std::to_string(route.proxy_port);
        if (auto ec = connect_socket(ctx, socket, route.proxy_host, route.proxy_port, d, route.keepalive)) {
            message = "could not reach the HTTPS proxy " + proxy;
            return ec;
        }
        if (auto ec = open_proxy_tunnel(ctx, socket, proxy, host, port, d, message)) {
            std::error_code ignored;
            socket.close(ignored);
            return ec;
        }
    }
    set_keepalive(socket, route.keepalive, route.expire_minutes);
    return {};
}

bool looks_like_tls_alert(std::span<const std::uint8_t> b) noexcept {
    // A TNS packet starts with its length; 0x15 0x03 would be a 5379-byte
    // packet with a nonzero checksum, which no listener sends first.
    return b.size() >= 3 && b[0] == 0x15 && b[1] == 0x03 && b[2] <= 0x04;
}

void transport::interrupt_call() noexcept {
    asio::io_context* ctx = io_context();
    if (ctx == nullptr) return;
    const std::uint64_t gen = call_gen_.load();
    try {
        asio::post(*ctx, [this, gen] {
            if (gen != call_gen_.load()) return;  // that call is over
            if (reading_) {
                interrupted_ = true;
                cancel_read();
            } else {
                interrupt_pending_ = true;
            }
        });
    } catch (...) {
        // Out of memory: the call runs on.
    }
}

void transport::begin_call() noexcept {
    ++call_gen_;
    interrupt_pending_ = false;
    interrupted_       = false;
}

bool transport::begin_read() noexcept {
    if (interrupt_pending_) {
        interrupt_pending_ = false;
        return true;
    }
    reading_     = true;
    interrupted_ = false;
    return false;
}

void transport::end_read(std::size_t n, std::error_code& ec) noexcept {
    reading_ = false;
    if (!interrupted_) return;
    interrupted_ = false;
    if (n > 0 && !ec) {
        interrupt_pending_ = true;  // the bytes came first; the next read reports the cancel
        return;
    }
    if (!ec || ec == client_errc::connection_closed) return;  // the connection itself ended
    ec = client_errc::cancelled;
}

tcp_transport::tcp_transport() : socket_(ctx_) {}

void tcp_transport::cancel_read() noexcept {
    std::error_code ignored;
    socket_.cancel(ignored);
}

tcp_transport::~tcp_transport() { close(); }

std::error_code tcp_transport::run(bool& done, deadline d) {
    return run_until(ctx_, done, d, [this] {
        std::error_code ignored;
        socket_.cancel(ignored);
    });
}

std::error_code tcp_transport::connect(const std::string& host, std::uint16_t port, deadline d,
                                       bool keepalive) {
    close();
    first_read_ = true;
    return connect_socket(ctx_, socket_, host, port, d, keepalive);
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
    if (begin_read()) {
        ec = client_errc::cancelled;
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
        end_read(0, e);
        ec = e;
        return 0;
    }
    if (result) {
        ec = map_io_error(result);
        end_read(0, ec);
        return 0;
    }
    end_read(n, ec);
    if (n == 0) ec = client_errc::connection_closed;
    if (first_read_ && n > 0) {
        first_read_ = false;
        if (looks_like_tls_alert(buf.first(n))) {
            ec = client_errc::server_requires_tls;
            close();
            return 0;
        }
    }
    return n;
}

void tcp_transport::close() noexcept {
    std::error_code ignored;
    if (socket_.is_open()) {
        socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }
}

std::error_code open_transport(const std::string& host, std::uint16_t port, const connect_options& o,
                               deadline d, spdlog::logger& log, std::unique_ptr<transport>& out,
                               std::string& message) {
    message.clear();
    const std::string where = host + ":" + std::to_string(port);
    if (!o.use_tls) {
        if (!o.https_proxy.empty()) {
            // As python-oracledb: the proxy tunnels TLS only.
            message = "https_proxy " + o.https_proxy + " is set for " + where + ", which is not tcps";
            return client_errc::https_proxy_requires_tcps;
        }
        auto tcp = std::make_unique<tcp_transport>();
        if (auto ec = tcp->connect(host, port, d, o.keepalive)) {
            message = "could not reach " + where;
            return ec;
        }
        set_keepalive(tcp->stream(), o.keepalive, o.expire_time);
        out = std::move(tcp);
        return {};
    }
    auto tls = std::make_unique<tls_transport>(log);
    if (auto ec = tls->configure(o, message)) return ec;
    if (auto ec = tls->connect(host, port, d, tcp_route::from(o), message)) return ec;
    out = std::move(tls);
    return {};
}

}  // namespace oranet::detail
