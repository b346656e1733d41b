// Protocol negotiation (TTC message 1): the 18c XE and 23ai replies, our
// request against the one python-oracledb sent, round trips for both roles.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/protocol_negotiation.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

TEST_CASE("protocol negotiation: the 18c XE reply decodes (pre23ai_xe18_protocol_negotiation_response.hex)") {
    ORANET_REQUIRE_VECTOR(path,
                          "captures/free23-python-oracledb/pre23ai_xe18_protocol_negotiation_response.hex");
    const auto bytes = oranet::test::read_hex_file(path);
    reader r(bytes);
    protocol_reply m;
    REQUIRE(!decode(r, m));
    REQUIRE(!r.finish());  // the payload is this one message
    CHECK(m.server_version == 6);
    CHECK(m.server_banner == "x86_64/Linux 2.4.xx");
    CHECK(m.charset_id == 873);
    CHECK(m.ncharset_id == 2000);
    CHECK(m.elements.size() == 50);
    CHECK(m.compile_caps.size() == 42);
    CHECK(m.compile_caps[ccap::field_version] == field_version::v18_1_ext1);  // XE 18 speaks 18.1 ext 1
    CHECK(m.runtime_caps.size() == 7);
    CHECK((m.runtime_caps[rcap::tz] & rcap::tz_ex) != 0);     // 18c offers TZ_EX
    CHECK((m.runtime_caps[rcap::ttc] & rcap::ttc_32k) != 0);  // and 32k strings

    // What the client makes of it.
    caps c = client_caps(client_profile::python_oracledb);
    apply(c, m);
    CHECK(c.ttc_field_version == field_version::v18_1_ext1);
    CHECK(c.compile_caps[ccap::field_version] == field_version::v18_1_ext1);
    CHECK(c.max_string_size == 32767);
    CHECK(c.ncharset_id == 2000);

    // Re-encoding what we decoded gives the server's bytes back.
    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(bytes));

    oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
        protocol_reply x;
        return decode(rr, x);
    });
}

TEST_CASE("protocol negotiation: the 23ai request and reply in fetch_df_session.txt (ops 4 and 5)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);

    // Op 4 is a FAST_AUTH message whose protocol request starts at byte 4.
    const auto request = oranet::test::data_payload(oranet::test::packet_of_op(packets, 4));
    REQUIRE(request[0] == static_cast<std::uint8_t>(message_type::fast_auth));
    reader rq(bytes_view(request).subspan(4));
    protocol_request req;
    REQUIRE(!decode(rq, req));
    CHECK(req.versions == std::vector<std::uint8_t>{6});
    CHECK(req.driver_name == "python-oracledb");
    writer wq;
    encode(wq, req);
    CHECK(to_hex(wq.data()) == to_hex(bytes_view(request).subspan(4, rq.offset())));

    // Op 5 starts with the protocol reply.
    const auto reply = oranet::test::data_payload(oranet::test::packet_of_op(packets, 5));
    reader rr(reply);
    protocol_reply m;
    REQUIRE(!decode(rr, m));
    CHECK(m.server_banner == "x86_64/Linux 2.4.xx");
    CHECK(m.charset_id == 873);
    CHECK(m.ncharset_id == 2000);
    CHECK(m.compile_caps.size() == 54);
    CHECK(m.compile_caps[ccap::field_version] == 25);  // 23.26 is past python-oracledb's 23.4
    CHECK((m.compile_caps[ccap::ttc4] & ccap::explicit_boundary) != 0);
    CHECK((m.runtime_caps[rcap::ttc] & rcap::ttc_32k) != 0);
    CHECK(rr.peek() == static_cast<std::uint8_t>(message_type::data_types));  // next message

    caps c = client_caps();
    adjust_for_accept(c, 319, gso_can_recv_attention,
                      accept_flag::has_end_of_response | accept_flag::fast_auth);
    apply(c, m);
    CHECK(c.ttc_field_version == field_version::v23_4);  // the lower of both
    CHECK(c.max_string_size == 32767);
    CHECK(c.supports_end_of_response);
    CHECK(c.supports_fast_auth);
    CHECK(c.supports_oob);
    CHECK((c.compile_caps[ccap::ttc4] & ccap::end_of_response) != 0);

    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(bytes_view(reply).first(rr.offset())));
}

TEST_CASE("protocol negotiation: our request is python-oracledb's with our name") {
    writer w;
    encode(w, protocol_request{});
    CHECK(to_hex(w.data()) == "010600" + to_hex(std::string_view("oranet")) + "00");
}

TEST_CASE("protocol negotiation: round trips for both roles") {
    protocol_request req;
    req.versions    = {6, 5, 4, 3, 2, 1};
    req.driver_name = "node-oracledb";
    writer w;
    encode(w, req);
    reader r(w.data());
    protocol_request back;
    REQUIRE(!decode(r, back));
    REQUIRE(!r.finish());
    CHECK(back == req);
    const auto bytes = std::vector<std::uint8_t>(w.data().begin(), w.data().end());
    oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
        protocol_request x;
        return decode(rr, x);
    });

    for (std::uint8_t fv : {field_version::v12_1, field_version::v18_1_ext1, field_version::v23_4}) {
        const caps server  = server_caps(fv, 318);
        protocol_reply rep = make_protocol_reply(server, "oranet emulator");
        writer w2;
        encode(w2, rep);
        reader r2(w2.data());
        protocol_reply got;
        REQUIRE(!decode(r2, got));
        REQUIRE(!r2.finish());
        rep.fdo = make_fdo(rep.charset_id, rep.ncharset_id);  // encode filled it in
        CHECK(got == rep);
        caps c = client_caps();
        apply(c, got);
        CHECK(c.ttc_field_version == fv);
        CHECK(c.ncharset_id == charset_al16utf16);
        CHECK(c.max_string_size == 32767);
        const auto bytes2 = std::vector<std::uint8_t>(w2.data().begin(), w2.data().end());
        oranet::test::check_prefixes_truncated(bytes2, [](reader& rr) {
            protocol_reply x;
            return decode(rr, x);
        });
    }
}

TEST_CASE("protocol negotiation: an FDO too short for the charset index is malformed") {
    protocol_reply rep;
    rep.server_banner = "x";
    rep.fdo           = {0, 0, 0, 0, 0, 9, 9, 0, 0, 0, 0, 0};  // index 6+9+9 lies outside
    writer w;
    encode(w, rep);
    reader r(w.data());
    protocol_reply got;
    CHECK(decode(r, got) == client_errc::malformed);
}

TEST_CASE("protocol negotiation: a wrong message type is unexpected") {
    const std::uint8_t bytes[] = {2, 6, 0};
    reader r(bytes);
    protocol_reply got;
    CHECK(decode(r, got) == client_errc::ttc_unexpected_message);
}
