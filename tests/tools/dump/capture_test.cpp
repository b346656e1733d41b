// The capture readers of `oranet dump` (tools/dump): pcap and pcapng
// containers, the link types, TCP reassembly, and the hex dumps of the thin
// clients' packet tracing. Captures here are built by the tests themselves
// (tools/dump/pcap_writer's frame layout); real ones are in dump_vectors_test.
#include "dump/capture.hpp"

#include "dump/pcap_writer.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

using namespace oranet::dump;
using bytes = std::vector<std::uint8_t>;

namespace {

endpoint ep(std::uint8_t last, std::uint16_t port) {
    endpoint e;
    e.addr[0] = 10;
    e.addr[3] = last;
    e.port    = port;
    return e;
}

void le32(bytes& b, std::uint32_t x) {
    for (int i = 0; i < 4; ++i)
        b.push_back(static_cast<std::uint8_t>(x >> (8 * i)));
}
void le16(bytes& b, std::uint16_t x) {
    b.push_back(static_cast<std::uint8_t>(x));
    b.push_back(static_cast<std::uint8_t>(x >> 8));
}

// A classic little-endian pcap of `frames` with link type `link`.
bytes make_pcap(const std::vector<bytes>& frames, std::uint32_t link) {
    bytes f;
    le32(f, 0xa1b2c3d4);
    le16(f, 2);
    le16(f, 4);
    le32(f, 0);
    le32(f, 0);
    le32(f, 65535);
    le32(f, link);
    for (const auto& fr : frames) {
        le32(f, 1);
        le32(f, 2);
        le32(f, static_cast<std::uint32_t>(fr.size()));
        le32(f, static_cast<std::uint32_t>(fr.size()));
        f.insert(f.end(), fr.begin(), fr.end());
    }
    return f;
}

void block(bytes& f, std::uint32_t type, const bytes& body) {
    const std::uint32_t len = static_cast<std::uint32_t>(12 + (body.size() + 3) / 4 * 4);
    le32(f, type);
    le32(f, len);
    f.insert(f.end(), body.begin(), body.end());
    while ((f.size() % 4) != 0)
        f.push_back(0);
    le32(f, len);
}

// A little-endian pcapng: section header, one interface, enhanced packet blocks.
bytes make_pcapng(const std::vector<bytes>& frames, std::uint32_t link) {
    bytes f, shb, idb;
    le32(shb, 0x1a2b3c4d);
    le16(shb, 1);
    le16(shb, 0);
    for (int i = 0; i < 8; ++i)
        shb.push_back(0xff);  // section length unknown
    block(f, 0x0a0d0d0a, shb);
    le16(idb, static_cast<std::uint16_t>(link));
    le16(idb, 0);
    le32(idb, 65535);
    block(f, 1, idb);
    for (const auto& fr : frames) {
        bytes epb;
        le32(epb, 0);
        le32(epb, 0);
        le32(epb, 1);
        le32(epb, static_cast<std::uint32_t>(fr.size()));
        le32(epb, static_cast<std::uint32_t>(fr.size()));
        epb.insert(epb.end(), fr.begin(), fr.end());
        block(f, 6, epb);
    }
    return f;
}

struct collected {
    std::map<std::pair<std::size_t, int>, bytes> data;  // (stream, side) -> bytes
    std::size_t gaps   = 0;
    std::size_t closes = 0;
};

collected reassemble(const bytes& file) {
    collected out;
    tcp_reassembler tcp([&](const stream_chunk& c) {
        auto& d = out.data[{c.stream, c.side}];
        if (c.gap) {
            out.gaps += c.gap;
            d.insert(d.end(), c.gap, '?');
        }
        d.insert(d.end(), c.data.begin(), c.data.end());
        if (c.closed) ++out.closes;
    });
    const std::string err = read_pcap_frames(file, [&](const raw_frame& f) {
        tcp_segment s;
        if (parse_tcp_frame(f.link, f.data, s)) tcp.add(f.index, s);
    });
    REQUIRE(err.empty());
    tcp.finish();
    return out;
}

bytes text(std::string_view s) { return bytes(s.begin(), s.end()); }

const endpoint client = ep(1, 40000), server = ep(2, 1521);

bytes seg(bool from_client, std::uint32_t seq, std::string_view payload, std::uint8_t flags = tcp_flag::ack) {
    const bytes p = text(payload);
    return from_client ? make_tcp_frame(client, server, seq, 0, flags, p)
                       : make_tcp_frame(server, client, seq, 0, flags, p);
}

}  // namespace

TEST_CASE("pcap and pcapng carry the same frames to TCP reassembly", "[capture]") {
    const std::vector<bytes> frames = {
        seg(true, 100, "", tcp_flag::syn), seg(false, 500, "", tcp_flag::syn | tcp_flag::ack),
        seg(true, 101, "hello "), seg(false, 501, "world"), seg(true, 107, "again")};
    for (const bytes& file :
         {make_pcap(frames, link_type::ethernet), make_pcapng(frames, link_type::ethernet)}) {
        const collected c = reassemble(file);
        CHECK(c.data.at({1, 0}) == text("hello again"));
        CHECK(c.data.at({1, 1}) == text("world"));
        CHECK(c.gaps == 0);
    }
}

