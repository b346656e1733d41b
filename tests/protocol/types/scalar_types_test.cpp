// BINARY_FLOAT/BINARY_DOUBLE, INTERVAL YEAR TO MONTH / DAY TO SECOND,
// BOOLEAN, ROWID/UROWID.
#include "hex.hpp"

#include <oranet/proto/types/binary_float.hpp>
#include <oranet/proto/types/boolean.hpp>
#include <oranet/proto/types/interval.hpp>
#include <oranet/proto/types/rowid.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

using namespace oranet;
using namespace oranet::proto::types;
using oranet::proto::bytes_view;
using oranet::test::from_hex;
using oranet::test::to_hex;

TEST_CASE("BINARY_DOUBLE/BINARY_FLOAT sortable form") {
    // python-oracledb base/encoders.pyx / decoders.pyx: positive values get
    // the sign bit set, negative values have every bit inverted.
    const std::pair<double, const char*> doubles[] = {
        {2.5, "c004000000000000"},  {-1.5, "4007ffffffffffff"}, {0.0, "8000000000000000"},
        {-0.0, "7fffffffffffffff"}, {1.0, "bff0000000000000"},
    };
    for (const auto& [d, hex] : doubles) {
        INFO(d);
        std::vector<std::uint8_t> out;
        encode_binary_double(d, out);
        CHECK(to_hex(out) == hex);
        double back = 0;
        REQUIRE(!decode_binary_double(out, back));
        CHECK(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(d));
    }
    const std::pair<float, const char*> floats[] = {{0.5f, "bf000000"}, {-2.0f, "3fffffff"}};
    for (const auto& [f, hex] : floats) {
        std::vector<std::uint8_t> out;
        encode_binary_float(f, out);
        CHECK(to_hex(out) == hex);
        float back = 0;
        REQUIRE(!decode_binary_float(out, back));
        CHECK(back == f);
    }
    // Every bit pattern round-trips, and the bytes sort as the values do.
    std::mt19937_64 rng(9);
    for (int i = 0; i < 20000; ++i) {
        const double a = std::bit_cast<double>(rng());
        const double b = std::bit_cast<double>(rng());
        std::vector<std::uint8_t> ea;
        std::vector<std::uint8_t> eb;
        encode_binary_double(a, ea);
        encode_binary_double(b, eb);
        double back = 0;
        REQUIRE(!decode_binary_double(ea, back));
        CHECK(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(a));
        if (!std::isnan(a) && !std::isnan(b) && a != b) CHECK((a < b) == (ea < eb));
        const float f = std::bit_cast<float>(static_cast<std::uint32_t>(rng()));
        std::vector<std::uint8_t> ef;
        encode_binary_float(f, ef);
        float fback = 0;
        REQUIRE(!decode_binary_float(ef, fback));
        CHECK(std::bit_cast<std::uint32_t>(fback) == std::bit_cast<std::uint32_t>(f));
    }
    for (std::size_t n = 0; n < 8; ++n) {
        double d        = 0;
        float f         = 0;
        const auto full = from_hex("c004000000000000");
        CHECK(decode_binary_double(bytes_view(full).first(n), d) == client_errc::truncated);
        const auto full_f = from_hex("bf000000");
        if (n < 4) CHECK(decode_binary_float(bytes_view(full_f).first(n), f) == client_errc::truncated);
    }
}

TEST_CASE("INTERVAL YEAR TO MONTH and DAY TO SECOND") {
    // python-oracledb base/constants.pxi: TNS_DURATION_MID 0x80000000,
    // TNS_DURATION_OFFSET 60.
    interval_ym ym;
    REQUIRE(!decode_interval_ym(from_hex("80000002 3f"), ym));
    CHECK(ym == interval_ym{2, 3});
    REQUIRE(!decode_interval_ym(from_hex("7ffffffe 39"), ym));
    CHECK(ym == interval_ym{-2, -3});
    interval_ds ds;
    REQUIRE(!decode_interval_ds(from_hex("80000001 3e 3f 40 8007a120"), ds));
    CHECK(ds == interval_ds{1, 2, 3, 4, 500000});
    std::vector<std::uint8_t> out;
    REQUIRE(!encode_interval_ds(interval_ds{-1, -2, -3, -4, -500000}, out));
    CHECK(to_hex(out) ==
          "7fffffff3a3938"
          "7ff85ee0");

    CHECK(decode_interval_ym(from_hex("80000002 48"), ym) == client_errc::invalid_datetime);  // 12 months
    CHECK(decode_interval_ym(from_hex("80000002 3b"), ym) == client_errc::invalid_datetime);  // mixed signs
    CHECK(decode_interval_ds(from_hex("80000001 54 3f 40 80000000"), ds) ==
          client_errc::invalid_datetime);  // 24 h
    CHECK(decode_interval_ds(from_hex("80000001 3e 3f 40 c0000000"), ds) ==
          client_errc::invalid_datetime);  // >= 1 s

    std::mt19937_64 rng(13);
    for (int i = 0; i < 10000; ++i) {
        const int sign = (rng() & 1) != 0 ? 1 : -1;
        const interval_ym y{sign * static_cast<std::int32_t>(rng() % 1000000000),
                            sign * static_cast<std::int32_t>(rng() % 12)};
        out.clear();
        REQUIRE(!encode_interval_ym(y, out));
        REQUIRE(!decode_interval_ym(out, ym));
        CHECK(ym == y);
        const interval_ds d{sign * static_cast<std::int32_t>(rng() % 1000000000),
                            sign * static_cast<std::int32_t>(rng() % 24),
                            sign * static_cast<std::int32_t>(rng() % 60),
                            sign * static_cast<std::int32_t>(rng() % 60),
                            sign * static_cast<std::int32_t>(rng() % 1000000000)};
        out.clear();
        REQUIRE(!encode_interval_ds(d, out));
        REQUIRE(!decode_interval_ds(out, ds));
        CHECK(ds == d);
    }
    const auto full = from_hex("80000001 3e 3f 40 8007a120");
    for (std::size_t n = 0; n < full.size(); ++n) {
        CHECK(decode_interval_ds(bytes_view(full).first(n), ds) == client_errc::truncated);
        if (n < 5) CHECK(decode_interval_ym(bytes_view(full).first(n), ym) == client_errc::truncated);
    }
}

