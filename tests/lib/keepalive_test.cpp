// EXPIRE_TIME (issue 8): dead connection detection by TCP keepalive. With
// expire_time > 0 minutes the socket gets SO_KEEPALIVE, TCP_KEEPIDLE =
// expire_time * 60, TCP_KEEPINTVL = 6 and TCP_KEEPCNT = 10, the values
// python-oracledb thin sets (transport.pyx, set_from_socket). Checked with
// getsockopt on the transport's socket and, end to end, on the socket of a
// connection made from a descriptor or an Easy Connect string.
#include "../../lib/src/detail/transport.hpp"
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sys/socket.h>

using namespace oranet;
using namespace std::chrono_literals;

namespace {

struct keepalive_state {
    int on    = -1;
    int idle  = -1;
    int intvl = -1;
    int cnt   = -1;
};

keepalive_state read_keepalive(int fd) {
    keepalive_state s;
    socklen_t len = sizeof(int);
    REQUIRE(::getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &s.on, &len) == 0);
    REQUIRE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &s.idle, &len) == 0);
    REQUIRE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &s.intvl, &len) == 0);
    REQUIRE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &s.cnt, &len) == 0);
    return s;
}

// The client socket of this process connected to 127.0.0.1:port.
std::optional<int> socket_to(std::uint16_t port) {
    for (int fd = 3; fd < 4096; ++fd) {
        sockaddr_in peer{};
        socklen_t len = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) continue;
        if (peer.sin_family == AF_INET && ntohs(peer.sin_port) == port) return fd;
    }
    return std::nullopt;
}

std::shared_ptr<spdlog::logger> quiet() {
    return std::make_shared<spdlog::logger>("keepalive-test",
                                            std::make_shared<spdlog::sinks::null_sink_mt>());
}

keepalive_state open_with(const connect_options& o, std::uint16_t port) {
    asio::io_context ctx;
    asio::ip::tcp::acceptor acceptor(ctx, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    std::unique_ptr<detail::transport> t;
    std::string message;
    auto log = quiet();
    REQUIRE_FALSE(detail::open_transport("127.0.0.1", acceptor.local_endpoint().port(), o,
                                         detail::deadline_after(2s), *log, t, message));
    auto* tcp = dynamic_cast<detail::tcp_transport*>(t.get());
    REQUIRE(tcp != nullptr);
    return read_keepalive(tcp->stream().native_handle());
}

connection connect_checked(const connect_params& p) {
    std::error_code ec;
    diagnostics diag;
    connection c = connect(p, ec, diag);
    INFO(format_error(ec, diag));
    REQUIRE_FALSE(ec);
    return c;
}

}  // namespace

TEST_CASE("keepalive: expire_time sets idle, interval and count on the transport's socket") {
    connect_options o;
    o.expire_time = 2;
    const auto s  = open_with(o, 0);
    CHECK(s.on != 0);
    CHECK(s.idle == 120);
    CHECK(s.intvl == 6);
    CHECK(s.cnt == 10);
}

TEST_CASE("keepalive: without expire_time the keepalive option alone decides, timings untouched") {
    connect_options o;
    const auto def = open_with(o, 0);
    CHECK(def.on != 0);  // keepalive defaults to on
    CHECK(def.idle != 120);
    o.keepalive    = false;
    const auto off = open_with(o, 0);
    CHECK(off.on == 0);
    o.expire_time = 1;  // expire_time turns it on regardless
    const auto on = open_with(o, 0);
    CHECK(on.on != 0);
    CHECK(on.idle == 60);
}

TEST_CASE("keepalive: a huge expire_time is capped at the kernel's limit") {
    connect_options o;
    o.expire_time = 100000;
    const auto s  = open_with(o, 0);
    CHECK(s.on != 0);
    CHECK(s.idle > 0);
    CHECK(s.idle <= 32767);
}

TEST_CASE("keepalive: (EXPIRE_TIME=2) in a descriptor reaches the connection's socket") {
    ORANET_REQUIRE_EMULATOR(emu);
    connect_params p = emu.params();
    p.connect_string = "(DESCRIPTION=(EXPIRE_TIME=2)(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=" +
                       std::to_string(emu.port()) + "))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))";
    connection c  = connect_checked(p);
    const auto fd = socket_to(emu.port());
    REQUIRE(fd);
    const auto s = read_keepalive(*fd);
    CHECK(s.on != 0);
    CHECK(s.idle == 120);
    CHECK(s.intvl == 6);
    CHECK(s.cnt == 10);
    c.close();
}

TEST_CASE("keepalive: Easy Connect ?expire_time=2 reaches the connection's socket") {
    ORANET_REQUIRE_EMULATOR(emu);
    connect_params p = emu.params();
    p.connect_string = emu.address() + "?expire_time=2";
    connection c     = connect_checked(p);
    const auto fd    = socket_to(emu.port());
    REQUIRE(fd);
    const auto s = read_keepalive(*fd);
    CHECK(s.on != 0);
    CHECK(s.idle == 120);
    CHECK(s.cnt == 10);
    c.close();
}

TEST_CASE("keepalive: without EXPIRE_TIME a connection keeps the system's idle time") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection c  = connect_checked(emu.params());
    const auto fd = socket_to(emu.port());
    REQUIRE(fd);
    CHECK(read_keepalive(*fd).idle != 120);
    c.close();
}
