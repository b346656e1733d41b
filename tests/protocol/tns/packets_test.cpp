// Every TNS packet type: encode then decode gives the same fields (client and
// server roles use the same pair), and every strict prefix of a payload that
// has fixed fields is reported as truncated.
#include "hex.hpp"

#include <oranet/proto/tns/packet.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::tns;
using oranet::test::to_hex;

namespace {

template <class P>
std::vector<std::uint8_t> payload_of(const P& m) {
    writer w;
    encode(w, m);
    REQUIRE(w.ok());
    return w.take();
}

template <class P>
P decoded(const std::vector<std::uint8_t>& payload) {
    P m;
    reader r(payload);
    const auto ec = decode(r, m);
    INFO(ec.message());
    REQUIRE(!ec);
    return m;
}

// Every strict prefix of `payload` (down to `min_len`) fails as truncated.
template <class P>
void check_prefixes_truncated(const std::vector<std::uint8_t>& payload, std::size_t upto) {
    for (std::size_t n = 0; n < upto && n < payload.size(); ++n) {
        P m;
        reader r(bytes_view(payload).first(n));
        INFO("prefix " << n);
        CHECK(decode(r, m) == client_errc::truncated);
    }
}

}  // namespace

TEST_CASE("header: 2-byte length with packet checksum, 4-byte length after 315") {
    header h;
    h.length = 0x0102;
    h.type   = packet_type::marker;
    h.flags  = 0x20;
    writer w;
    encode_header(w, h, length_mode::short_form);
    CHECK(to_hex(w.data()) == "010200000c200000");
    w.clear();
    encode_header(w, h, length_mode::large_sdu);
    CHECK(to_hex(w.data()) == "000001020c200000");
    reader r(w.data());
    header back;
    REQUIRE(!decode_header(r, length_mode::large_sdu, back));
    CHECK(back.length == 0x0102);
    CHECK(back.type == packet_type::marker);
    CHECK(back.flags == 0x20);
    reader shortr(bytes_view(w.data()).first(7));
    CHECK(decode_header(shortr, length_mode::large_sdu, back) == client_errc::truncated);
}

TEST_CASE("write_packet fills in the length; the short form cannot exceed 65535 bytes") {
    writer w;
    data_packet d;
    d.data_flags = data_flags::eof;
    REQUIRE(!write_packet(w, d, length_mode::large_sdu));
    // The close packet both thin clients send: a DATA packet holding only EOF.
    CHECK(to_hex(w.data()) == "0000000a060000000040");
    packet_view v;
    REQUIRE(!parse_packet(w.data(), length_mode::large_sdu, v));
    CHECK(v.type() == packet_type::data);
    CHECK(v.payload().size() == 2);

    std::vector<std::uint8_t> big(70000, 0x41);
    writer w2;
    CHECK(write_raw_packet(w2, packet_type::data, 0, big, length_mode::short_form) ==
          client_errc::tns_packet_too_large);
    writer w3;
    CHECK(!write_raw_packet(w3, packet_type::data, 0, big, length_mode::large_sdu));
    CHECK(w3.size() == 70008);
}

TEST_CASE("parse_packet checks the length against the bytes") {
    const auto bytes = test::from_hex("0008 0000 0b00 0000");
    packet_view v;
    CHECK(!parse_packet(bytes, length_mode::short_form, v));
    CHECK(parse_packet(bytes_view(bytes).first(7), length_mode::short_form, v) == client_errc::truncated);
    auto longer = bytes;
    longer.push_back(0);
    CHECK(parse_packet(longer, length_mode::short_form, v) == client_errc::trailing_bytes);
    const auto bad = test::from_hex("0007 0000 0b00 0000");
    CHECK(parse_packet(bad, length_mode::short_form, v) == client_errc::tns_bad_length);
}

TEST_CASE("CONNECT round trip, inline connect data") {
    connect_packet m;
    set_data_units(m, 65536 * 2, 65536 * 2);
    CHECK(m.sdu16 == 65535);
    m.service_options |= service_options::can_recv_attention;
    m.connect_flags2 = connect_flag2_check_oob;
    m.connect_data   = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=X)))";
    const auto p     = payload_of(m);
    CHECK(p.size() == 74 - 8 + m.connect_data.size());
    const auto back = decoded<connect_packet>(p);
    CHECK(back.version == 319);
    CHECK(back.min_version == 300);
    CHECK(back.service_options == (0x0001 | 0x0400));
    CHECK(back.sdu == 131072);
    CHECK(back.tdu == 131072);
    CHECK(back.sdu16 == 65535);
    CHECK(requested_sdu(back) == 131072);
    CHECK(back.protocol_characteristics == 0x4f98);
    CHECK(back.nsi_flags0 == 0x84);
    CHECK(back.connect_flags2 == 1);
    CHECK(back.has_large_fields);
    CHECK(!back.data_follows);
    CHECK(back.connect_data == m.connect_data);
    CHECK(payload_of(back) == p);
    // Every strict prefix is truncated except the one ending at the data
    // offset: that is the split form, whose data follows in a DATA packet.
    for (std::size_t n = 0; n < p.size(); ++n) {
        connect_packet c;
        reader r(bytes_view(p).first(n));
        const auto ec = decode(r, c);
        INFO("prefix " << n);
        if (n == 74 - 8) {
            CHECK(!ec);
            CHECK(c.data_follows);
        } else {
            CHECK(ec == client_errc::truncated);
        }
    }
}