TEST_CASE("link types: Ethernet, Linux SLL and SLL2, raw IP, BSD null and loop", "[capture]") {
    const bytes eth = seg(true, 1, "payload");
    const bytes ip(eth.begin() + 14, eth.end());  // the IPv4 packet
    auto with = [&](bytes head) {
        head.insert(head.end(), ip.begin(), ip.end());
        return head;
    };
    bytes sll(16, 0);
    sll[14] = 0x08;
    bytes sll2(20, 0);
    sll2[0]                                                  = 0x08;
    const std::vector<std::pair<std::uint32_t, bytes>> cases = {{link_type::ethernet, eth},
                                                                {link_type::linux_sll, with(sll)},
                                                                {link_type::linux_sll2, with(sll2)},
                                                                {link_type::raw, ip},
                                                                {link_type::ipv4, ip},
                                                                {link_type::null_bsd, with({2, 0, 0, 0})},
                                                                {link_type::loop, with({0, 0, 0, 2})}};
    for (const auto& [link, frame] : cases) {
        INFO("link type " << link);
        tcp_segment s;
        REQUIRE(parse_tcp_frame(link, frame, s));
        CHECK(s.src == client);
        CHECK(s.dst == server);
        CHECK(bytes(s.payload.begin(), s.payload.end()) == text("payload"));
    }
    // A VLAN tag between the MAC addresses and the ethertype.
    bytes vlan(eth.begin(), eth.begin() + 12);
    vlan.insert(vlan.end(), {0x81, 0x00, 0x00, 0x05});
    vlan.insert(vlan.end(), eth.begin() + 12, eth.end());
    tcp_segment s;
    CHECK(parse_tcp_frame(link_type::ethernet, vlan, s));
}

TEST_CASE("IPv6 with an extension header", "[capture]") {
    const bytes eth = seg(true, 1, "six");
    const bytes tcp(eth.begin() + 34, eth.end());
    bytes ip6(40, 0);
    ip6[0]                 = 0x60;
    const std::size_t plen = 8 + tcp.size();
    ip6[4]                 = static_cast<std::uint8_t>(plen >> 8);
    ip6[5]                 = static_cast<std::uint8_t>(plen);
    ip6[6]                 = 0;                       // hop-by-hop options first
    ip6[23]                = 1;                       // ::1
    ip6[39]                = 2;                       // ::2
    ip6.insert(ip6.end(), {6, 0, 0, 0, 0, 0, 0, 0});  // then TCP
    ip6.insert(ip6.end(), tcp.begin(), tcp.end());
    tcp_segment s;
    REQUIRE(parse_tcp_frame(link_type::raw, ip6, s));
    CHECK(s.src.v6);
    CHECK(s.src.port == 40000);
    CHECK(bytes(s.payload.begin(), s.payload.end()) == text("six"));
    CHECK(s.src.to_string() == "[0:0:0:0:0:0:0:1]:40000");
}

TEST_CASE("TCP reassembly: out of order, retransmitted and overlapping segments", "[capture]") {
    const std::vector<bytes> frames = {
        seg(true, 1000, "", tcp_flag::syn),
        seg(true, 1007, "world"),   // arrives before the bytes before it
        seg(true, 1001, "hello "),  // fills the hole
        seg(true, 1001, "hello "),  // retransmitted
        seg(true, 1009, "rld!!"),   // overlaps the end of "world"
        seg(true, 1014, "", tcp_flag::fin | tcp_flag::ack),
    };
    const collected c = reassemble(make_pcap(frames, link_type::ethernet));
    CHECK(c.data.at({1, 0}) == text("hello world!!"));
    CHECK(c.gaps == 0);
    CHECK(c.closes == 1);
}

TEST_CASE("TCP reassembly: a hole never filled is reported as a gap", "[capture]") {
    const std::vector<bytes> frames = {seg(true, 1, "abc"), seg(true, 10, "xyz")};  // 6 bytes lost
    const collected c               = reassemble(make_pcap(frames, link_type::ethernet));
    CHECK(c.gaps == 6);
    CHECK(c.data.at({1, 0}) == text("abc??????xyz"));
}

TEST_CASE("TCP reassembly: sequence numbers wrap around 2^32", "[capture]") {
    const std::vector<bytes> frames = {seg(true, 0xfffffffe, "ab"), seg(true, 0, "cd")};
    const collected c               = reassemble(make_pcap(frames, link_type::ethernet));
    CHECK(c.data.at({1, 0}) == text("abcd"));
}

