// TCPS against `oranet emulate --tls`: certificates are made at test time by
// the openssl command in a temporary directory (a CA, server certificates
// for 127.0.0.1/localhost, an expired one, one for another name, one from
// another CA, a client certificate and PEM wallets); no key is committed.
// Each refusal names its reason as OpenSSL's verifier states it.
#include "../../lib/src/detail/tls_transport.hpp"
#include "emulator_process.hpp"
#include "test_pki.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace oranet;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr const char* wallet_secret = "Wallet-Secret-7Q";

// The test PKI, made once per run.
const test::test_pki& pki() {
    const std::string k = test::test_pki::key_opts;
    static const test::test_pki p(
        "tls-test", {"wallet", "wallet_ca", "wallet_empty", "wallet_enc"},
        {{"server.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"},
         {"dbex.ext", "subjectAltName=DNS:db.example\n"},
         {"client.ext", "extendedKeyUsage=clientAuth\n"}},
        {
            "openssl req -x509" + k + "-keyout ca.key -out ca.pem -days 30 -subj '/CN=oranet test CA'",
            "openssl req -x509" + k + "-keyout other_ca.key -out other_ca.pem -days 30 -subj '/CN=other CA'",
            "openssl req" + k + "-keyout server.key -out server.csr -subj '/CN=localhost/O=oranet tests'",
            "openssl req" + k + "-keyout dbex.key -out dbex.csr -subj '/CN=db.example/O=oranet tests'",
            "openssl req" + k + "-keyout client.key -out client.csr -subj '/CN=oranet client'",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 "
            "-extfile server.ext -out server.pem",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days -1 "
            "-extfile server.ext -out expired.pem",
            "openssl x509 -req -in server.csr -CA other_ca.pem -CAkey other_ca.key -CAcreateserial -days 30 "
            "-extfile server.ext -out other.pem",
            "openssl x509 -req -in dbex.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 "
            "-extfile dbex.ext -out dbex.pem",
            "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 "
            "-extfile client.ext -out client.pem",
            "cat client.pem client.key ca.pem > wallet/ewallet.pem",
            "cat ca.pem > wallet_ca/ewallet.pem",
            "openssl pkcs8 -topk8 -in client.key -out client_enc.key -passout pass:" +
                std::string(wallet_secret),
            "cat client.pem client_enc.key ca.pem > wallet_enc/ewallet.pem",
        });
    return p;
}

std::vector<std::string> tls_args(const char* cert, const char* key = "server.key") {
    return {"--tls", pki().at(cert), pki().at(key)};
}

connect_params tcps_params(const test::emulator_process& emu, const std::string& host = "127.0.0.1") {
    connect_params p          = emu.params();
    p.connect_string          = "tcps://" + host + ":" + std::to_string(emu.port()) + "/FREEPDB1";
    p.options.ca_file         = pki().at("ca.pem");
    p.options.connect_timeout = 10s;
    return p;
}

struct outcome {
    std::error_code ec;
    diagnostics diag;
    [[nodiscard]] std::string text() const { return ec ? format_error(ec, diag) : std::string("ok"); }
};

outcome try_connect(const connect_params& p) {
    outcome o;
    connection c = connect(p, o.ec, o.diag);
    if (!o.ec) {
        cursor cur = c.cursor();
        cur.execute("select 6 * 7, 'tls' from dual");
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == 42);
        CHECK(row->get<std::string>(1) == "tls");
        c.close();
    }
    return o;
}

}  // namespace

TEST_CASE("tls: tcps:// in an Easy Connect string turns TLS on") {
    easy_connect e;
    REQUIRE_FALSE(parse_easy_connect("tcps://db.example:2484/svc", e));
    CHECK(e == easy_connect{"db.example", 2484, "svc", true});
    REQUIRE_FALSE(parse_easy_connect("TCPS://127.0.0.1/svc", e));
    CHECK(e.use_tls);
    REQUIRE_FALSE(parse_easy_connect("tcp://h:1600/s", e));
    CHECK(e == easy_connect{"h", 1600, "s", false});
    CHECK(parse_easy_connect("tcps://", e) == client_errc::connect_string_invalid);
}

TEST_CASE("tls: ssl_server_cert_dn compares attributes in any order with spacing and key case free") {
    std::vector<std::pair<std::string, std::string>> a, b;
    REQUIRE(detail::parse_dn("CN=db.example, O=oranet tests", a));
    REQUIRE(detail::parse_dn("o = oranet tests,cn=db.example", b));
    CHECK(detail::same_dn(a, b));
    REQUIRE(detail::parse_dn("CN=db.example", b));
    CHECK_FALSE(detail::same_dn(a, b));
    CHECK_FALSE(detail::parse_dn("CN", b));
    CHECK_FALSE(detail::parse_dn("=x", b));
    CHECK_FALSE(detail::parse_dn("", b));
}

