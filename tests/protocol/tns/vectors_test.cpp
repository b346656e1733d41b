// Golden TNS packets from real servers (../shared/vectors, read at test time):
// the ACCEPT payloads of 11g XE, 18c XE and 23ai Free, the RESEND of the
// 11g/18c listeners, and the CONNECT python-oracledb 4.0.1 sent to 23ai.
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/tns/packet.hpp>

#include <catch2/catch.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::tns;

namespace {

constexpr const char* capture_dir = "captures/free23-python-oracledb/";

std::vector<std::uint8_t> read_hex_vector(const std::filesystem::path& p) {
    return test::from_hex(test::read_text(p));
}

accept_packet decode_accept_payload(const std::vector<std::uint8_t>& payload) {
    accept_packet m;
    reader r(payload);
    const auto ec = decode(r, m);
    INFO(ec.message());
    REQUIRE(!ec);
    return m;
}

std::vector<std::uint8_t> reencode(const accept_packet& m) {
    writer w;
    encode(w, m);
    return w.take();
}

}  // namespace

TEST_CASE("ACCEPT from 11g XE: version 314, 16-bit SDU, no large fields") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "pre23ai_xe11_accept_payload.hex");
    const auto payload = read_hex_vector(path);
    REQUIRE(payload.size() == 24);
    const auto m = decode_accept_payload(payload);
    CHECK(m.version == 314);
    CHECK(m.version < version_min_large_sdu);  // both thin clients refuse it
    CHECK(m.service_options == 0x0001);
    CHECK(m.sdu16 == 8192);
    CHECK(m.tdu16 == 8192);
    CHECK(negotiated_sdu(m) == 8192);
    CHECK(negotiated_length_mode(m) == length_mode::short_form);
    CHECK(m.nsi_flags0 == 0xc5);
    CHECK(m.flags2 == 0);
    CHECK(m.trailer.empty());
    CHECK(reencode(m) == payload);  // the data offset (32) comes out the same
}

TEST_CASE("ACCEPT from 18c XE: version 317, 32-bit SDU, no second flags word") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "pre23ai_xe18_accept_payload.hex");
    const auto payload = read_hex_vector(path);
    REQUIRE(payload.size() == 33);
    const auto m = decode_accept_payload(payload);
    CHECK(m.version == 317);
    CHECK(m.sdu16 == 0);
    CHECK(m.sdu == 8192);
    CHECK(m.tdu == 8192);
    CHECK(negotiated_sdu(m) == 8192);
    CHECK(negotiated_length_mode(m) == length_mode::large_sdu);
    CHECK(m.flags2 == 0);  // below 318: not on the wire
    CHECK((m.flags2 & accept_flags::fast_auth) == 0);
    CHECK(m.trailer.empty());
    CHECK(reencode(m) == payload);
}

TEST_CASE("ACCEPT from 23ai Free: version 319, fast auth and end of response") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "free23_accept_payload.hex");
    const auto payload = read_hex_vector(path);
    REQUIRE(payload.size() == 53);
    const auto m = decode_accept_payload(payload);
    CHECK(m.version == 319);
    CHECK(m.service_options == 0x0001);  // no out-of-band break support offered
    CHECK(negotiated_sdu(m) == 8192);
    CHECK(negotiated_tdu(m) == 8192);
    CHECK((m.flags2 & accept_flags::fast_auth) != 0);
    CHECK((m.flags2 & accept_flags::has_end_of_response) != 0);
    CHECK((m.flags2 & accept_flags::check_oob) == 0);
    CHECK(m.trailer.size() == 16);  // before the data offset 61
    CHECK(m.data.empty());
    CHECK(reencode(m) == payload);
}

TEST_CASE("RESEND from the 11g and 18c listeners is the bare header") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "pre23ai_resend_packet.hex");
    const auto bytes = read_hex_vector(path);
    packet_view v;
    REQUIRE(!parse_packet(bytes, length_mode::short_form, v));
    CHECK(v.type() == packet_type::resend);
    CHECK(v.hdr.flags == 0);
    resend_packet m;
    CHECK(!decode_packet_as(v, m));
    writer w;
    REQUIRE(!write_packet(w, m, length_mode::short_form));
    CHECK(std::vector<std::uint8_t>(w.data().begin(), w.data().end()) == bytes);
}