TEST_CASE("BOOLEAN forms") {
    // python-oracledb base/buffer.pyx and node-oracledb buffer.js readBool:
    // 0x00 is FALSE and 0x01 0x01 TRUE in row data (0x81 0x01 from 12.1 stands
    // for a NULL whose indicator follows); a big-endian 32-bit 0/1 inside objects.
    // encoders.pyx encode_boolean writes 0x01 0x01 and 0x00.
    const std::pair<const char*, bool> ok[] = {
        {"00", false}, {"0101", true}, {"8101", false}, {"00000001", true}, {"00000000", false}};
    for (const auto& [hex, want] : ok) {
        INFO(hex);
        bool v = !want;
        REQUIRE(!decode_boolean(from_hex(hex), v));
        CHECK(v == want);
    }
    for (const char* hex : {"02", "0102", "0201", "00000002", "010101"}) {
        INFO(hex);
        bool v = false;
        CHECK(decode_boolean(from_hex(hex), v) == client_errc::invalid_boolean);
    }
    bool v = false;
    CHECK(decode_boolean({}, v) == client_errc::truncated);
    CHECK(decode_boolean(from_hex("01"), v) == client_errc::truncated);
    std::vector<std::uint8_t> out;
    encode_boolean(true, out);
    encode_boolean(false, out);
    CHECK(to_hex(out) == "010100");
}

TEST_CASE("ROWID text and UROWID bytes") {
    // Oracle Database Concepts, "Rowid Format": AAAPecAAFAAAABSAAA is data
    // object AAAPec, file AAF, block AAAABS, row AAA; the 6+3+6+3 base-64
    // layout is python-oracledb thin/utils.pyx _encode_rowid.
    rowid r;
    REQUIRE(!rowid_from_text("AAAPecAAFAAAABSAAA", r));
    CHECK(r.object == 15 * 4096 + 30 * 64 + 28);
    CHECK(r.file == 5);
    CHECK(r.block == 64 + 18);
    CHECK(r.slot == 0);
    // Object 73196 (R=17, 3=55, s=44), file 4, block 151 (C=2, X=23).
    REQUIRE(!rowid_from_text("AAAR3sAAEAAAACXAAA", r));
    CHECK(r.object == 73196);
    CHECK(r.file == 4);
    CHECK(r.block == 151);
    CHECK(r.slot == 0);
    CHECK(rowid_text(r) == "AAAR3sAAEAAAACXAAA");
    // The 13-byte physical UROWID (thin/packet.pyx read_urowid).
    std::vector<std::uint8_t> out;
    REQUIRE(!encode_urowid(r, out));
    CHECK(to_hex(out) ==
          "01"
          "00011dec"
          "0004"
          "00000097"
          "0000");
    rowid back;
    REQUIRE(!decode_urowid(out, back));
    CHECK(back == r);
    REQUIRE(!decode_rowid_value(out, back));
    CHECK(back == r);
    const std::string text = "AAAR3sAAEAAAACXAAA";
    REQUIRE(!decode_rowid_value(bytes_view(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                                back));
    CHECK(back == r);
    // A logical UROWID shows as '*' and unpadded base-64 of its bytes after the first.
    REQUIRE(!decode_urowid(from_hex("02 04 03 0c 00"), back));
    CHECK(back.text == "*BAMMAA");
    REQUIRE(!rowid_from_text("*BAMMAA", back));
    CHECK(encode_urowid(back, out) == client_errc::invalid_rowid);

    for (const char* bad : {"", "AAAR3sAAEAAAACXAA", "AAAR3sAAEAAAACXAAAA", "AAAR3sAAEAAAACXAA-",
                            "AAAR3s/AEAAAACXAAA", "/AAR3sAAEAAAACXAAA", "*A-"}) {
        INFO(bad);
        CHECK(rowid_from_text(bad, back) == client_errc::invalid_rowid);
    }
    const auto physical = from_hex("01 00011dec 0004 00000097 0000");
    for (std::size_t n = 0; n < physical.size(); ++n)
        CHECK(decode_urowid(bytes_view(physical).first(n), back) == client_errc::truncated);

    std::mt19937_64 rng(17);
    for (int i = 0; i < 5000; ++i) {
        const rowid p =
            rowid_from_parts(static_cast<std::uint32_t>(rng()), static_cast<std::uint16_t>(rng()),
                             static_cast<std::uint32_t>(rng()), static_cast<std::uint16_t>(rng()));
        REQUIRE(p.text.size() == rowid_text_length);
        REQUIRE(!rowid_from_text(p.text, back));
        CHECK(back == p);
        out.clear();
        REQUIRE(!encode_urowid(p, out));
        REQUIRE(!decode_urowid(out, back));
        CHECK(back == p);
    }
}
