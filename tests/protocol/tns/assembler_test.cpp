// The assembler: length checks, need_more, sticky errors, and parsegrind over
// the real session dumps of python-oracledb 4.0.1 against 23ai Free: each
// direction's bytes fed whole, in random chunks and byte by byte give the
// same packets, and every packet decodes by its type.
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/packet.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::tns;

namespace {

struct collected {
    std::vector<std::vector<std::uint8_t>> packets;
    std::error_code ec;
};

// Feeds `stream` in chunks chosen by `next_chunk` and collects the packets.
// The length mode switches to large_sdu after an ACCEPT of version >= 315,
// as a driver does (python-oracledb: after ConnectMessage.process).
template <class Chunker>
collected run(bytes_view stream, Chunker next_chunk) {
    collected out;
    assembler a;
    std::size_t pos = 0;
    for (;;) {
        packet_view v;
        std::error_code ec;
        const auto st = a.next(v, ec);
        if (st == assemble_status::packet) {
            out.packets.emplace_back(v.bytes.begin(), v.bytes.end());
            if (v.type() == packet_type::accept) {
                accept_packet acc;
                if (!decode_packet_as(v, acc)) {
                    a.set_length_mode(negotiated_length_mode(acc));
                    a.set_max_packet_size(negotiated_sdu(acc));
                }
            }
            continue;
        }
        if (st == assemble_status::error) {
            out.ec = ec;
            return out;
        }
        if (pos == stream.size()) break;
        const std::size_t n = std::min(next_chunk(), stream.size() - pos);
        a.feed(stream.subspan(pos, n));
        pos += n;
    }
    CHECK(a.buffered() == 0);
    return out;
}

// The direction streams of one dump. The client learns the large-SDU form
// from the ACCEPT it receives; its own later packets use it too, so the same
// switch applies to both directions.
void parsegrind(const std::filesystem::path& dump) {
    const auto packets = test::read_packet_dump(dump);
    REQUIRE(!packets.empty());
    for (auto dir : {test::packet_direction::client_to_server, test::packet_direction::server_to_client}) {
        std::vector<std::vector<std::uint8_t>> expected;
        for (const auto& p : packets)
            if (p.direction == dir) expected.push_back(p.bytes);
        auto stream = test::direction_stream(packets, dir);
        // The client-side stream has no ACCEPT in it: switch after the
        // CONNECT and its overflow DATA instead (the first two packets).
        const bool client = dir == test::packet_direction::client_to_server;
        const auto check  = [&](const collected& got) {
            REQUIRE(!got.ec);
            REQUIRE(got.packets.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i)
                CHECK(got.packets[i] == expected[i]);
        };
        if (client) {
            // Feed the first two (short-form) packets, then the rest in large form.
            const std::size_t split = expected[0].size() + expected[1].size();
            const auto run_client   = [&](auto chunker) {
                collected out;
                assembler a;
                std::size_t pos = 0;
                for (;;) {
                    packet_view v;
                    std::error_code ec;
                    const auto st = a.next(v, ec);
                    if (st == assemble_status::packet) {
                        out.packets.emplace_back(v.bytes.begin(), v.bytes.end());
                        if (out.packets.size() == 2) a.set_length_mode(length_mode::large_sdu);
                        continue;
                    }
                    if (st == assemble_status::error) {
                        out.ec = ec;
                        return out;
                    }
                    if (pos == stream.size()) break;
                    // Never let a chunk cross the mode switch before both
                    // short packets are out (a driver reads the ACCEPT first).
                    std::size_t n = std::min(chunker(), stream.size() - pos);
                    if (pos < split) n = std::min(n, split - pos);
                    a.feed(bytes_view(stream).subspan(pos, n));
                    pos += n;
                }
                return out;
            };
            check(run_client([&] { return stream.size(); }));
            check(run_client([] { return std::size_t{1}; }));
            std::mt19937 rng(42);
            check(run_client([&] { return std::size_t{1} + rng() % 3000; }));
        } else {
            check(run(stream, [&] { return stream.size(); }));
            check(run(stream, [] { return std::size_t{1}; }));
            std::mt19937 rng(7);
            check(run(stream, [&] { return std::size_t{1} + rng() % 3000; }));
        }
        // Every packet decodes by its type.
        length_mode mode = length_mode::short_form;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (client && i == 2) mode = length_mode::large_sdu;
            packet_view v;
            REQUIRE(!parse_packet(expected[i], mode, v));
            any_packet any;
            const auto ec = decode_packet(v, any);
            INFO("packet " << i << " type " << static_cast<int>(v.type()) << ": " << ec.message());
            CHECK(!ec);
            if (!client && v.type() == packet_type::accept)
                mode = negotiated_length_mode(std::get<accept_packet>(any));
        }
    }
}

