// Listener REDIRECT in the client session machine (issue 8): the connect
// ends with client_errc::tns_redirect and redirect_data() holds what the
// listener sent, whether the REDIRECT carries it or the DATA packet(s) after
// it do (python-oracledb's ConnectMessage.process reads the length, then the
// bytes from wherever they are; 1.2.1 always from the next DATA packet), and
// a CONNECT sent after a redirect carries header flag 0x04 (python-oracledb
// TNS_PACKET_FLAG_REDIRECT, node-oracledb NSPFRDR).
#include "fake_server.hpp"

#include <oranet/proto/tns/redirect.hpp>

#include <random>

using namespace oranet;
using namespace oranet::test;
using proto::session::action;
using proto::session::action_kind;
using proto::session::client_session;
using proto::session::state;

namespace {

const std::string target_address = "(ADDRESS=(PROTOCOL=TCP)(HOST=db2.example.com)(PORT=1522))";

std::string sample_redirect_data() {
    return tns::join_redirect_data(target_address,
                                   "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)(CID=(PROGRAM=x)))"
                                   "(ADDRESS=(PROTOCOL=TCP)(HOST=db2.example.com)(PORT=1522)))");
}

// REDIRECT (the data inside, or only its length) and, when the data
// follows, DATA packets of at most `chunk` payload bytes carrying it.
std::vector<std::uint8_t> redirect_bytes(const std::string& data, bool follows, std::size_t chunk = 0) {
    proto::writer w;
    tns::redirect_packet red;
    red.data         = data;
    red.data_follows = follows;
    REQUIRE_FALSE(
        tns::write_packet(w, red, tns::length_mode::short_form, tns::header_flags::redirect_separate));
    if (follows) {
        if (chunk == 0) chunk = data.size();
        for (std::size_t pos = 0; pos < data.size(); pos += chunk) {
            tns::data_packet d;
            const std::string_view part = std::string_view(data).substr(pos, chunk);
            d.payload = proto::bytes_view(reinterpret_cast<const std::uint8_t*>(part.data()), part.size());
            REQUIRE_FALSE(tns::write_packet(w, d, tns::length_mode::short_form));
        }
    }
    return w.take();
}

// Starts a connect and takes the CONNECT the machine writes.
action connect_and_write(client_session& s, std::vector<std::uint8_t>* written = nullptr,
                         bool redirected = false) {
    auto req       = sample_connect_request();
    req.redirected = redirected;
    auto a         = s.start_connect(std::move(req));
    REQUIRE(a.kind == action_kind::write);
    if (written != nullptr) written->assign(a.data.begin(), a.data.end());
    a = s.on_write_done();
    REQUIRE(a.kind == action_kind::read);
    return a;
}

}  // namespace

TEST_CASE("session redirect: data inside the REDIRECT ends the connect with tns_redirect") {
    const std::string data = sample_redirect_data();
    client_session s;
    (void)connect_and_write(s);
    const auto a = s.on_bytes(redirect_bytes(data, false));
    CHECK(a.kind == action_kind::done);
    CHECK(a.ec == client_errc::tns_redirect);
    CHECK(s.redirect_data() == data);
    CHECK(s.is_dead());
    const auto t = tns::split_redirect_data(s.redirect_data());
    CHECK(t.address == target_address);
    CHECK(t.has_connect_data);
}

TEST_CASE("session redirect: data in the DATA packet after the REDIRECT (data_follows)") {
    const std::string data = sample_redirect_data();
    REQUIRE(data.size() > 100);
    for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{100}}) {
        DYNAMIC_SECTION("DATA payloads of " << chunk << " bytes (0: one packet)") {
            client_session s;
            (void)connect_and_write(s);
            const auto bytes = redirect_bytes(data, true, chunk);
            const auto a     = s.on_bytes(bytes);
            CHECK(a.kind == action_kind::done);
            CHECK(a.ec == client_errc::tns_redirect);
            CHECK(s.redirect_data() == data);
        }
    }
}