TEST_CASE("CONNECT from python-oracledb 4.0.1: data over 230 bytes follows in DATA") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "dbobject_session.txt");
    const auto packets = test::read_packet_dump(path);
    REQUIRE(packets.size() >= 3);
    packet_view cv, dv;
    REQUIRE(!parse_packet(packets[0].bytes, length_mode::short_form, cv));
    REQUIRE(!parse_packet(packets[1].bytes, length_mode::short_form, dv));
    connect_packet m;
    REQUIRE(!decode_packet_as(cv, m));
    CHECK(m.version == 319);
    CHECK(m.min_version == 300);
    // The sync client offers out-of-band breaks: can-receive-attention in
    // the service options and the OOB check bit in connect flags 2.
    CHECK(m.service_options == (service_options::dont_care | service_options::can_recv_attention));
    CHECK(m.connect_flags2 == connect_flag2_check_oob);
    CHECK(m.sdu == 8192);
    CHECK(m.tdu == 8192);
    CHECK(m.protocol_characteristics == 0x4f98);
    CHECK(m.nsi_flags0 == 0x84);
    CHECK(m.has_large_fields);
    CHECK(m.data_follows);
    CHECK(m.declared_data_length > max_inline_connect_data);
    data_packet d;
    REQUIRE(!decode_packet_as(dv, d));
    CHECK(d.data_flags == 0);
    REQUIRE(!complete_connect_data(m, d.payload));
    CHECK(m.connect_data.rfind("(DESCRIPTION=", 0) == 0);
    // Our client role writes the same two packets.
    writer c, dw;
    REQUIRE(!write_connect(c, dw, m));
    CHECK(std::vector<std::uint8_t>(c.data().begin(), c.data().end()) == packets[0].bytes);
    CHECK(std::vector<std::uint8_t>(dw.data().begin(), dw.data().end()) == packets[1].bytes);
}

TEST_CASE("MARKER from 23ai Free during a pipeline: a break, header flags 0x20") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "pipeline_session.txt");
    const auto packets  = test::read_packet_dump(path);
    std::size_t markers = 0;
    for (const auto& p : packets) {
        if (p.bytes.size() < 8 || p.bytes[4] != static_cast<std::uint8_t>(packet_type::marker)) continue;
        packet_view v;
        REQUIRE(!parse_packet(p.bytes, length_mode::large_sdu, v));
        CHECK(p.direction == test::packet_direction::server_to_client);
        CHECK(v.hdr.flags == header_flags::large_sdu);
        marker_packet m;
        REQUIRE(!decode_packet_as(v, m));
        CHECK(m.kind == marker_kind_one_byte);
        CHECK(m.marker == marker_type::break_marker);
        CHECK(!is_reset(m));
        ++markers;
    }
    CHECK(markers == 1);
}

namespace {
struct name_sink : trace_sink {
    std::vector<std::string> names;
    void on_field(const field_record& rec) override { names.emplace_back(rec.name); }
};
}  // namespace

TEST_CASE("decoders name their fields for the trace sink (23ai ACCEPT)") {
    ORANET_REQUIRE_VECTOR(path, std::string(capture_dir) + "free23_accept_payload.hex");
    const auto payload = read_hex_vector(path);
    writer w;
    REQUIRE(!write_raw_packet(w, packet_type::accept, 0, payload, length_mode::short_form));
    packet_view v;
    REQUIRE(!parse_packet(w.data(), length_mode::short_form, v));
    name_sink sink;
    any_packet any;
    REQUIRE(!decode_packet(v, any, &sink));
    const auto has = [&](std::string_view n) {
        return std::find(sink.names.begin(), sink.names.end(), n) != sink.names.end();
    };
    CHECK(has("version"));
    CHECK(has("sdu"));
    CHECK(has("flags2"));
    CHECK(has("trailer"));
}