std::vector<std::uint8_t> packet(std::string_view hex) { return test::from_hex(hex); }

}  // namespace

TEST_CASE("assembler: need_more until the whole packet is in") {
    const auto bytes = packet("000b 0000 0c00 0000 010001");
    assembler a;
    packet_view v;
    std::error_code ec;
    CHECK(a.next(v, ec) == assemble_status::need_more);
    a.feed(bytes_view(bytes).first(1));
    CHECK(a.next(v, ec) == assemble_status::need_more);
    a.feed(bytes_view(bytes).subspan(1, 9));
    CHECK(a.next(v, ec) == assemble_status::need_more);
    a.feed(bytes_view(bytes).subspan(10));
    REQUIRE(a.next(v, ec) == assemble_status::packet);
    CHECK(v.type() == packet_type::marker);
    CHECK(v.bytes.size() == 11);
    CHECK(a.next(v, ec) == assemble_status::need_more);
    CHECK(a.buffered() == 0);
}

TEST_CASE("assembler: several packets in one feed, then the 4-byte form") {
    auto bytes       = packet("0008 0000 0b00 0000  000b 0000 0c00 0000 010002");
    const auto large = packet("0000000a 0600 0000 0040");
    bytes.insert(bytes.end(), large.begin(), large.end());
    assembler a;
    a.feed(bytes);
    packet_view v;
    std::error_code ec;
    REQUIRE(a.next(v, ec) == assemble_status::packet);
    CHECK(v.type() == packet_type::resend);
    REQUIRE(a.next(v, ec) == assemble_status::packet);
    CHECK(v.type() == packet_type::marker);
    a.set_length_mode(length_mode::large_sdu);
    REQUIRE(a.next(v, ec) == assemble_status::packet);
    CHECK(v.type() == packet_type::data);
    CHECK(v.hdr.length == 10);
    CHECK(a.next(v, ec) == assemble_status::need_more);
}

TEST_CASE("assembler: a length below 8 is tns_bad_length, and errors stick") {
    assembler a;
    a.feed(packet("0007"));
    packet_view v;
    std::error_code ec;
    REQUIRE(a.next(v, ec) == assemble_status::error);
    CHECK(ec == client_errc::tns_bad_length);
    a.feed(packet("000b 0000 0c00 0000 010002"));
    CHECK(a.next(v, ec) == assemble_status::error);
    CHECK(ec == client_errc::tns_bad_length);
    a.reset();
    a.feed(packet("0008 0000 0b00 0000"));
    CHECK(a.next(v, ec) == assemble_status::packet);
}

TEST_CASE("assembler: a length above the SDU is tns_packet_too_large as soon as it is read") {
    assembler a(length_mode::large_sdu, 8192);
    a.feed(packet("0000 2001"));  // 8193: only the length is in
    packet_view v;
    std::error_code ec;
    REQUIRE(a.next(v, ec) == assemble_status::error);
    CHECK(ec == client_errc::tns_packet_too_large);
    CHECK(a.error() == client_errc::tns_packet_too_large);

    assembler b(length_mode::large_sdu, 8192);
    std::vector<std::uint8_t> exact = packet("0000 2000 0600 0000 0000");
    exact.resize(8192, 0x20);
    b.feed(exact);
    CHECK(b.next(v, ec) == assemble_status::packet);
}

TEST_CASE("assembler parsegrind over the 23ai session dumps") {
    ORANET_REQUIRE_VECTOR(dir, "captures/free23-python-oracledb");
    const auto dumps = test::session_dumps(dir);
    REQUIRE(!dumps.empty());
    for (const auto& d : dumps) {
        DYNAMIC_SECTION(d.filename().string()) { parsegrind(d); }
    }
}

TEST_CASE("packet dumps: the 23ai server's packets after ACCEPT use 4-byte lengths") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/pipeline_session.txt");
    const auto packets = test::read_packet_dump(path);
    REQUIRE(packets.size() > 3);
    CHECK(packets[2].direction == test::packet_direction::server_to_client);
    CHECK(packets[2].bytes[4] == 2);  // ACCEPT, 2-byte length
    CHECK(packets[2].bytes[0] * 256u + packets[2].bytes[1] == packets[2].bytes.size());
    // The next server packet: 4-byte length (its first two bytes are 0).
    for (std::size_t i = 3; i < packets.size(); ++i) {
        if (packets[i].direction != test::packet_direction::server_to_client) continue;
        CHECK(packets[i].bytes[0] == 0);
        CHECK(packets[i].bytes[1] == 0);
        break;
    }
}
