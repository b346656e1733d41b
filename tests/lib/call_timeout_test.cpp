// The call timeout at the API level when the server never answers: a proxy
// between the client and `oranet emulate` stops passing the server's bytes
// after login. The call runs out of time, the client breaks it off (an
// INTERRUPT marker) and waits the break's grace period (5 s) for the
// server's BREAK / RESET, which never come: the call fails with
// client_errc::timeout and the connection is dead. (A server that answers
// the break leaves the connection usable: cancel_test.cpp.) Without a call
// timeout the same stall would hang: the default is off, as in Oracle's own
// clients.
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace std::chrono_literals;
using namespace oranet;

namespace {

// Forwards one connection both ways; while `stall` is set it swallows what
// the server sends.
class stalling_proxy {
public:
    explicit stalling_proxy(std::uint16_t server_port) : server_port_(server_port) {
        main_ = std::thread([this] { serve(); });
    }
    ~stalling_proxy() {
        // shutdown() wakes the pump threads blocked in read_some; close() alone would not.
        std::error_code ignored;
        acceptor_.close(ignored);
        client_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        server_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        if (main_.joinable()) main_.join();
        if (up_.joinable()) up_.join();
        if (down_.joinable()) down_.join();
        client_.close(ignored);
        server_.close(ignored);
    }
    [[nodiscard]] std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    std::atomic<bool> stall{false};

private:
    void serve() {
        std::error_code ec;
        acceptor_.accept(client_, ec);
        if (ec) return;
        server_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_port_), ec);
        if (ec) return;
        up_   = std::thread([this] { pump(client_, server_, false); });
        down_ = std::thread([this] { pump(server_, client_, true); });
    }
    void pump(asio::ip::tcp::socket& from, asio::ip::tcp::socket& to, bool from_server) {
        std::array<std::uint8_t, 65536> buf{};
        for (;;) {
            std::error_code ec;
            const std::size_t n = from.read_some(asio::buffer(buf), ec);
            if (ec) break;
            if (from_server && stall.load()) continue;
            asio::write(to, asio::buffer(buf.data(), n), ec);
            if (ec) break;
        }
    }

    std::uint16_t server_port_;
    asio::io_context ctx_;
    asio::ip::tcp::acceptor acceptor_{ctx_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    asio::ip::tcp::socket client_{ctx_};
    asio::ip::tcp::socket server_{ctx_};
    std::thread main_, up_, down_;
};

}  // namespace

TEST_CASE("call timeout: a stalled server fails the call within its bound and kills the connection") {
    ORANET_REQUIRE_EMULATOR(emu);
    stalling_proxy proxy(emu.port());
    auto p                 = emu.params();
    p.connect_string       = "127.0.0.1:" + std::to_string(proxy.port()) + "/FREEPDB1";
    p.options.call_timeout = 0ms;
    connection conn        = connect(p);
    conn.ping();
    proxy.stall = true;
    conn.set_call_timeout(300ms);
    std::error_code ec;
    diagnostics diag;
    const auto start = std::chrono::steady_clock::now();
    conn.ping(ec, diag);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(ec == client_errc::timeout);
    CHECK(took >= 5s);  // the call timeout, then the break's grace period
    CHECK(took < 9s);
    CHECK(conn.is_dead());
    conn.ping(ec, diag);
    CHECK(ec == client_errc::session_dead);
}

TEST_CASE("call timeout: a cursor's own call timeout applies to its calls") {
    ORANET_REQUIRE_EMULATOR(emu);
    stalling_proxy proxy(emu.port());
    auto p                 = emu.params();
    p.connect_string       = "127.0.0.1:" + std::to_string(proxy.port()) + "/FREEPDB1";
    p.options.call_timeout = 0ms;
    connection conn        = connect(p);
    cursor cur             = conn.cursor();
    cur.set_call_timeout(200ms);
    proxy.stall = true;
    std::error_code ec;
    diagnostics diag;
    cur.execute("select 1 from dual", std::vector<value>{}, ec, diag);
    CHECK(ec == client_errc::timeout);
    CHECK(conn.is_dead());
}
