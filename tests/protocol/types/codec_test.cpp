// The dispatcher: decode_value / encode_value by wire type, checked against
// the row values of a real server capture and for each type's mapping.
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/types/charset.hpp>
#include <oranet/proto/types/codec.hpp>
#include <oranet/proto/types/rowid.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace oranet;
using namespace oranet::proto::types;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

wire_type of(ora_type t, cs_form f = cs_form::implicit) {
    wire_type w;
    w.type = t;
    w.form = f;
    return w;
}

number num(std::string_view s) {
    number n;
    REQUIRE(number::parse(s, n));
    return n;
}

date_time dt(int y, int mo, int d, int h, int mi, int s, std::uint32_t ns = 0) {
    return date_time{static_cast<std::int16_t>(y),
                     static_cast<std::uint8_t>(mo),
                     static_cast<std::uint8_t>(d),
                     static_cast<std::uint8_t>(h),
                     static_cast<std::uint8_t>(mi),
                     static_cast<std::uint8_t>(s),
                     ns};
}

}  // namespace

TEST_CASE("encode_value reproduces the row values of a real 23ai fetch") {
    // ../shared/vectors/captures/free23-python-oracledb/fetch_df_session.txt:
    // op 17 carries rows 1 and 3 of fdf_golden, whose values
    // fetch_df_session.meta.txt lists. Each value, encoded here and given its
    // one-byte length prefix, must occur in the server's bytes, and decode back.
    ORANET_REQUIRE_VECTOR(dump, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto server =
        test::direction_stream(test::read_packet_dump(dump), test::packet_direction::server_to_client);
    struct cell {
        const char* what;
        wire_type type;
        value v;
    };
    const cell cells[] = {
        {"BIG 12345678901234", of(ora_type::number), num("12345678901234")},
        {"BIG -42", of(ora_type::number), num("-42")},
        {"PRICE 12.34", of(ora_type::number), num("12.34")},
        {"PRICE -99.99", of(ora_type::number), num("-99.99")},
        {"ANYNUM 1.5", of(ora_type::number), num("1.5")},
        {"ANYNUM -0.25", of(ora_type::number), num("-0.25")},
        {"NAME alpha", of(ora_type::varchar), std::string("alpha")},
        {"FIXED 'xyz  '", of(ora_type::char_), std::string("xyz  ")},
        {"HIRED 2024-01-02 03:04:05", of(ora_type::date), dt(2024, 1, 2, 3, 4, 5)},
        {"HIRED 1988-12-31 23:59:58", of(ora_type::date), dt(1988, 12, 31, 23, 59, 58)},
        {"UPDATED 2024-01-02 03:04:05.123456", of(ora_type::timestamp), dt(2024, 1, 2, 3, 4, 5, 123456000)},
        {"UPDATED 1988-12-31 23:59:58.999999", of(ora_type::timestamp),
         dt(1988, 12, 31, 23, 59, 58, 999999000)},
        {"PAYLOAD 0102", of(ora_type::raw), raw_bytes{{1, 2}}},
        {"PAYLOAD ff x 8", of(ora_type::raw), raw_bytes{std::vector<std::uint8_t>(8, 0xff)}},
        {"RATING 2.5", of(ora_type::binary_double), 2.5},
        {"RATING -1.5", of(ora_type::binary_double), -1.5},
        {"SCORE 0.5", of(ora_type::binary_float), 0.5f},
        {"SCORE -2.0", of(ora_type::binary_float), -2.0f},
    };
    for (const auto& c : cells) {
        INFO(c.what);
        std::vector<std::uint8_t> bytes;
        REQUIRE(!encode_value(c.type, c.v, bytes));
        std::vector<std::uint8_t> needle{static_cast<std::uint8_t>(bytes.size())};
        needle.insert(needle.end(), bytes.begin(), bytes.end());
        CHECK(std::search(server.begin(), server.end(), needle.begin(), needle.end()) != server.end());
        value back;
        REQUIRE(!decode_value(c.type, bytes, back));
        CHECK(back == c.v);
    }
}

TEST_CASE("decode_value maps each wire type to its value alternative") {
    value v;
    REQUIRE(!decode_value(of(ora_type::varchar), from_hex("616263"), v));
    CHECK(std::get<std::string>(v) == "abc");
    REQUIRE(!decode_value(of(ora_type::varchar, cs_form::nchar), from_hex("00610062"), v));
    CHECK(std::get<std::string>(v) == "ab");
    wire_type latin = of(ora_type::char_);
    latin.charset   = charset::we8mswin1252;
    REQUIRE(!decode_value(latin, from_hex("80"), v));
    CHECK(std::get<std::string>(v) == "\u20ac");
    CHECK(decode_value(of(ora_type::clob), from_hex("c3"), v) == client_errc::invalid_utf8);
    REQUIRE(!decode_value(of(ora_type::binary_integer), from_hex("c102"), v));
    CHECK(std::get<number>(v) == number::from_int64(1));
    REQUIRE(!decode_value(of(ora_type::long_raw), from_hex("00ff"), v));
    CHECK(std::get<raw_bytes>(v).data == std::vector<std::uint8_t>{0, 0xff});
    REQUIRE(!decode_value(of(ora_type::timestamp_tz), from_hex("787c0102040506000000001d3c"), v));
    CHECK(std::get<timestamp_tz>(v).offset_minutes == 9 * 60);
    REQUIRE(!decode_value(of(ora_type::timestamp_ltz), from_hex("787c0102040506"), v));
    CHECK(std::holds_alternative<timestamp_ltz>(v));
    REQUIRE(!decode_value(of(ora_type::interval_ym), from_hex("800000013c"), v));
    CHECK(std::get<interval_ym>(v) == interval_ym{1, 0});
    REQUIRE(!decode_value(of(ora_type::interval_ds), from_hex("800000003c3c3c80000000"), v));
    CHECK(std::get<interval_ds>(v) == interval_ds{});
    REQUIRE(!decode_value(of(ora_type::boolean), from_hex("0101"), v));
    CHECK(std::get<bool>(v));
    const std::string text = "AAAPecAAFAAAABSAAA";
    REQUIRE(!decode_value(of(ora_type::rowid),
                          {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, v));
    CHECK(std::get<rowid>(v).file == 5);
    REQUIRE(!decode_value(of(ora_type::urowid), from_hex("0100011dec000400000097 0000"), v));
    CHECK(std::get<rowid>(v).object == 73196);
    REQUIRE(!decode_value(of(ora_type::urowid),
                          {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, v));
    CHECK(std::get<rowid>(v).text == text);
    CHECK(decode_value(of(ora_type::cursor), from_hex("00"), v) == client_errc::ttc_unsupported_type);
}

TEST_CASE("encode_value: conversions, NULL and mismatches") {
    std::vector<std::uint8_t> out{1, 2, 3};
    REQUIRE(!encode_value(of(ora_type::number), null_t{}, out));
    CHECK(out.empty());
    REQUIRE(!encode_value(of(ora_type::number), std::string("-123433"), out));
    CHECK(to_hex(out) == "3c59434466");
    REQUIRE(!encode_value(of(ora_type::number), 1.5, out));
    CHECK(to_hex(out) == "c10233");
    REQUIRE(!encode_value(of(ora_type::varchar), num("12.5"), out));
    CHECK(std::string(out.begin(), out.end()) == "12.5");
    REQUIRE(!encode_value(of(ora_type::varchar, cs_form::nchar), std::string("ab"), out));
    CHECK(to_hex(out) == "00610062");
    REQUIRE(!encode_value(of(ora_type::binary_double), num("2.5"), out));
    CHECK(to_hex(out) == "c004000000000000");
    REQUIRE(!encode_value(of(ora_type::date), dt(2024, 1, 2, 3, 4, 5, 999), out));
    CHECK(to_hex(out) == "787c0102040506");
    REQUIRE(!encode_value(of(ora_type::timestamp_tz), dt(2024, 1, 2, 3, 4, 5), out));
    CHECK(to_hex(out) ==
          "787c0102040506000000001"
          "43c");
    REQUIRE(!encode_value(of(ora_type::rowid), rowid_from_parts(63388, 5, 82, 0), out));
    CHECK(std::string(out.begin(), out.end()) == "AAAPecAAFAAAABSAAA");
    REQUIRE(!encode_value(of(ora_type::boolean), false, out));
    CHECK(to_hex(out) == "00");

    CHECK(encode_value(of(ora_type::number), std::string("abc"), out) == client_errc::invalid_number);
    CHECK(out.empty());
    CHECK(encode_value(of(ora_type::raw), std::string("abc"), out) == client_errc::type_mismatch);
    CHECK(encode_value(of(ora_type::date), 1.0, out) == client_errc::type_mismatch);
    CHECK(encode_value(of(ora_type::boolean), num("1"), out) == client_errc::type_mismatch);
    wire_type latin = of(ora_type::varchar);
    latin.charset   = charset::we8iso8859p1;
    CHECK(encode_value(latin, std::string("\u20ac"), out) == client_errc::unmappable_character);
    CHECK(encode_value(of(ora_type::rowid), std::string("nope"), out) == client_errc::invalid_rowid);
    CHECK(encode_value(of(ora_type::bfile), raw_bytes{}, out) == client_errc::ttc_unsupported_type);
}