TEST_CASE("session redirect: every strict prefix of REDIRECT + DATA asks for more bytes") {
    const std::string data = sample_redirect_data();
    const auto bytes       = redirect_bytes(data, true);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        client_session s;
        (void)connect_and_write(s);
        auto a = s.on_bytes(proto::bytes_view(bytes).first(cut));
        REQUIRE(a.kind == action_kind::read);
        CHECK_FALSE(s.is_dead());
        a = s.on_bytes(proto::bytes_view(bytes).subspan(cut));
        CHECK(a.ec == client_errc::tns_redirect);
        CHECK(s.redirect_data() == data);
    }
}

TEST_CASE("session redirect: random splits of the bytes give the same data") {
    const std::string data = sample_redirect_data();
    std::mt19937 rng(8);
    for (int round = 0; round < 200; ++round) {
        const auto bytes = redirect_bytes(data, true, 1 + rng() % 64);
        client_session s;
        (void)connect_and_write(s);
        action a;
        std::size_t pos = 0;
        while (pos < bytes.size()) {
            const std::size_t n = std::min<std::size_t>(1 + rng() % 40, bytes.size() - pos);
            a                   = s.on_bytes(proto::bytes_view(bytes).subspan(pos, n));
            pos += n;
            if (pos < bytes.size()) REQUIRE(a.kind == action_kind::read);
        }
        CHECK(a.ec == client_errc::tns_redirect);
        CHECK(s.redirect_data() == data);
    }
}

TEST_CASE("session redirect: a packet other than DATA after a data_follows REDIRECT is an error") {
    client_session s;
    (void)connect_and_write(s);
    const auto bytes = redirect_bytes(sample_redirect_data(), true);
    auto a           = s.on_bytes(proto::bytes_view(bytes).first(10));  // the REDIRECT alone: 8 + 2 bytes
    REQUIRE(a.kind == action_kind::read);
    CHECK(s.current_state() == state::redirect_data);
    proto::writer w;
    REQUIRE_FALSE(tns::write_packet(w, tns::resend_packet{}, tns::length_mode::short_form));
    a = s.on_bytes(w.data());
    CHECK(a.kind == action_kind::done);
    CHECK(a.ec == client_errc::tns_unexpected_packet);
    CHECK(s.is_dead());
}

TEST_CASE("session redirect: a REDIRECT with no data is an error, not a redirect") {
    client_session s;
    (void)connect_and_write(s);
    const auto a = s.on_bytes(redirect_bytes("", false));
    CHECK(a.kind == action_kind::done);
    CHECK(a.ec == client_errc::tns_unexpected_packet);
    CHECK(s.redirect_data().empty());
}

TEST_CASE("session redirect: the CONNECT after a redirect carries header flag 0x04") {
    for (bool redirected : {false, true}) {
        client_session s;
        std::vector<std::uint8_t> written;
        (void)connect_and_write(s, &written, redirected);
        REQUIRE(written.size() > 8);
        CHECK(written[4] == static_cast<std::uint8_t>(tns::packet_type::connect));
        CHECK(written[5] == (redirected ? tns::header_flags::redirected : 0));
    }
}

TEST_CASE("session redirect: RESEND then REDIRECT: the CONNECT goes again, then the redirect ends it") {
    const std::string data = sample_redirect_data();
    client_session s;
    std::vector<std::uint8_t> first;
    (void)connect_and_write(s, &first);
    proto::writer w;
    REQUIRE_FALSE(tns::write_packet(w, tns::resend_packet{}, tns::length_mode::short_form));
    auto a = s.on_bytes(w.data());
    REQUIRE(a.kind == action_kind::write);
    CHECK(std::vector<std::uint8_t>(a.data.begin(), a.data.end()) == first);
    a = s.on_write_done();
    REQUIRE(a.kind == action_kind::read);
    a = s.on_bytes(redirect_bytes(data, true));
    CHECK(a.ec == client_errc::tns_redirect);
    CHECK(s.redirect_data() == data);
}