TEST_CASE("CONNECT with more than 230 bytes of data: the data goes in a DATA packet") {
    connect_packet m;
    m.connect_data = "(DESCRIPTION=" + std::string(240, 'x') + ")";
    REQUIRE(connect_data_is_separate(m));
    writer c, d;
    REQUIRE(!write_connect(c, d, m));
    // The CONNECT alone is 74 bytes, 2-byte length form, data offset 74.
    CHECK(c.size() == 74);
    CHECK(to_hex(c.data().first(8)) == "004a000001000000");
    CHECK(to_hex(c.data().subspan(24, 4)) == "00fe004a");  // length 254, offset 74
    // The DATA packet: 2-byte length form, data flags 0, the text.
    REQUIRE(d.size() == 10 + m.connect_data.size());
    CHECK(to_hex(d.data().first(10)) == "01080000060000000000");  // 264 bytes

    // Server role: the CONNECT says the data follows; the DATA completes it.
    packet_view cv, dv;
    REQUIRE(!parse_packet(c.data(), length_mode::short_form, cv));
    REQUIRE(!parse_packet(d.data(), length_mode::short_form, dv));
    connect_packet got;
    REQUIRE(!decode_packet_as(cv, got));
    CHECK(got.data_follows);
    CHECK(got.declared_data_length == m.connect_data.size());
    data_packet dp;
    REQUIRE(!decode_packet_as(dv, dp));
    CHECK(complete_connect_data(got, bytes_view(dp.payload).first(3)) == client_errc::malformed);
    REQUIRE(!complete_connect_data(got, dp.payload));
    CHECK(got.connect_data == m.connect_data);
    CHECK(!got.data_follows);
    CHECK(complete_connect_data(got, dp.payload) == client_errc::tns_unexpected_packet);

    // Exactly 230 bytes still travel inline.
    m.connect_data.assign(230, 'y');
    writer c2, d2;
    REQUIRE(!write_connect(c2, d2, m));
    CHECK(c2.size() == 74 + 230);
    CHECK(d2.size() == 0);
}

TEST_CASE("CONNECT without the 32-bit fields (data offset 58)") {
    connect_packet m;
    m.has_large_fields = false;
    m.version          = 314;
    m.sdu16            = 2048;
    m.connect_data     = "(DESCRIPTION=)";
    const auto p       = payload_of(m);
    CHECK(p.size() == 58 - 8 + 14);
    const auto back = decoded<connect_packet>(p);
    CHECK(!back.has_large_fields);
    CHECK(requested_sdu(back) == 2048);
    CHECK(back.connect_data == "(DESCRIPTION=)");
    // A data offset inside the fixed fields is malformed.
    auto bad = p;
    bad[18]  = 0;
    bad[19]  = 20;
    connect_packet m2;
    reader r(bad);
    CHECK(decode(r, m2) == client_errc::malformed);
}

TEST_CASE("ACCEPT round trip for versions 314, 315, 318 and 319") {
    for (std::uint16_t version : {314, 315, 317, 318, 319}) {
        DYNAMIC_SECTION("version " << version) {
            accept_packet m;
            m.version    = version;
            m.sdu16      = 8192;
            m.tdu16      = 65535;
            m.sdu        = 2097152;
            m.tdu        = 2097152;
            m.nsi_flags0 = 0xc5;
            m.flags2     = accept_flags::fast_auth | accept_flags::has_end_of_response;
            m.trailer    = {1, 2, 3};
            const auto p = payload_of(m);
            CHECK(p.size() == accept_fixed_size(version) + 3);
            const auto back = decoded<accept_packet>(p);
            CHECK(back.version == version);
            CHECK(back.nsi_flags0 == 0xc5);
            CHECK(back.trailer == m.trailer);
            CHECK(negotiated_sdu(back) == (version >= 315 ? 2097152u : 8192u));
            CHECK(negotiated_length_mode(back) ==
                  (version >= 315 ? length_mode::large_sdu : length_mode::short_form));
            CHECK(back.flags2 == (version >= 318 ? m.flags2 : 0u));
            CHECK(payload_of(back) == p);
            check_prefixes_truncated<accept_packet>(p, accept_fixed_size(version));
        }
    }
}

