// Data type negotiation (TTC message 2): the 18c XE reply, the 23ai request
// python-oracledb 4.0.1 sent (our row list must equal it), the 1.2.1 layout,
// TZ_EX in both directions, round trips.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/data_types.hpp>

#include <algorithm>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

TEST_CASE("data types: the 18c XE reply decodes (pre23ai_xe18_data_types_response.hex)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/pre23ai_xe18_data_types_response.hex");
    const auto bytes = oranet::test::read_hex_file(path);
    caps c           = client_caps(client_profile::python_oracledb);  // python asked for no TZ_EX
    reader r(bytes);
    data_types_reply m;
    REQUIRE(!decode(r, m, c));
    REQUIRE(!r.finish());
    CHECK(!m.time_zone);
    CHECK(m.rows.size() == 373);
    CHECK(m.rows.front() == data_type_row{1, 1, 1});  // VARCHAR, universal representation
    CHECK(m.rows[1] == data_type_row{2, 2, 10});      // NUMBER, Oracle representation
    // 75 types the 18c server does not know come back with conversion type 0.
    CHECK(std::count_if(m.rows.begin(), m.rows.end(),
                        [](const data_type_row& x) { return x.conv_data_type == 0; }) == 75);
    writer w;
    encode(w, m, c);
    CHECK(to_hex(w.data()) == to_hex(bytes));
    oranet::test::check_prefixes_truncated(bytes, [&c](reader& rr) {
        data_types_reply x;
        return decode(rr, x, c);
    });
}

TEST_CASE("data types: the 23ai request python-oracledb sent has our row list (fetch_df_session.txt op 4)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);
    const auto request = oranet::test::data_payload(oranet::test::packet_of_op(packets, 4));
    // FAST_AUTH: 4 header bytes, the protocol request, 6 bytes, then TTIDTY.
    const std::size_t at = 4 + 3 + std::string_view("python-oracledb").size() + 1 + 6;
    reader r(bytes_view(request).subspan(at));
    data_types_request m;
    REQUIRE(!decode(r, m));
    CHECK(m.charset_id == 873);
    CHECK(m.ncharset_id == 873);
    CHECK(m.encoding_flags == (encoding_multi_byte | encoding_conv_length));
    CHECK(m.compile_caps.size() == 53);  // 4.0.1 sent 53; newer python-oracledb sends 55
    CHECK(m.compile_caps[ccap::field_version] == field_version::v23_4);
    CHECK(!m.time_zone);  // python-oracledb never sets TZ_EX
    const auto ours = client_data_type_rows();
    REQUIRE(m.rows.size() == ours.size());
    CHECK(std::equal(m.rows.begin(), m.rows.end(), ours.begin()));
    CHECK(r.peek() == static_cast<std::uint8_t>(message_type::function));  // auth phase one follows

    // Re-encoding gives python's bytes back.
    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(bytes_view(request).subspan(at, r.offset())));

    // The emulator's view of it.
    caps server = server_caps(field_version::v23_4, 319);
    apply(server, m);
    CHECK(server.conv_length());
    CHECK(server.supports_oac_type);
    CHECK(server.supports_oer_type);
    CHECK(!server.supports_tz_ex);
    CHECK(server.max_string_size == 32767);
}

