// A whole login through server_session, the client side played by the
// shared protocol/ codecs and auth/'s client role (independent of the
// emulator's own reply writers): ACCEPT, protocol and data types
// negotiation, O5Logon phases one and two with the session fields clients
// require (PEER-NOTES 7, 9), ping, wrong password.
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oranet;
using namespace oranet::emulate;
namespace ttc = oranet::proto::ttc;

namespace {

std::vector<std::uint8_t> connect_packet(std::uint16_t version, const std::string& cd) {
    std::vector<std::uint8_t> p(74, 0);
    auto put16 = [&](std::size_t off, std::uint16_t v) {
        p[off]     = static_cast<std::uint8_t>(v >> 8);
        p[off + 1] = static_cast<std::uint8_t>(v);
    };
    put16(8, version);
    put16(10, 300);
    put16(14, 8192);
    put16(16, 65535);
    put16(24, static_cast<std::uint16_t>(cd.size()));
    put16(26, 74);
    p[60] = 0x20;
    p.insert(p.end(), cd.begin(), cd.end());
    put16(0, static_cast<std::uint16_t>(p.size()));
    p[4] = 1;
    return p;
}

// The client end: large-SDU DATA packets out, TTC bytes of the reply back.
struct client_end {
    server_session& s;
    std::vector<std::uint8_t> call(const std::vector<std::uint8_t>& ttc_bytes) {
        std::vector<std::uint8_t> p = {0, 0, 0, 0, 6, 0, 0, 0, 0, 0};
        p.insert(p.end(), ttc_bytes.begin(), ttc_bytes.end());
        const auto n = static_cast<std::uint32_t>(p.size());
        p[0]         = static_cast<std::uint8_t>(n >> 24);
        p[1]         = static_cast<std::uint8_t>(n >> 16);
        p[2]         = static_cast<std::uint8_t>(n >> 8);
        p[3]         = static_cast<std::uint8_t>(n);
        s.on_bytes(p);
        const auto out = s.take_output();
        std::vector<std::uint8_t> ttc;
        std::size_t pos = 0;
        while (pos + 10 <= out.size()) {
            const std::uint32_t len =
                (std::uint32_t{out[pos]} << 24) | (out[pos + 1] << 16) | (out[pos + 2] << 8) | out[pos + 3];
            REQUIRE(out[pos + 4] == 6);
            REQUIRE(len >= 10);
            REQUIRE(pos + len <= out.size());
            ttc.insert(ttc.end(), out.begin() + static_cast<std::ptrdiff_t>(pos + 10),
                       out.begin() + static_cast<std::ptrdiff_t>(pos + len));
            pos += len;
        }
        REQUIRE(pos == out.size());
        return ttc;
    }
};

struct login_result {
    ttc::auth_reply two;
    std::vector<std::uint8_t> two_rest;  // what follows the PARAMETER message
};

}  // namespace

