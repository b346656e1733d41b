// The byte reader and writer: TTC universal integers, length-prefixed and
// chunked strings, sticky errors, truncated vs malformed.
#include "hex.hpp"

#include <oranet/proto/reader.hpp>
#include <oranet/proto/writer.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto;
using oranet::test::from_hex;
using oranet::test::to_hex;

TEST_CASE("universal integers use the shortest of 0, 1, 2, 4, 8 bytes") {
    // Layout as python-oracledb's Buffer.write_ub4/write_ub8/write_sb4 write it.
    struct row {
        std::uint64_t v;
        const char* hex;
    };
    const row rows[] = {
        {0, "00"},
        {1, "0101"},
        {255, "01ff"},
        {256, "020100"},
        {65535, "02ffff"},
        {65536, "0400010000"},
        {0xffffffffULL, "04ffffffff"},
        {0x100000000ULL, "080000000100000000"},
    };
    for (const auto& r : rows) {
        writer w;
        w.ub8(r.v);
        CHECK(to_hex(w.data()) == r.hex);
        reader rd(w.data());
        CHECK(rd.ub8() == r.v);
        CHECK(!rd.finish());
    }
}

TEST_CASE("signed universal integers carry the sign in the length byte") {
    writer w;
    w.sb4(-1);
    w.sb4(-300);
    w.sb8(std::numeric_limits<std::int64_t>::min());
    w.sb2(127);
    CHECK(to_hex(w.data()) ==
          "8101"
          "82012c"
          "888000000000000000"
          "017f");
    reader r(w.data());
    CHECK(r.sb4() == -1);
    CHECK(r.sb4() == -300);
    CHECK(r.sb8() == std::numeric_limits<std::int64_t>::min());
    CHECK(r.sb2() == 127);
    CHECK(!r.finish());
}

TEST_CASE("reader accepts any length up to the type's maximum") {
    const auto b = from_hex("03010203");  // a UB4 written with three bytes
    reader r(b);
    CHECK(r.ub4() == 0x010203);
    CHECK(!r.finish());
}

TEST_CASE("reader refuses over-long and negative unsigned integers") {
    SECTION("ub2 with 4 bytes") {
        const auto b = from_hex("0400000001");
        reader r(b);
        CHECK(r.ub2() == 0);
        CHECK(r.error() == client_errc::integer_too_long);
    }
    SECTION("ub4 with the sign bit") {
        const auto b = from_hex("8101");
        reader r(b);
        CHECK(r.ub4() == 0);
        CHECK(r.error() == client_errc::unexpected_negative);
    }
}

TEST_CASE("every strict prefix of a message is truncated, and the first error stands") {
    writer w;
    w.u16be(0x1234);
    w.ub4(70000);
    w.sb8(-5);
    w.bytes_with_length(std::string_view("hello"));
    const auto full = w.take();
    for (std::size_t n = 0; n < full.size(); ++n) {
        reader r(std::span<const std::uint8_t>(full).first(n));
        std::vector<std::uint8_t> scratch;
        (void)r.u16be();
        (void)r.ub4();
        (void)r.sb8();
        (void)r.bytes_with_length(scratch);
        INFO("prefix " << n);
        CHECK(r.error() == client_errc::truncated);
        CHECK(r.u8() == 0);  // reads after an error return 0
        CHECK(r.error() == client_errc::truncated);
    }
}