TEST_CASE("data types: python-oracledb 1.2.1's layout reads as encoding flags 0x01 (PEER-NOTES 1)") {
    // 1.2.1 writes a UB4 compile caps length (length byte 0x01, then the
    // length) where newer clients write flags and a one-byte length.
    caps c = client_caps();
    c.compile_caps.resize(40);
    writer w;
    w.u8(2);
    w.u16le(873);
    w.u16le(873);
    w.ub4(static_cast<std::uint32_t>(c.compile_caps.size()));
    w.bytes(c.compile_caps);
    w.u8(static_cast<std::uint8_t>(c.runtime_caps.size()));
    w.bytes(c.runtime_caps);
    w.u16be(1), w.u16be(1), w.u16be(1), w.u16be(0);
    w.u16be(0);
    reader r(w.data());
    data_types_request m;
    REQUIRE(!decode(r, m));
    REQUIRE(!r.finish());
    CHECK(m.encoding_flags == encoding_multi_byte);
    CHECK(m.compile_caps == c.compile_caps);
    caps server = server_caps(field_version::v19_1, 318);
    apply(server, m);
    CHECK(!server.conv_length());
    CHECK(!server.supports_oac_type);  // 1.2.1 lists no 646: describe scale as SB2 (PEER-NOTES 2)
}

TEST_CASE("data types: TZ_EX adds 11 bytes to the request and the reply (PEER-NOTES 5)") {
    caps client = client_caps(client_profile::node_oracledb);
    REQUIRE((client.runtime_caps[rcap::tz] & rcap::tz_ex) != 0);
    const data_types_request req = make_data_types_request(client, make_ttidty_time_zone(120));
    REQUIRE(req.time_zone);
    CHECK(to_hex(*req.time_zone) == "800000003e3c8000000000");  // +02:00: hour 2+60, minute 0+60
    CHECK(ttidty_offset_minutes(*req.time_zone) == 120);
    CHECK(ttidty_offset_minutes(make_ttidty_time_zone(-330)) == -330);

    writer w;
    encode(w, req);
    reader r(w.data());
    data_types_request got;
    REQUIRE(!decode(r, got));
    REQUIRE(!r.finish());
    CHECK(got == req);
    const auto bytes = std::vector<std::uint8_t>(w.data().begin(), w.data().end());
    oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
        data_types_request x;
        return decode(rr, x);
    });

    // Server side: TZ_EX both ways, so the reply carries the database zone.
    caps server = server_caps(field_version::v19_1, 318);
    apply(server, got);
    CHECK(server.supports_tz_ex);
    const data_types_reply rep = make_data_types_reply(got, server, make_ttidty_time_zone(0));
    writer w2;
    encode(w2, rep, server);
    CHECK(w2.size() == 1 + 11 + rep.rows.size() * 8 + 2);

    // Client side: the server's runtime caps confirm TZ_EX, so it reads the zone.
    adjust_for_server_runtime_caps(client, server.runtime_caps);
    CHECK(client.supports_tz_ex);
    reader r2(w2.data());
    data_types_reply back;
    REQUIRE(!decode(r2, back, client));
    REQUIRE(!r2.finish());
    CHECK(back == rep);
    CHECK(ttidty_offset_minutes(*back.time_zone) == 0);
    const auto bytes2 = std::vector<std::uint8_t>(w2.data().begin(), w2.data().end());
    oranet::test::check_prefixes_truncated(bytes2, [&client](reader& rr) {
        data_types_reply x;
        return decode(rr, x, client);
    });
}

TEST_CASE("data types: a server without TZ_EX turns it off in the client's request") {
    caps client = client_caps(client_profile::node_oracledb);
    std::vector<std::uint8_t> server_rcaps(7, 0);
    server_rcaps[rcap::ttc] = rcap::ttc_32k;
    adjust_for_server_runtime_caps(client, server_rcaps);
    CHECK(!client.supports_tz_ex);
    CHECK(!make_data_types_request(client).time_zone);
}

TEST_CASE("data types: reply rows with conversion type 0 carry no representation") {
    data_types_reply rep;
    rep.rows = {{1, 1, 1}, {544, 0, 0}, {2, 2, 10}};
    caps c;
    writer w;
    encode(w, rep, c);
    CHECK(to_hex(w.data()) ==
          "02"
          "0001000100010000"
          "02200000"
          "0002000200"
          "0a0000"
          "0000");
    reader r(w.data());
    data_types_reply back;
    REQUIRE(!decode(r, back, c));
    CHECK(back == rep);
}