TEST_CASE("tls: login and query with verification on (CA file or PEM wallet or host name or use_tls)") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    SECTION("ca_file, by address") {
        const auto o = try_connect(tcps_params(emu));
        CHECK(o.text() == "ok");
    }
    SECTION("ca_file, by host name (SNI sent, SAN DNS:localhost)") {
        const auto o = try_connect(tcps_params(emu, "localhost"));
        CHECK(o.text() == "ok");
    }
    SECTION("wallet with the CA certificate only") {
        auto p                    = tcps_params(emu);
        p.options.ca_file         = "";
        p.options.wallet_location = pki().at("wallet_ca");
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("use_tls with a plain connect string") {
        auto p            = tcps_params(emu);
        p.connect_string  = emu.address();
        p.options.use_tls = true;
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("ssl_server_cert_dn instead of the host name") {
        auto p                   = tcps_params(emu);
        p.options.server_cert_dn = "O=oranet tests, CN=localhost";
        CHECK(try_connect(p).text() == "ok");
    }
}

TEST_CASE("tls: a certificate from another CA is refused") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("other.pem"));
    const auto o = try_connect(tcps_params(emu));
    CHECK(o.ec == client_errc::tls_certificate_rejected);
    CHECK_THAT(o.diag.client_message, Catch::Contains("unable to get local issuer certificate"));
}

TEST_CASE("tls: a certificate for another name is refused") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("dbex.pem", "dbex.key"));
    SECTION("by address") {
        const auto o = try_connect(tcps_params(emu));
        CHECK(o.ec == client_errc::tls_certificate_rejected);
        CHECK_THAT(o.diag.client_message, Catch::Contains("IP address mismatch"));
    }
    SECTION("by host name") {
        const auto o = try_connect(tcps_params(emu, "localhost"));
        CHECK(o.ec == client_errc::tls_certificate_rejected);
        CHECK_THAT(o.diag.client_message, Catch::Contains("hostname mismatch"));
    }
    SECTION("a DN that is not the certificate's") {
        auto p                   = tcps_params(emu);
        p.options.server_cert_dn = "CN=db.other,O=oranet tests";
        const auto o             = try_connect(p);
        CHECK(o.ec == client_errc::tls_certificate_rejected);
        CHECK_THAT(o.diag.client_message, Catch::Contains("does not match ssl_server_cert_dn"));
        CHECK_THAT(o.diag.client_message, Catch::Contains("CN=db.example"));
    }
    SECTION("the certificate's DN given: accepted by address") {
        auto p                   = tcps_params(emu);
        p.options.server_cert_dn = "CN=db.example,O=oranet tests";
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("name matching off") {
        auto p                    = tcps_params(emu);
        p.options.server_dn_match = false;
        CHECK(try_connect(p).text() == "ok");
    }
}

TEST_CASE("tls: connect-string security parameters reach the TLS transport") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("dbex.pem", "dbex.key"));
    const std::string base = "tcps://127.0.0.1:" + std::to_string(emu.port()) + "/FREEPDB1";
    auto p                 = tcps_params(emu);
    SECTION("ssl_server_cert_dn") {
        p.connect_string = base + "?ssl_server_cert_dn=\"CN=db.example,O=oranet tests\"";
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("ssl_server_dn_match=off") {
        p.connect_string = base + "?ssl_server_dn_match=off";
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("wallet_location, and the host name checked by default") {
        p.options.ca_file = "";
        p.connect_string  = base + "?wallet_location=" + pki().at("wallet_ca");
        const auto o      = try_connect(p);
        CHECK(o.ec == client_errc::tls_certificate_rejected);
        CHECK_THAT(o.diag.client_message, Catch::Contains("IP address mismatch"));
    }
    SECTION("a descriptor with PROTOCOL=TCPS and SECURITY") {
        p.connect_string =
            "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCPS)(HOST=127.0.0.1)(PORT=" + std::to_string(emu.port()) +
            "))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1))(SECURITY=(SSL_SERVER_CERT_DN=\"CN=db.example,"
            "O=oranet tests\")))";
        CHECK(try_connect(p).text() == "ok");
    }
}

TEST_CASE("tls: an expired certificate is refused") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("expired.pem"));
    const auto o = try_connect(tcps_params(emu));
    CHECK(o.ec == client_errc::tls_certificate_rejected);
    CHECK_THAT(o.diag.client_message, Catch::Contains("certificate has expired"));
}

