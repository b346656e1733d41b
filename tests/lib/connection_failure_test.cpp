// The connection's bounds without a database: a listener that accepts and
// never answers makes connect fail with timeout within the connect timeout;
// a peer that closes mid-connect is connection_closed; bad arguments fail
// before any I/O.
#include <oranet/oranet.hpp>

#include <asio/ip/tcp.hpp>
#include <catch2/catch.hpp>

#include <thread>

using namespace std::chrono_literals;
using namespace oranet;

namespace {

struct silent_listener {
    asio::io_context ctx;
    asio::ip::tcp::acceptor acceptor{ctx, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    [[nodiscard]] std::string address() const {
        return "127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) + "/svc";
    }
};

connect_params params_for(const std::string& address) {
    connect_params p;
    p.user           = "scott";
    p.password       = "tiger";
    p.connect_string = address;
    return p;
}

}  // namespace

TEST_CASE("connection: connect timeout bounds a server that never answers") {
    silent_listener l;  // the kernel completes the TCP handshake; nobody reads
    auto p                    = params_for(l.address());
    p.options.connect_timeout = 300ms;
    std::error_code ec;
    diagnostics diag;
    const auto start = std::chrono::steady_clock::now();
    connection c     = connect(p, ec, diag);
    const auto took  = std::chrono::steady_clock::now() - start;
    CHECK(ec == client_errc::timeout);
    CHECK(took >= 250ms);
    CHECK(took < 5s);
    CHECK_FALSE(c.is_open());
    CHECK(c.is_dead());
}

TEST_CASE("connection: a server that closes mid-connect is connection_closed") {
    silent_listener l;
    std::thread t([&] {
        asio::ip::tcp::socket s(l.ctx);
        l.acceptor.accept(s);
        std::array<char, 512> buf{};
        std::error_code ignored;
        (void)s.read_some(asio::buffer(buf), ignored);  // the CONNECT
    });                                                 // closed here
    std::error_code ec;
    diagnostics diag;
    connection c = connect(params_for(l.address()), ec, diag);
    t.join();
    CHECK(ec == client_errc::connection_closed);
    CHECK(is_fatal(ec));
    CHECK(c.is_dead());
    // Calls on a dead connection fail at once.
    c.ping(ec, diag);
    CHECK(ec == client_errc::session_dead);
}

TEST_CASE("connection: an invalid connect string fails before any I/O") {
    std::error_code ec;
    diagnostics diag;
    (void)connect(params_for("host:99999/x"), ec, diag);
    CHECK(ec == client_errc::connect_string_invalid);
    CHECK_THROWS_AS(connect(params_for("")), oranet::error);
}

TEST_CASE("connection: calls before connect report not_connected") {
    connection c;
    std::error_code ec;
    diagnostics diag;
    c.ping(ec, diag);
    CHECK(ec == client_errc::not_connected);
    cursor cur = c.cursor();
    cur.execute("select 1 from dual", std::vector<value>{}, ec, diag);
    CHECK(ec == client_errc::not_connected);
}
