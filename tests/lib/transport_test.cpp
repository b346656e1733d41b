// The TCP transport's bounds: a peer that accepts and never answers makes a
// read time out at its deadline; a peer that closes is noticed as
// connection_closed; nobody listening is connect_failed.
#include "../../lib/src/detail/transport.hpp"

#include <asio/ip/tcp.hpp>
#include <asio/read.hpp>
#include <asio/write.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <thread>

using namespace std::chrono_literals;
using oranet::client_errc;
using oranet::detail::deadline_after;
using oranet::detail::steady;
using oranet::detail::tcp_transport;

namespace {

struct local_listener {
    asio::io_context ctx;
    asio::ip::tcp::acceptor acceptor{ctx, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    [[nodiscard]] std::uint16_t port() const { return acceptor.local_endpoint().port(); }
};

}  // namespace

TEST_CASE("transport: a read from a silent peer times out at the deadline") {
    local_listener l;
    tcp_transport t;
    REQUIRE_FALSE(t.connect("127.0.0.1", l.port(), deadline_after(2s)));
    asio::ip::tcp::socket peer(l.ctx);
    l.acceptor.accept(peer);  // accepted, never answers

    std::array<std::uint8_t, 16> buf{};
    std::error_code ec;
    const auto start = steady::now();
    CHECK(t.read_some(buf, deadline_after(200ms), ec) == 0);
    const auto took = steady::now() - start;
    CHECK(ec == client_errc::timeout);
    CHECK(took >= 190ms);
    CHECK(took < 2s);
    // The transport stays usable: the cancelled read left nothing behind.
    const std::array<std::uint8_t, 3> hello{1, 2, 3};
    CHECK_FALSE(t.write(hello, deadline_after(1s)));
    std::array<std::uint8_t, 3> got{};
    asio::read(peer, asio::buffer(got));
    CHECK(got == hello);
}

TEST_CASE("transport: a peer that closes is noticed as connection_closed") {
    local_listener l;
    tcp_transport t;
    REQUIRE_FALSE(t.connect("127.0.0.1", l.port(), deadline_after(2s)));
    {
        asio::ip::tcp::socket peer(l.ctx);
        l.acceptor.accept(peer);
        const std::array<std::uint8_t, 2> two{7, 8};
        asio::write(peer, asio::buffer(two));
    }  // closed
    std::array<std::uint8_t, 16> buf{};
    std::error_code ec;
    CHECK(t.read_some(buf, deadline_after(2s), ec) == 2);
    CHECK_FALSE(ec);
    CHECK(t.read_some(buf, deadline_after(2s), ec) == 0);
    CHECK(ec == client_errc::connection_closed);
    // Unbounded reads notice it too.
    CHECK(t.read_some(buf, oranet::detail::deadline::max(), ec) == 0);
    CHECK(ec == client_errc::connection_closed);
}

TEST_CASE("transport: nobody listening is connect_failed") {
    std::uint16_t port = 0;
    {
        local_listener l;
        port = l.port();
    }
    tcp_transport t;
    CHECK(t.connect("127.0.0.1", port, deadline_after(2s)) == client_errc::connect_failed);
    CHECK_FALSE(t.is_open());
}

TEST_CASE("transport: writes to a closed transport fail cleanly") {
    tcp_transport t;
    const std::array<std::uint8_t, 1> b{0};
    CHECK(t.write(b, deadline_after(1s)) == client_errc::connection_closed);
}