TEST_CASE("tls: mutual TLS with the wallet's client certificate and none is refused") {
    ORANET_REQUIRE_PKI();
    auto args = tls_args("server.pem");
    args.push_back("--tls-ca");
    args.push_back(pki().at("ca.pem"));
    ORANET_REQUIRE_EMULATOR(emu, args);
    SECTION("wallet with key, certificate and CA") {
        auto p                    = tcps_params(emu);
        p.options.ca_file         = "";
        p.options.wallet_location = pki().at("wallet");
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("no client certificate") {
        const auto start = std::chrono::steady_clock::now();
        const auto o     = try_connect(tcps_params(emu));
        CHECK(o.ec == client_errc::tls_handshake_failed);
        CHECK(std::chrono::steady_clock::now() - start < 5s);
    }
}

TEST_CASE("tls: an encrypted wallet key opens with wallet_password which is never logged") {
    ORANET_REQUIRE_PKI();
    auto args = tls_args("server.pem");
    args.push_back("--tls-ca");
    args.push_back(pki().at("ca.pem"));
    ORANET_REQUIRE_EMULATOR(emu, args);
    std::ostringstream out;
    auto sink   = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    auto logger = std::make_shared<spdlog::logger>("tls-test", sink);
    logger->set_level(spdlog::level::trace);
    auto p                    = tcps_params(emu);
    p.options.ca_file         = "";
    p.options.wallet_location = pki().at("wallet_enc");
    p.options.logger          = logger;
    SECTION("with the password") {
        p.options.wallet_password = wallet_secret;
        CHECK(try_connect(p).text() == "ok");
    }
    SECTION("without it") {
        const auto o = try_connect(p);
        CHECK(o.ec == client_errc::tls_config_invalid);
        CHECK_THAT(o.diag.client_message, Catch::Contains("wallet_password"));
    }
    SECTION("with a wrong one") {
        p.options.wallet_password = "not-the-password";
        const auto o              = try_connect(p);
        CHECK(o.ec == client_errc::tls_config_invalid);
        CHECK_THAT(o.text(), !Catch::Contains("not-the-password"));
    }
    logger->flush();
    CHECK_THAT(out.str(), !Catch::Contains(wallet_secret));
}

TEST_CASE("tls: a TLS alert as the first bytes of a plain connection is recognised") {
    const std::uint8_t alert[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};
    CHECK(detail::looks_like_tls_alert(alert));
    // A TNS ACCEPT (type 2) of 32 bytes: length first, checksum zero.
    const std::uint8_t accept[] = {0x00, 0x20, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00};
    CHECK_FALSE(detail::looks_like_tls_alert(accept));
    CHECK_FALSE(detail::looks_like_tls_alert(std::span<const std::uint8_t>(alert, 2)));
}

TEST_CASE("tls: verification off connects to an unknown CA and logs a warning") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("other.pem"));
    std::ostringstream out;
    auto sink   = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    auto logger = std::make_shared<spdlog::logger>("tls-test", sink);
    logger->set_level(spdlog::level::warn);
    auto p               = tcps_params(emu);
    p.options.tls_verify = false;
    p.options.logger     = logger;
    CHECK(try_connect(p).text() == "ok");
    logger->flush();
    CHECK_THAT(out.str(), Catch::Contains("[warning]") && Catch::Contains("verification is off"));
    CHECK_THAT(out.str(), !Catch::Contains("demo"));  // no password (nor user) in what was logged
}

TEST_CASE("tls: plain TCP against a TLS listener fails fast saying the server wants TLS") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    auto p                    = emu.params();
    p.options.connect_timeout = 10s;
    const auto start          = std::chrono::steady_clock::now();
    const auto o              = try_connect(p);
    CHECK(o.ec == client_errc::server_requires_tls);
    CHECK(std::chrono::steady_clock::now() - start < 5s);
}

TEST_CASE("tls: TLS against a plain listener ends within the connect timeout") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu);
    auto p                    = tcps_params(emu);
    p.options.connect_timeout = 1500ms;
    const auto start          = std::chrono::steady_clock::now();
    const auto o              = try_connect(p);
    CHECK(o.ec);
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    CHECK_THAT(o.text(), Catch::Contains("TLS handshake"));
}

TEST_CASE("tls: unusable settings are client errors before any connect") {
    ORANET_REQUIRE_PKI();
    ORANET_REQUIRE_EMULATOR(emu, tls_args("server.pem"));
    auto p = tcps_params(emu);
    SECTION("a CA file that does not exist") {
        p.options.ca_file = pki().at("missing.pem");
        const auto o      = try_connect(p);
        CHECK(o.ec == client_errc::tls_config_invalid);
        CHECK_THAT(o.diag.client_message, Catch::Contains("missing.pem"));
    }
    SECTION("a wallet directory without ewallet.pem") {
        p.options.ca_file         = "";
        p.options.wallet_location = pki().at("wallet_empty");
        const auto o              = try_connect(p);
        CHECK(o.ec == client_errc::tls_config_invalid);
        CHECK_THAT(o.diag.client_message, Catch::Contains("ewallet.pem"));
    }
    SECTION("a server DN that is no DN") {
        p.options.server_cert_dn = "db.example";
        CHECK(try_connect(p).ec == client_errc::tls_config_invalid);
    }
}
