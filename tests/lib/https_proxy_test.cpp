// HTTPS proxy tunnelling (issue 8): TCPS through an HTTP CONNECT proxy that
// the test runs itself (connect_proxy.hpp) to `oranet emulate --tls`.
// Certificates are made at test time by the openssl command; no key is
// committed. Facts pinned: the request is "CONNECT host:port HTTP/1.0" for
// the database's address (python-oracledb thin, protocol.pyx); a status
// other than 2xx fails with the proxy's status line; a proxy is refused
// for plain tcp (python-oracledb: "https_proxy requires use of the tcps
// protocol"); the certificate is checked against the database's host, not
// the proxy's.
#include "../../lib/src/detail/http_proxy.hpp"
#include "connect_proxy.hpp"
#include "emulator_process.hpp"
#include "test_pki.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace oranet;
using namespace std::chrono_literals;
using oranet::test::connect_proxy;
namespace fs = std::filesystem;

namespace {

// A CA; "server.pem" names localhost and 127.0.0.1, "named.pem" localhost only.
const test::test_pki& pki() {
    const std::string k = test::test_pki::key_opts;
    static const test::test_pki p(
        "hproxy-test", {},
        {{"server.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"},
         {"named.ext", "subjectAltName=DNS:localhost\n"}},
        {
            "openssl req -x509" + k + "-keyout ca.key -out ca.pem -days 2 -subj '/CN=oranet proxy test CA'",
            "openssl req" + k + "-keyout server.key -out server.csr -subj '/CN=localhost'",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
            "-extfile server.ext -out server.pem",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
            "-extfile named.ext -out named.pem",
        });
    return p;
}

std::vector<std::string> tls_args(const char* cert) {
    return {"--tls", pki().at(cert), pki().at("server.key")};
}

std::string proxy_query(const connect_proxy& proxy, const char* proxy_host = "127.0.0.1") {
    return std::string("?https_proxy=") + proxy_host + "&https_proxy_port=" + std::to_string(proxy.port());
}

connect_params tcps_params(const test::emulator_process& emu, const std::string& tail,
                           const std::string& host = "127.0.0.1") {
    connect_params p          = emu.params();
    p.connect_string          = "tcps://" + host + ":" + std::to_string(emu.port()) + "/FREEPDB1" + tail;
    p.options.ca_file         = pki().at("ca.pem");
    p.options.connect_timeout = 10s;
    return p;
}

struct outcome {
    std::error_code ec;
    diagnostics diag;
    [[nodiscard]] std::string text() const { return ec ? format_error(ec, diag) : std::string("ok"); }
};

outcome try_query(const connect_params& p) {
    outcome o;
    connection c = connect(p, o.ec, o.diag);
    if (!o.ec) {
        cursor cur = c.cursor();
        cur.execute("select 6 * 7, 'proxied' from dual");
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == 42);
        CHECK(row->get<std::string>(1) == "proxied");
        c.close();
    }
    return o;
}

}  // namespace

TEST_CASE("https proxy: the CONNECT request names the database's host and port") {
    CHECK(detail::proxy_connect_request("db.example", 2484) ==
          "CONNECT db.example:2484 HTTP/1.0\r\nHost: db.example:2484\r\n\r\n");
    CHECK(detail::proxy_connect_request("::1", 1522) ==
          "CONNECT [::1]:1522 HTTP/1.0\r\nHost: [::1]:1522\r\n\r\n");
}

TEST_CASE("https proxy: reply head end and status line") {
    CHECK(detail::proxy_reply_end("HTTP/1.1 200 OK\r\n") == std::string_view::npos);
    CHECK(detail::proxy_reply_end("HTTP/1.1 200 OK\r\n\r\n") == 19);
    CHECK(detail::proxy_reply_end("HTTP/1.0 200 OK\r\nVia: x\r\n\r\nTLS") == 27);
    CHECK(detail::proxy_reply_end("HTTP/1.0 200 OK\n\n") == 17);

    detail::proxy_reply r;
    REQUIRE(detail::parse_proxy_reply("HTTP/1.1 200 Connection established\r\n\r\n", r));
    CHECK(r.status == 200);
    CHECK(r.status_line == "HTTP/1.1 200 Connection established");
    REQUIRE(detail::parse_proxy_reply("HTTP/1.0 403\r\n\r\n", r));
    CHECK(r.status == 403);
    REQUIRE(detail::parse_proxy_reply("HTTP/1.1  407 Proxy Authentication Required\r\n", r));
    CHECK(r.status == 407);
    CHECK_FALSE(detail::parse_proxy_reply("SSH-2.0-OpenSSH\r\n\r\n", r));
    CHECK(r.status_line == "SSH-2.0-OpenSSH");
    CHECK_FALSE(detail::parse_proxy_reply("HTTP/2 200\r\n\r\n", r));
    CHECK_FALSE(detail::parse_proxy_reply("HTTP/1.1 2000 x\r\n\r\n", r));
    CHECK_FALSE(detail::parse_proxy_reply("HTTP/1.1 20\r\n\r\n", r));
    CHECK_FALSE(detail::parse_proxy_reply("HTTP/1.1 abc\r\n\r\n", r));
    CHECK_FALSE(detail::parse_proxy_reply("", r));
    // Control bytes never reach a message.
    CHECK_FALSE(detail::parse_proxy_reply(std::string_view("\x01\x02\x1b[2J", 6), r));
    CHECK(r.status_line == "???[2J");
}

