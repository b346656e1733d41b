// The DATA framer: a TTC byte stream split into DATA packets of at most the
// SDU, flags on the last one, and reassembled by the assembler.
#include "hex.hpp"

#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/data.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::tns;

TEST_CASE("framer: the payload fills packets of exactly the SDU, the rest in the last") {
    std::vector<std::uint8_t> ttc(10000);
    for (std::size_t i = 0; i < ttc.size(); ++i)
        ttc[i] = static_cast<std::uint8_t>(i * 7);
    writer w;
    REQUIRE(!write_data_packets(w, ttc, 8192, length_mode::large_sdu, data_flags::end_of_request));
    CHECK(w.size() == ttc.size() + 2 * 10);

    assembler a(length_mode::large_sdu, 8192);
    a.feed(w.data());
    packet_view v;
    std::error_code ec;
    std::vector<std::uint8_t> joined;
    std::vector<std::uint16_t> flags;
    std::vector<std::size_t> sizes;
    while (a.next(v, ec) == assemble_status::packet) {
        data_packet d;
        reader r(v.payload());
        REQUIRE(!decode(r, d));
        joined.insert(joined.end(), d.payload.begin(), d.payload.end());
        flags.push_back(d.data_flags);
        sizes.push_back(v.bytes.size());
    }
    CHECK(!ec);
    CHECK(joined == ttc);
    CHECK(sizes == std::vector<std::size_t>{8192, 10000 - 8182 + 10});
    CHECK(flags == std::vector<std::uint16_t>{0, 0x0800});
}

TEST_CASE("framer: random payloads and SDUs reassemble exactly") {
    std::mt19937 rng(1234);
    for (int round = 0; round < 200; ++round) {
        const std::size_t sdu = 11 + rng() % 600;
        std::vector<std::uint8_t> ttc(rng() % 3000);
        for (auto& b : ttc)
            b = static_cast<std::uint8_t>(rng());
        const auto mode = round % 2 ? length_mode::large_sdu : length_mode::short_form;
        writer w;
        REQUIRE(!write_data_packets(w, ttc, sdu, mode, data_flags::eof, 0x0001));
        assembler a(mode, sdu);
        a.feed(w.data());
        packet_view v;
        std::error_code ec;
        std::vector<std::uint8_t> joined;
        std::size_t count  = 0;
        std::uint16_t last = 0;
        while (a.next(v, ec) == assemble_status::packet) {
            data_packet d;
            reader r(v.payload());
            REQUIRE(!decode(r, d));
            CHECK(v.bytes.size() <= sdu);
            if (count > 0) CHECK(last == 0x0001);
            last = d.data_flags;
            joined.insert(joined.end(), d.payload.begin(), d.payload.end());
            ++count;
        }
        REQUIRE(!ec);
        CHECK(joined == ttc);
        CHECK(last == data_flags::eof);
        CHECK(count == std::max<std::size_t>(1, (ttc.size() + sdu - 11) / (sdu - 10)));
    }
}

TEST_CASE("framer: an empty payload is one flags-only packet; a tiny SDU is refused") {
    writer w;
    REQUIRE(!write_data_packets(w, {}, 8192, length_mode::large_sdu, data_flags::eof));
    CHECK(test::to_hex(w.data()) == "0000000a060000000040");
    writer w2;
    const std::vector<std::uint8_t> one = {1};
    CHECK(write_data_packets(w2, one, 10, length_mode::large_sdu, 0) == client_errc::bad_argument);
    // The short form never writes a packet longer than 65535 bytes.
    std::vector<std::uint8_t> big(70000, 1);
    writer w3;
    REQUIRE(!write_data_packets(w3, big, 2097152, length_mode::short_form, 0));
    CHECK(w3.size() == 70000 + 2 * 10);
}