TEST_CASE("ACCEPT with accept data after a trailer") {
    accept_packet m;
    m.trailer       = std::vector<std::uint8_t>(16, 0xaa);
    m.data          = {'h', 'i'};
    const auto p    = payload_of(m);
    const auto back = decoded<accept_packet>(p);
    CHECK(back.trailer == m.trailer);
    CHECK(back.data == m.data);
    // An offset pointing into the fixed fields is malformed.
    auto bad = p;
    bad[12]  = 0;
    bad[13]  = 10;
    accept_packet m2;
    reader r(bad);
    CHECK(decode(r, m2) == client_errc::malformed);
}

TEST_CASE("REFUSE round trip and the ERR number") {
    refuse_packet m;
    m.user_reason   = 34;
    m.system_reason = 0;
    m.data          = "(DESCRIPTION=(TMP=)(VSNNUM=0)(ERR=12514)(ERROR_STACK=(ERROR=(CODE=12514)(EMFI=4))))";
    const auto p    = payload_of(m);
    CHECK(to_hex(bytes_view(p).first(4)) == "22000053");  // reasons 34 and 0, 83 bytes of text
    const auto back = decoded<refuse_packet>(p);
    CHECK(back.user_reason == 34);
    CHECK(back.data == m.data);
    CHECK(refuse_error_number(back.data) == 12514);
    CHECK(refuse_error_number("(DESCRIPTION=(ERR=12505))") == 12505);
    CHECK(refuse_error_number("(DESCRIPTION=(TMP=))") == 0);
    CHECK(refuse_error_number("(ERR=12x)") == 0);
    CHECK(refuse_error_number("(ERR=1251") == 0);
    CHECK(refuse_error_number("(ERR=)") == 0);
    check_prefixes_truncated<refuse_packet>(p, 4);
    // Data declared but not in the packet: it follows in a DATA packet.
    m.data_follows  = true;
    const auto head = payload_of(m);
    CHECK(head.size() == 4);
    const auto split = decoded<refuse_packet>(head);
    CHECK(split.data_follows);
    CHECK(split.declared_data_length == m.data.size());
    // Declared longer than what the packet holds: truncated.
    auto cut = p;
    cut.pop_back();
    refuse_packet m3;
    reader r(cut);
    CHECK(decode(r, m3) == client_errc::truncated);
}

TEST_CASE("REDIRECT round trip and the address/connect-data split") {
    redirect_packet m;
    m.data       = join_redirect_data("(ADDRESS=(PROTOCOL=tcp)(HOST=h2)(PORT=1522))", "(DESCRIPTION=(X=1))");
    const auto p = payload_of(m);
    const auto back = decoded<redirect_packet>(p);
    CHECK(back.data == m.data);
    const auto t = split_redirect_data(back.data);
    CHECK(t.has_connect_data);
    CHECK(t.address == "(ADDRESS=(PROTOCOL=tcp)(HOST=h2)(PORT=1522))");
    CHECK(t.connect_data == "(DESCRIPTION=(X=1))");
    const auto plain = split_redirect_data("(ADDRESS=(HOST=h))");
    CHECK(!plain.has_connect_data);
    CHECK(plain.address == "(ADDRESS=(HOST=h))");
    check_prefixes_truncated<redirect_packet>(p, 2);
    m.data_follows = true;
    CHECK(decoded<redirect_packet>(payload_of(m)).data_follows);
}

TEST_CASE("DATA round trip keeps flags and payload") {
    const std::vector<std::uint8_t> ttc = {0x03, 0x5e, 0x00, 0x01};
    data_packet m;
    m.data_flags = data_flags::end_of_request | data_flags::begin_pipeline;
    m.payload    = ttc;
    const auto p = payload_of(m);
    CHECK(to_hex(p) == "1800035e0001");
    const auto back = decoded<data_packet>(p);
    CHECK(back.data_flags == 0x1800);
    CHECK(std::vector<std::uint8_t>(back.payload.begin(), back.payload.end()) == ttc);
    check_prefixes_truncated<data_packet>(p, 2);
}

