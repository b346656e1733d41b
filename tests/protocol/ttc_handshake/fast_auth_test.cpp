// Fast auth (message 34, 23ai): python-oracledb's request and the server's
// reply in fetch_df_session.txt (ops 4 and 5), round trips for both roles.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/fast_auth.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

TEST_CASE("fast auth: the 23ai request python-oracledb sent (fetch_df_session.txt op 4)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);
    const auto request = oranet::test::data_payload(oranet::test::packet_of_op(packets, 4));
    reader r(request);
    fast_auth_request m;
    REQUIRE(!decode(r, m));
    REQUIRE(!r.finish());
    CHECK(m.version == 1);
    CHECK(m.flag1 == server_converts_chars);
    CHECK(m.ttc_field_version == field_version::v19_1_ext1);  // no token in the auth call below
    CHECK(m.protocol.driver_name == "python-oracledb");
    CHECK(m.data_types.rows.size() == client_data_type_rows().size());
    CHECK(m.auth.code == function_code::auth_phase_one);
    CHECK(m.auth.seq == 1);
    CHECK(m.auth.user == "pythontest");
    CHECK(m.auth.auth_mode == auth_mode::logon);
    REQUIRE(m.auth.pairs.size() == 5);
    CHECK(m.auth.pairs[0].key == "AUTH_TERMINAL");
    CHECK(m.auth.pairs[0].value == "unknown");
    CHECK(m.auth.pairs[1].key == "AUTH_PROGRAM_NM");
    CHECK(m.auth.pairs[2].key == "AUTH_MACHINE");
    CHECK(m.auth.pairs[3].key == "AUTH_PID");
    CHECK(m.auth.pairs[4].key == "AUTH_SID");
    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(request));
}

TEST_CASE("fast auth: the 23ai reply (fetch_df_session.txt op 5)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);
    const auto reply   = oranet::test::data_payload(oranet::test::packet_of_op(packets, 5));
    caps c             = client_caps();
    adjust_for_accept(c, 319, 0, accept_flag::has_end_of_response | accept_flag::fast_auth);
    reader r(reply);
    fast_auth_reply m;
    REQUIRE(!decode(r, m, c));
    CHECK(!m.renegotiate);
    CHECK(m.protocol.charset_id == 873);
    CHECK(!m.data_types.time_zone);
    CHECK(!m.data_types.rows.empty());
    CHECK(verifier_type(m.auth) == verifier_12c);
    CHECK(auth_value(m.auth, "AUTH_PBKDF2_VGEN_COUNT") == "4096");
    CHECK(auth_value(m.auth, "AUTH_PBKDF2_SDER_COUNT") == "3");
    CHECK(auth_value(m.auth, "AUTH_SESSKEY")->size() == 64);
    CHECK(!r.empty());  // the end items follow

    writer w;
    caps negotiated = c;
    apply(negotiated, m.protocol);
    encode(w, m, negotiated);
    CHECK(to_hex(w.data()) == to_hex(bytes_view(reply).first(r.offset())));
}

TEST_CASE("fast auth: round trips and renegotiate") {
    fast_auth_request req;
    const caps client             = client_caps();
    req.data_types                = make_data_types_request(client);
    req.data_types.encoding_flags = encoding_multi_byte;  // the user then travels raw
    req.auth                      = make_auth_phase_one("scott", auth_mode::logon, {});
    writer w;
    encode(w, req);
    reader r(w.data());
    fast_auth_request back;
    REQUIRE(!decode(r, back));
    REQUIRE(!r.finish());
    CHECK(back == req);
    const auto bytes = std::vector<std::uint8_t>(w.data().begin(), w.data().end());
    oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
        fast_auth_request x;
        return decode(rr, x);
    });

    caps server = server_caps(field_version::v23_4, 319);
    apply(server, back.data_types);
    fast_auth_reply rep;
    rep.protocol   = make_protocol_reply(server, "oranet");
    rep.data_types = make_data_types_reply(back.data_types, server);
    phase_one_values p1;
    p1.session_key   = std::string(64, 'A');
    p1.verifier_data = std::string(32, 'B');
    p1.csk_salt      = std::string(32, 'C');
    rep.auth         = make_phase_one_reply(p1);
    writer w2;
    encode(w2, rep, server);
    reader r2(w2.data());
    fast_auth_reply got;
    REQUIRE(!decode(r2, got, client));
    REQUIRE(!r2.finish());
    rep.protocol.fdo = got.protocol.fdo;
    CHECK(got == rep);
    const auto bytes2 = std::vector<std::uint8_t>(w2.data().begin(), w2.data().end());
    oranet::test::check_prefixes_truncated(bytes2, [&client](reader& rr) {
        fast_auth_reply x;
        return decode(rr, x, client);
    });

    fast_auth_reply reneg;
    reneg.renegotiate = true;
    writer w3;
    encode(w3, reneg, server);
    CHECK(to_hex(w3.data()) == "1c");
    reader r3(w3.data());
    fast_auth_reply got3;
    REQUIRE(!decode(r3, got3, client));
    CHECK(got3.renegotiate);
}

namespace {

struct length_sink : oranet::proto::trace_sink {
    std::size_t covered = 0;
    bool unnamed        = false;
    void on_field(const oranet::proto::field_record& rec) override {
        covered += rec.length;
        unnamed = unnamed || rec.name.empty();
    }
};

}  // namespace

TEST_CASE("fast auth: every byte of the 23ai handshake is read under a name (trace sink)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);
    const auto request = oranet::test::data_payload(oranet::test::packet_of_op(packets, 4));
    length_sink s1;
    reader r1(request, &s1);
    fast_auth_request m1;
    REQUIRE(!decode(r1, m1));
    CHECK(s1.covered == request.size());
    CHECK(!s1.unnamed);

    const auto reply = oranet::test::data_payload(oranet::test::packet_of_op(packets, 5));
    length_sink s2;
    reader r2(reply, &s2);
    fast_auth_reply m2;
    REQUIRE(!decode(r2, m2, client_caps()));
    CHECK(s2.covered == r2.offset());
    CHECK(!s2.unnamed);
}
