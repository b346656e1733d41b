// Listener REDIRECT end to end (issue 8): `oranet emulate --redirect-to`
// answers every CONNECT with a REDIRECT (the data in the DATA packet after
// it, as real listeners send it) and connection::connect follows it to the
// target, where the login and the calls happen; listeners that redirect to
// each other end with tns_redirect_loop after max_redirect_hops, quickly.
#include "../../lib/src/detail/connector.hpp"
#include "emulator_process.hpp"

#include <oranet/oranet.hpp>

#include <asio.hpp>

#include <chrono>

using namespace oranet;

namespace {

// A loopback port nobody listens on right now (for a listener started later).
std::uint16_t free_port() {
    asio::io_context io;
    asio::ip::tcp::acceptor a(io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return a.local_endpoint().port();
}

std::string redirect_arg(std::uint16_t port) { return "127.0.0.1:" + std::to_string(port); }

}  // namespace

TEST_CASE("redirect: connect follows the listener's redirect and logs in to the target") {
    ORANET_REQUIRE_EMULATOR(target);
    ORANET_REQUIRE_EMULATOR(listener, {"--redirect-to", redirect_arg(target.port())});

    // A row only the target's database has.
    {
        connection direct = connect(target.params());
        cursor cur        = direct.cursor();
        cur.execute("create table redirect_mark (n number, s varchar2(20))");
        cur.execute("insert into redirect_mark values (7, 'target')");
        direct.commit();
    }

    for (const std::string& cs :
         {listener.address(),
          "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT=" + std::to_string(listener.port()) +
              "))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))"}) {
        INFO(cs);
        auto p           = listener.params();
        p.connect_string = cs;
        connection c;
        std::error_code ec;
        diagnostics diag;
        c.connect(p, ec, diag);
        INFO(diag.client_message);
        REQUIRE_FALSE(ec);
        cursor cur = c.cursor();
        cur.execute("select n, s from redirect_mark");
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == 7);
        CHECK(row->get<std::string>(1) == "target");
        c.close();
    }
}

TEST_CASE("redirect: a wrong password at the target is the target's answer") {
    ORANET_REQUIRE_EMULATOR(target);
    ORANET_REQUIRE_EMULATOR(listener, {"--redirect-to", redirect_arg(target.port())});
    auto p = listener.params("demo", "wrong");
    connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(p, ec, diag);
    CHECK(ec == ora_error(1017));
}

TEST_CASE("redirect: two listeners redirecting to each other end with tns_redirect_loop, quickly") {
    const std::uint16_t b_port = free_port();
    ORANET_REQUIRE_EMULATOR(a, {"--redirect-to", redirect_arg(b_port)});
    ORANET_REQUIRE_EMULATOR(b, {"--listen", redirect_arg(b_port), "--redirect-to", redirect_arg(a.port())});
    REQUIRE(b.port() == b_port);
    auto p = a.params();
    connection c;
    std::error_code ec;
    diagnostics diag;
    const auto start = std::chrono::steady_clock::now();
    c.connect(p, ec, diag);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(ec == client_errc::tns_redirect_loop);
    CHECK_FALSE(c.is_open());
    CHECK(took < std::chrono::seconds(5));
    CHECK_THAT(diag.client_message, Catch::Contains("more than " + std::to_string(detail::max_redirect_hops) +
                                                    " listener redirects"));
}

TEST_CASE("redirect: a listener redirecting to itself is a loop too") {
    const std::uint16_t port = free_port();
    ORANET_REQUIRE_EMULATOR(self, {"--listen", redirect_arg(port), "--redirect-to", redirect_arg(port)});
    REQUIRE(self.port() == port);
    connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(self.params(), ec, diag);
    CHECK(ec == client_errc::tns_redirect_loop);
}

TEST_CASE("redirect: a redirect to an address where nobody listens fails there") {
    const std::uint16_t nobody = free_port();
    ORANET_REQUIRE_EMULATOR(listener, {"--redirect-to", redirect_arg(nobody)});
    auto p = listener.params();
    connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(p, ec, diag);
    CHECK(ec);
    CHECK(ec != client_errc::tns_redirect);
    CHECK(ec != client_errc::tns_redirect_loop);
    CHECK_FALSE(c.is_open());
}