TEST_CASE("emulate handshake: a full login with the shared codecs and auth/'s client") {
    const std::string user   = GENERATE(std::string("demo"), std::string("old11"));
    const bool good_password = GENERATE(true, false);
    server_context ctx;
    ctx.opts.users    = {user_spec{"demo", "demo", verifier_kind::v12c, false},
                         user_spec{"old11", "pw11", verifier_kind::v11g, false}};
    ctx.opts.services = {"FREEPDB1"};
    ctx.users         = std::make_unique<user_store>(ctx.opts.users);
    ctx.backend       = make_stub_backend(":memory:");
    server_session s(ctx, "test");

    s.on_bytes(connect_packet(319, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))"));
    const auto accept = s.take_output();
    REQUIRE(accept.size() > 12);
    REQUIRE(accept[4] == 2);
    const std::uint16_t version = static_cast<std::uint16_t>(accept[8] << 8 | accept[9]);
    CHECK(version == 318);

    ttc::caps cc = ttc::client_caps(ttc::client_profile::node_oracledb);
    ttc::adjust_for_accept(cc, version, static_cast<std::uint16_t>(accept[10] << 8 | accept[11]), 0);
    client_end c{s};

    // Protocol negotiation.
    proto::writer w;
    ttc::encode(w, ttc::protocol_request{});
    auto reply = c.call(w.take());
    {
        proto::reader r(reply);
        ttc::protocol_reply pr;
        REQUIRE_FALSE(ttc::decode(r, pr));
        CHECK_FALSE(r.finish());
        CHECK(pr.charset_id == 873);
        CHECK(pr.ncharset_id == 2000);
        REQUIRE(pr.compile_caps.size() > ttc::ccap::field_version);
        CHECK(pr.compile_caps[ttc::ccap::field_version] == ttc::field_version::v19_1_ext1);
        ttc::apply(cc, pr);
    }
    CHECK(cc.ttc_field_version == ttc::field_version::v19_1_ext1);

    // Data types, with TZ_EX agreed both ways (PEER-NOTES 5).
    w.clear();
    const auto dtr = ttc::make_data_types_request(cc, ttc::make_ttidty_time_zone(0));
    ttc::encode(w, dtr);
    reply = c.call(w.take());
    {
        proto::reader r(reply);
        ttc::data_types_reply dr;
        REQUIRE_FALSE(ttc::decode(r, dr, cc));
        CHECK_FALSE(r.finish());
        CHECK(dr.time_zone.has_value() == cc.supports_tz_ex);
        CHECK(dr.rows.size() == dtr.rows.size());
    }

    // Auth phase one: PARAMETER, then an ERROR(0) terminator.
    w.clear();
    ttc::encode(w, ttc::make_auth_phase_one(user, ttc::auth_mode::logon, ttc::client_identity{}), cc);
    reply = c.call(w.take());
    auth::phase_one_params p1;
    {
        proto::reader r(reply);
        ttc::auth_reply ar;
        REQUIRE_FALSE(ttc::decode(r, ar));
        REQUIRE(r.remaining() > 0);
        CHECK(r.peek() == 4);
        p1.sesskey       = std::string(ttc::auth_value(ar, "AUTH_SESSKEY").value_or(""));
        p1.vfr_data      = std::string(ttc::auth_value(ar, "AUTH_VFR_DATA").value_or(""));
        p1.verifier_type = ttc::verifier_type(ar);
        p1.csk_salt      = std::string(ttc::auth_value(ar, "AUTH_PBKDF2_CSK_SALT").value_or(""));
        p1.vgen_count    = std::string(ttc::auth_value(ar, "AUTH_PBKDF2_VGEN_COUNT").value_or(""));
        p1.sder_count    = std::string(ttc::auth_value(ar, "AUTH_PBKDF2_SDER_COUNT").value_or(""));
        CHECK(p1.verifier_type == (user == "demo" ? 0x4815u : 0xb152u));
    }

    // Auth phase two.
    auth::o5logon_client client;
    auth::phase_two_request p2;
    REQUIRE_FALSE(
        client.respond(p1, good_password ? (user == "demo" ? "demo" : "pw11") : "nope", std::nullopt, p2));
    ttc::phase_two_values v;
    v.session_key      = p2.sesskey;
    v.encoded_password = p2.password;
    if (!p2.speedy_key.empty()) v.speedy_key = p2.speedy_key;
    v.client_version = "1";
    w.clear();
    ttc::encode(w, ttc::make_auth_phase_two(user, ttc::auth_mode::logon | ttc::auth_mode::with_password, v),
                cc);
    reply = c.call(w.take());
    if (!good_password) {
        REQUIRE_FALSE(reply.empty());
        CHECK(reply[0] == 4);
        const std::string text(reply.begin(), reply.end());
        CHECK(text.find("ORA-01017: invalid username/password; logon denied") != std::string::npos);
        return;
    }
    proto::reader r(reply);
    ttc::auth_reply ar;
    REQUIRE_FALSE(ttc::decode(r, ar));
    CHECK(r.peek() == 4);  // ERROR(0) ends the reply
    for (const char* key : {"AUTH_SESSION_ID", "AUTH_SERIAL_NUM", "AUTH_VERSION_NO"}) {
        CHECK(ttc::auth_value(ar, key).has_value());
    }
    const auto version_no = std::stoul(std::string(ttc::auth_value(ar, "AUTH_VERSION_NO").value_or("0")));
    CHECK(ttc::unpack_version_number(static_cast<std::uint32_t>(version_no), cc) ==
          std::array<std::uint8_t, 5>{19, 3, 0, 0, 0});
    CHECK_FALSE(client.verify_server(ttc::auth_value(ar, "AUTH_SVR_RESPONSE").value_or("")));

    // Ping: a STATUS message.
    reply = c.call({3, 147, 3});
    REQUIRE_FALSE(reply.empty());
    CHECK(reply[0] == 9);
}