TEST_CASE("MARKER: 01 00 then break, reset or interrupt") {
    for (auto t : {marker_type::break_marker, marker_type::reset_marker, marker_type::interrupt_marker}) {
        const auto p = payload_of(make_marker(t));
        CHECK(p == std::vector<std::uint8_t>{1, 0, static_cast<std::uint8_t>(t)});
        const auto back = decoded<marker_packet>(p);
        CHECK(back.marker == t);
        CHECK(is_reset(back) == (t == marker_type::reset_marker));
        check_prefixes_truncated<marker_packet>(p, 3);
    }
    const std::vector<std::uint8_t> bad = {1, 0, 9};
    marker_packet m;
    reader r(bad);
    CHECK(decode(r, m) == client_errc::malformed);
}

TEST_CASE("RESEND is header only") {
    writer w;
    REQUIRE(!write_packet(w, resend_packet{}, length_mode::short_form));
    CHECK(to_hex(w.data()) == "000800000b000000");
    packet_view v;
    REQUIRE(!parse_packet(w.data(), length_mode::short_form, v));
    any_packet any;
    REQUIRE(!decode_packet(v, any));
    CHECK(std::holds_alternative<resend_packet>(any));
}

TEST_CASE("CONTROL round trip and the inband notification words") {
    control_error e;
    e.emfi                 = control_emfi_ora;
    e.error1               = control_err_send_message;
    const std::string text = "shutting down";
    e.error2               = static_cast<std::uint32_t>(text.size());
    e.notification         = writer::as_bytes(text);
    control_packet m;
    m.command       = control_command::inband_notification;
    m.data          = encode_control_error(e);
    const auto p    = payload_of(m);
    const auto back = decoded<control_packet>(p);
    CHECK(back.command == 8);
    control_error got;
    REQUIRE(!decode_control_error(back.data, got));
    CHECK(got.emfi == 22);
    CHECK(got.error1 == 12573);
    CHECK(std::string(got.notification.begin(), got.notification.end()) == text);
    check_prefixes_truncated<control_packet>(p, 2);
    // A notification length beyond the data is refused, not trusted.
    auto lying = back.data;
    lying[11]  = 200;
    CHECK(decode_control_error(lying, got) == client_errc::malformed);
    // Reset OOB carries no data.
    control_packet reset;
    reset.command = control_command::reset_oob;
    CHECK(to_hex(payload_of(reset)) == "0009");
}

TEST_CASE("decode_packet dispatches by type and refuses unknown types") {
    const auto bytes = test::from_hex("000b 0000 0c00 0000 010002");
    packet_view v;
    REQUIRE(!parse_packet(bytes, length_mode::short_form, v));
    any_packet any;
    REQUIRE(!decode_packet(v, any));
    REQUIRE(std::holds_alternative<marker_packet>(any));
    CHECK(std::get<marker_packet>(any).marker == marker_type::reset_marker);
    accept_packet a;
    CHECK(decode_packet_as(v, a) == client_errc::tns_unexpected_packet);
    auto unknown = bytes;
    unknown[4]   = 3;  // ACK: never sent by current servers
    REQUIRE(!parse_packet(unknown, length_mode::short_form, v));
    CHECK(decode_packet(v, any) == client_errc::tns_unknown_type);
    CHECK(!is_known_packet_type(3));
    CHECK(is_known_packet_type(14));
    CHECK(packet_type_name(packet_type::redirect) == "REDIRECT");
}

TEST_CASE("ACCEPT 315 shorter than the full layout: the optional fields end at the data offset") {
    // A 12.1 listener's 315 ACCEPT has no second flags word; older layouts
    // may stop after the TDU or even the SDU. python-oracledb needs only the
    // 32-bit SDU at offset 32.
    for (std::size_t fixed : {28u, 32u, 33u}) {
        DYNAMIC_SECTION("fixed size " << fixed) {
            accept_packet m;
            m.version    = 315;
            m.sdu        = 16384;
            m.tdu        = 32768;
            m.fixed_size = fixed;
            const auto p = payload_of(m);
            CHECK(p.size() == fixed);
            CHECK(p[12] * 256u + p[13] == 8 + fixed);  // data offset
            const auto back = decoded<accept_packet>(p);
            CHECK(back.fixed_size == fixed);
            CHECK(negotiated_sdu(back) == 16384);
            CHECK(back.tdu == (fixed >= 32 ? 32768u : 0u));
            CHECK(back.trailer.empty());
            CHECK(payload_of(back) == p);
        }
    }
    // A 319 ACCEPT that stops before flags 2 decodes with flags2 = 0.
    accept_packet m;
    m.version       = 319;
    m.flags2        = accept_flags::fast_auth;
    m.fixed_size    = 33;
    const auto back = decoded<accept_packet>(payload_of(m));
    CHECK(back.flags2 == 0);
    CHECK(back.fixed_size == 33);
}