TEST_CASE("length-prefixed strings: short, NULL and the chunked long form") {
    SECTION("short") {
        writer w;
        w.bytes_with_length(std::string_view("abc"));
        CHECK(to_hex(w.data()) == "03616263");
    }
    SECTION("NULL as 0 and as 0xff") {
        for (const char* hex : {"00", "ff"}) {
            const auto b = from_hex(hex);
            reader r(b);
            std::vector<std::uint8_t> scratch;
            CHECK(r.bytes_with_length(scratch).null);
            CHECK(!r.finish());
        }
    }
    SECTION("long values are chunked (0xfe, UB4 chunk lengths, a zero chunk)") {
        std::vector<std::uint8_t> big(100000);
        std::mt19937 rng(7);
        for (auto& c : big)
            c = static_cast<std::uint8_t>(rng());
        writer w;
        w.bytes_with_length(big);
        CHECK(w.data()[0] == 0xfe);
        CHECK(to_hex(w.data().subspan(1, 3)) == "027fff");  // first chunk: 32767 bytes
        reader r(w.data());
        std::vector<std::uint8_t> scratch;
        const opt_bytes got = r.bytes_with_length(scratch);
        CHECK(!r.finish());
        CHECK(!got.null);
        CHECK(std::vector<std::uint8_t>(got.data.begin(), got.data.end()) == big);
    }
    SECTION("253 bytes already take the long form") {
        std::vector<std::uint8_t> v(253, 'x');
        writer w;
        w.bytes_with_length(v);
        CHECK(to_hex(w.data().first(4)) == "fe01fd78");
    }
}

TEST_CASE("count() bounds element counts by the bytes remaining") {
    const auto b = from_hex("0102030405");
    reader r(b);
    CHECK(r.count(5, 10, 1) == 5);
    CHECK(r.ok());
    CHECK(r.count(6, 10, 1) == 0);
    CHECK(r.error() == client_errc::truncated);
    reader r2(b);
    CHECK(r2.count(11, 10, 0) == 0);
    CHECK(r2.error() == client_errc::count_too_large);
}

TEST_CASE("finish() reports bytes left over") {
    const auto b = from_hex("0102");
    reader r(b);
    (void)r.u8();
    CHECK(r.finish() == client_errc::trailing_bytes);
}

TEST_CASE("writer limit is sticky") {
    writer w(4);
    w.u32be(1);
    CHECK(w.ok());
    w.u8(1);
    CHECK(w.error() == client_errc::limit_exceeded);
    CHECK(w.size() == 4);
}

TEST_CASE("back-patched lengths") {
    writer w;
    const auto at = w.reserve_u16be();
    w.bytes(std::string_view("xyz"));
    w.patch_u16be(at, static_cast<std::uint16_t>(w.size()));
    CHECK(to_hex(w.data()) == "000578797a");
}

namespace {
struct collect_sink final : trace_sink {
    std::vector<field_record> records;
    void on_field(const field_record& rec) override { records.push_back(rec); }
};
}  // namespace

TEST_CASE("a trace sink sees each named field with its offset and length") {
    const auto b = from_hex("0002012c");
    collect_sink sink;
    reader r(b, &sink);
    (void)r.u8("flags");
    (void)r.ub4("count");
    (void)r.u8();  // unnamed reads are not traced
    REQUIRE(sink.records.size() == 2);
    CHECK(sink.records[1].name == "count");
    CHECK(sink.records[1].offset == 1);
    CHECK(sink.records[1].length == 3);
    CHECK(sink.records[1].u == 300);
}

TEST_CASE("random round trips of every primitive") {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t u = rng() >> (rng() % 64);
        const auto s          = static_cast<std::int64_t>(rng()) >> (rng() % 64);
        writer w;
        w.ub8(u);
        w.sb8(s);
        w.ub4(static_cast<std::uint32_t>(u));
        w.sb4(static_cast<std::int32_t>(s));
        w.ub2(static_cast<std::uint16_t>(u));
        w.sb2(static_cast<std::int16_t>(s));
        reader r(w.data());
        CHECK(r.ub8() == u);
        CHECK(r.sb8() == s);
        CHECK(r.ub4() == static_cast<std::uint32_t>(u));
        CHECK(r.sb4() == static_cast<std::int32_t>(s));
        CHECK(r.ub2() == static_cast<std::uint16_t>(u));
        CHECK(r.sb2() == static_cast<std::int16_t>(s));
        CHECK(!r.finish());
    }
}