TEST_CASE("https proxy: TLS login and query through a CONNECT proxy") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    connect_proxy proxy(connect_proxy::mode::forward);
    const std::string target = "CONNECT 127.0.0.1:" + std::to_string(emu.port()) + " HTTP/1.0";
    SECTION("Easy Connect ?https_proxy=&https_proxy_port=") {
        CHECK(try_query(tcps_params(emu, proxy_query(proxy))).text() == "ok");
    }
    SECTION("descriptor (HTTPS_PROXY=)(HTTPS_PROXY_PORT=)") {
        auto p = tcps_params(emu, "");
        p.connect_string =
            "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCPS)(HOST=127.0.0.1)(PORT=" + std::to_string(emu.port()) +
            ")(HTTPS_PROXY=127.0.0.1)(HTTPS_PROXY_PORT=" + std::to_string(proxy.port()) +
            "))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))";
        CHECK(try_query(p).text() == "ok");
    }
    SECTION("connect_options::https_proxy") {
        auto p                     = tcps_params(emu, "");
        p.options.https_proxy      = "127.0.0.1";
        p.options.https_proxy_port = proxy.port();
        CHECK(try_query(p).text() == "ok");
    }
    const auto seen = proxy.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == target);
    CHECK(proxy.relayed() > 1000);  // the TLS handshake and the session went through it
}

TEST_CASE("https proxy: the certificate is checked against the database's host, not the proxy's") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("named.pem"));  // DNS:localhost only
    connect_proxy proxy(connect_proxy::mode::forward);
    SECTION("database localhost through proxy 127.0.0.1: accepted") {
        CHECK(try_query(tcps_params(emu, proxy_query(proxy), "localhost")).text() == "ok");
        REQUIRE(proxy.requests().size() == 1);
        CHECK(proxy.requests()[0] == "CONNECT localhost:" + std::to_string(emu.port()) + " HTTP/1.0");
    }
    SECTION("database 127.0.0.1 through proxy localhost: refused") {
        const auto o = try_query(tcps_params(emu, proxy_query(proxy, "localhost")));
        CHECK(o.ec == client_errc::tls_certificate_rejected);
        CHECK(proxy.requests().size() == 1);
    }
}

TEST_CASE("https proxy: a proxy answering 403 fails with its status line") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    connect_proxy proxy(connect_proxy::mode::refuse);
    const auto o = try_query(tcps_params(emu, proxy_query(proxy)));
    CHECK(o.ec == client_errc::proxy_connect_failed);
    CHECK_THAT(o.text(), Catch::Contains("HTTP/1.1 403 Forbidden"));
    CHECK_THAT(o.text(), Catch::Contains("127.0.0.1:" + std::to_string(proxy.port())));
    CHECK(proxy.requests().size() == 1);
}

TEST_CASE("https proxy: a proxy that never answers times out within connect_timeout") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    connect_proxy proxy(connect_proxy::mode::silent);
    auto p                    = tcps_params(emu, proxy_query(proxy));
    p.options.connect_timeout = 1500ms;
    const auto t0             = std::chrono::steady_clock::now();
    const auto o              = try_query(p);
    const auto took           = std::chrono::steady_clock::now() - t0;
    CHECK(o.ec == client_errc::timeout);
    CHECK_THAT(o.text(), Catch::Contains("did not answer the CONNECT"));
    CHECK(took >= 1400ms);
    CHECK(took < 4s);
    CHECK(proxy.requests().size() == 1);
}

TEST_CASE("https proxy: a proxy nobody listens on fails naming the proxy") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    std::uint16_t closed_port = 0;
    {
        connect_proxy gone(connect_proxy::mode::refuse);
        closed_port = gone.port();
    }
    const auto o =
        try_query(tcps_params(emu, "?https_proxy=127.0.0.1&https_proxy_port=" + std::to_string(closed_port)));
    CHECK(o.ec == client_errc::connect_failed);
    CHECK_THAT(o.text(), Catch::Contains("HTTPS proxy 127.0.0.1:" + std::to_string(closed_port)));
}

TEST_CASE("https proxy: with plain tcp the proxy is refused, as python-oracledb does") {
    ORANET_REQUIRE_EMULATOR(emu);
    connect_proxy proxy(connect_proxy::mode::forward);
    connect_params p = emu.params();
    p.connect_string = emu.address() + proxy_query(proxy);
    const auto o     = try_query(p);
    CHECK(o.ec == client_errc::https_proxy_requires_tcps);
    CHECK(proxy.requests().empty());
}