TEST_CASE("the client side: SYN sender, else the side not on port 1521", "[capture]") {
    // No handshake in the capture; the server (port 1521) speaks first.
    const std::vector<bytes> frames = {seg(false, 1, "from server"), seg(true, 1, "from client")};
    const collected c               = reassemble(make_pcap(frames, link_type::ethernet));
    CHECK(c.data.at({1, 0}) == text("from client"));
    CHECK(c.data.at({1, 1}) == text("from server"));
}

TEST_CASE("malformed captures: every prefix and random damage give an error, never a crash", "[capture]") {
    const std::vector<bytes> frames = {seg(true, 1, "abc"), seg(false, 1, "defg"), seg(true, 4, "hij")};
    // Cut at a record (block) boundary a file is whole and shorter; cut
    // anywhere else it is malformed.
    for (const auto& [file, boundaries] :
         {std::pair{make_pcap(frames, link_type::ethernet),
                    frames.size()},  // after the header and each record
          std::pair{make_pcapng(frames, link_type::ethernet), frames.size() + 1}}) {  // and after the IDB
        std::size_t whole = 0;
        for (std::size_t n = 0; n < file.size(); ++n) {
            const bytes cut(file.begin(), file.begin() + static_cast<long>(n));
            std::size_t seen = 0;
            const auto err   = read_pcap_frames(cut, [&](const raw_frame& f) {
                tcp_segment s;
                (void)parse_tcp_frame(f.link, f.data, s);
                ++seen;
            });
            CHECK(seen <= frames.size());
            if (err.empty()) ++whole;
        }
        CHECK(whole == boundaries);
        std::mt19937 rng(7);
        for (int round = 0; round < 500; ++round) {
            bytes damaged = file;
            for (int k = 0; k < 4; ++k)
                damaged[rng() % damaged.size()] = static_cast<std::uint8_t>(rng());
            tcp_reassembler tcp([](const stream_chunk&) {});
            (void)read_pcap_frames(damaged, [&](const raw_frame& f) {
                tcp_segment s;
                if (parse_tcp_frame(f.link, f.data, s)) tcp.add(f.index, s);
            });
            tcp.finish();
        }
    }
    CHECK(read_pcap_frames(text("definitely not a capture"), [](const raw_frame&) {}) ==
          "not a pcap or pcapng file");
}

TEST_CASE("pcap_writer: a proxied connection reads back as one stream", "[capture]") {
    const auto path = std::filesystem::temp_directory_path() / "oranet-dump-writer-test.pcap";
    {
        pcap_writer w;
        REQUIRE(w.open(path.string()));
        const std::size_t c = w.begin_connection(client, server);
        w.write_data(c, true, text("request"));
        w.write_data(c, false, text("reply"));
        w.write_data(c, true, text(" more"));
        w.write_fin(c, true);
        w.write_fin(c, false);
        CHECK(w.frames() == 3 + 3 + 4);
    }
    std::ifstream in(path, std::ios::binary);
    const bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    const collected c = reassemble(file);
    CHECK(c.data.at({1, 0}) == text("request more"));
    CHECK(c.data.at({1, 1}) == text("reply"));
    CHECK(c.closes == 2);
    CHECK(c.gaps == 0);
}

TEST_CASE("hex dumps of python-oracledb and node-oracledb packet tracing", "[capture]") {
    // The line formats of both clients (python: "[op N] on socket S";
    // node: "N on stream S:"), with made-up bytes.
    const std::string python =
        "2026-01-01 10:00:00.000 Sending packet [op 1] on socket 4\n"
        "0000 : 00 0A 00 00 06 00 00 00 |........|\n"
        "0008 : 41 42                   |AB      |\n"
        "\n"
        "2026-01-01 10:00:00.001 Receiving packet [op 2] on socket 4\n"
        "0000 : 7C 20 41 00 00 00 00 00 ||.A.....|\n";
    const std::string node =
        "2026-00-02 10:00:00.000 Sending packet 1 on stream 7:\n"
        "0000 : 01 02 03 04 05 06 07 08 |........|\n"
        "0008 : 09                      |.       |\n"
        "\n"
        "2026-00-02 10:00:00.002 Receiving packet 1 on stream 8:\n"
        "0000 : FF                      |.       |\n";
    for (const auto& [dump, expect] :
         std::vector<std::pair<std::string, std::vector<std::tuple<std::size_t, int, bytes>>>>{
             {python,
              {{1, 0, {0, 0x0a, 0, 0, 6, 0, 0, 0, 0x41, 0x42}}, {1, 1, {0x7c, 0x20, 0x41, 0, 0, 0, 0, 0}}}},
             {node, {{1, 0, {1, 2, 3, 4, 5, 6, 7, 8, 9}}, {2, 1, {0xff}}}}}) {
        REQUIRE(looks_like_hex_dump(dump));
        std::vector<std::tuple<std::size_t, int, bytes>> got;
        read_hex_dump(dump, [&](const stream_chunk& c) {
            got.emplace_back(c.stream, c.side, bytes(c.data.begin(), c.data.end()));
        });
        CHECK(got == expect);
    }
    CHECK_FALSE(looks_like_hex_dump("just some text"));
}
