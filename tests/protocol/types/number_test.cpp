// NUMBER: oranet::number (text, int64, double, ordering) and its byte form.
#include "dump_vectors.hpp"
#include "hex.hpp"

#include <oranet/proto/types/number.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

using namespace oranet;
using namespace oranet::proto::types;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

number num(std::string_view text) {
    number n;
    REQUIRE(number::parse(text, n));
    return n;
}

std::string bytes_of(const number& n) {
    std::vector<std::uint8_t> out;
    encode_number(n, out);
    return to_hex(out);
}

number decoded(std::string_view hex) {
    number n;
    const auto bytes = from_hex(hex);
    REQUIRE(!decode_number(bytes, n));
    return n;
}

// The canonical text of 0.DIGITS x 10^point, built independently of the library.
std::string canonical(bool negative, const std::string& digits, int point) {
    std::string s = negative ? "-" : "";
    const int n   = static_cast<int>(digits.size());
    if (point <= 0) return s + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    if (point >= n) return s + digits + std::string(static_cast<std::size_t>(point - n), '0');
    return s + digits.substr(0, static_cast<std::size_t>(point)) + "." +
           digits.substr(static_cast<std::size_t>(point));
}

}  // namespace

TEST_CASE("NUMBER byte form agrees with Oracle DUMP() examples") {
    // ../shared/vectors/datatypes/oracle_dump_examples.tsv; each row names its page.
    ORANET_REQUIRE_VECTOR(tsv, "datatypes/oracle_dump_examples.tsv");
    int seen = 0;
    for (const auto& row : test::read_dump_rows(tsv)) {
        if (row.type != "NUMBER") continue;
        INFO(row.source << ": " << row.decoded);
        number n;
        REQUIRE(!decode_number(row.bytes, n));
        CHECK(n == num(row.decoded));
        CHECK(bytes_of(n) == to_hex(row.bytes));
        ++seen;
    }
    CHECK(seen >= 12);
}

TEST_CASE("NUMBER special byte forms") {
    // Zero is the single byte 0x80 (ixora note, also in the TSV).
    CHECK(decoded("80").is_zero());
    CHECK(bytes_of(number{}) == "80");
    // python-oracledb base/decoders.pyx: a negative NUMBER with no mantissa is
    // the maximum negative value (Oracle's -infinity, the byte 0x00); the
    // mantissa byte 0x65 after 0xff is digit 100, i.e. 1e126 (+infinity).
    CHECK(decoded("00") == number::negative_infinity());
    CHECK(decoded("ff65") == number::positive_infinity());
    CHECK(bytes_of(number::negative_infinity()) == "00");
    CHECK(bytes_of(number::positive_infinity()) == "ff65");
    // Range ends, by python-oracledb base/encoders.pyx's rules (exponent byte =
    // point/2 + 192, a leading zero digit when the point is odd, 102 after
    // short negatives).
    CHECK(bytes_of(num("1e-130")) == "8002");
    CHECK(bytes_of(num("-1e-130")) == "7f6466");
    CHECK(decoded("8002") == num("1e-130"));
    // A 20-digit negative has no terminator.
    const number long_negative = num("-" + std::string(40, '1'));
    const std::string hex      = bytes_of(long_negative);
    CHECK(hex.size() == 42);
    CHECK(decoded(hex) == long_negative);
}

TEST_CASE("NUMBER: the largest value is 40 nines below 1e126") {
    const number max = num(std::string(40, '9') + "e86");
    std::vector<std::uint8_t> out;
    encode_number(max, out);
    REQUIRE(out.size() == 21);
    CHECK(out[0] == 0xff);
    CHECK(std::all_of(out.begin() + 1, out.end(), [](std::uint8_t b) { return b == 100; }));
    number back;
    REQUIRE(!decode_number(out, back));
    CHECK(back == max);
}

TEST_CASE("NUMBER text parsing: accepted forms give canonical text") {
    const std::pair<const char*, std::string> cases[] = {
        {"0", "0"},
        {"-0", "0"},
        {"000", "0"},
        {"0.000", "0"},
        {"1e5", "100000"},
        {"1E+5", "100000"},
        {"-1.50E-3", "-0.0015"},
        {".5", "0.5"},
        {"5.", "5"},
        {"+7", "7"},
        {"0001.2300", "1.23"},
        {"-12.50", "-12.5"},
        {"123.456e2", "12345.6"},
        {"1e-130", "0." + std::string(129, '0') + "1"},
        {"~", "~"},
        {"-~", "-~"},
        {"12345678901234567890123456789012345678", "12345678901234567890123456789012345678"},
    };
    for (const auto& [in, want] : cases) {
        INFO(in);
        number n;
        REQUIRE(number::parse(in, n));
        CHECK(n.text() == want);
    }
}

TEST_CASE("NUMBER text parsing: refused forms") {
    const char* bad[] = {"", " 7", "7 ", "1e", "e5", ".", "-", "+", "1.2.3", "0x10", "1,5", "inf", "nan",
                         "1e+", "--1", "1e126", "9.99e125e1", "1e-131", "0.01e-129",
                         // 41 significant digits; 40 with an odd point need 21 base-100 digits
                         "12345678901234567890123456789012345678901",
                         "123456789012345678901234567890123456789.1"};
    for (const char* s : bad) {
        INFO(s);
        number n;
        CHECK_FALSE(number::parse(s, n));
    }
    number n;
    CHECK(number::parse("9.99e125", n));
    CHECK(number::parse("1e-129", n));
    CHECK(number::parse("0.1e-129", n));
    CHECK(number::parse("1234567890123456789012345678901234567891", n));  // 40 digits, even point
}

TEST_CASE("NUMBER bytes: invalid forms are errors") {
    const std::pair<const char*, std::error_code> cases[] = {
        {"", client_errc::truncated},
        {"c1", client_errc::invalid_number},  // exponent without digits
        {"3e", client_errc::invalid_number},
        {"c100", client_errc::invalid_number},      // digit byte 0 is below 1
        {"c166", client_errc::invalid_number},      // 101 is not a positive digit byte
        {"c101", client_errc::invalid_number},      // a zero mantissa
        {"3e0166", client_errc::invalid_number},    // 1 is not a negative digit byte
        {"3e66", client_errc::invalid_number},      // terminator only
        {"3e3e6631", client_errc::invalid_number},  // terminator in the middle
        {"c2"
         "02020202020202020202020202020202020202020202",
         client_errc::invalid_number},  // 22 digits
    };
    for (const auto& [hex, ec] : cases) {
        INFO(hex);
        number n;
        CHECK(decode_number(from_hex(hex), n) == ec);
    }
}

TEST_CASE("NUMBER round trip: random canonical text -> bytes -> text") {
    std::mt19937_64 rng(20261124);
    for (int i = 0; i < 20000; ++i) {
        const int len = i % 50 == 0 ? 40 : 1 + static_cast<int>(rng() % 38);
        std::string digits;
        for (int k = 0; k < len; ++k)
            digits += static_cast<char>('0' + rng() % 10);
        digits.front() = static_cast<char>('1' + rng() % 9);
        digits.back()  = static_cast<char>('1' + rng() % 9);
        int point      = -129 + static_cast<int>(rng() % 256);
        if (len == 40 && point % 2 != 0) ++point;  // 40 digits fit only when aligned on pairs
        const bool negative    = (rng() & 1) != 0;
        const std::string text = canonical(negative, digits, point);
        INFO(text);
        number n;
        REQUIRE(number::parse(text, n));
        REQUIRE(n.text() == text);
        std::vector<std::uint8_t> bytes;
        encode_number(n, bytes);
        CHECK(bytes.size() <= max_number_bytes);
        number back;
        REQUIRE(!decode_number(bytes, back));
        CHECK(back.text() == text);
        // The same value written with an exponent parses to the same number.
        const std::string sci =
            std::string(negative ? "-" : "") + "0." + digits + "e" + std::to_string(point);
        number from_sci;
        REQUIRE(number::parse(sci, from_sci));
        CHECK(from_sci == n);
    }
}

TEST_CASE("NUMBER <-> int64 is exact") {
    std::vector<std::int64_t> values = {0,
                                        1,
                                        -1,
                                        99,
                                        100,
                                        -100,
                                        101,
                                        1000000,
                                        std::numeric_limits<std::int64_t>::max(),
                                        std::numeric_limits<std::int64_t>::min(),
                                        std::numeric_limits<std::int64_t>::min() + 1};
    std::mt19937_64 rng(7);
    for (int i = 0; i < 5000; ++i)
        values.push_back(static_cast<std::int64_t>(rng()) >> (rng() % 63));
    for (std::int64_t v : values) {
        INFO(v);
        const number n = number::from_int64(v);
        CHECK(n.text() == std::to_string(v));
        CHECK(n.is_integer());
        std::vector<std::uint8_t> bytes;
        encode_number(n, bytes);
        number back;
        REQUIRE(!decode_number(bytes, back));
        std::int64_t out = 0;
        REQUIRE(back.to_int64(out));
        CHECK(out == v);
    }
    std::int64_t out = 0;
    CHECK_FALSE(num("9223372036854775808").to_int64(out));
    CHECK_FALSE(num("-9223372036854775809").to_int64(out));
    CHECK_FALSE(num("1.5").to_int64(out));
    CHECK_FALSE(num("1e30").to_int64(out));
    CHECK_FALSE(number::positive_infinity().to_int64(out));
    CHECK(num("1e18").to_int64(out));
    CHECK(out == 1000000000000000000);
}

TEST_CASE("NUMBER <-> double: shortest round-trip text") {
    const std::pair<double, const char*> cases[] = {
        {0.1, "0.1"},
        {2.5, "2.5"},
        {-1.5, "-1.5"},
        {1e21, "1000000000000000000000"},
        {-0.0, "0"},
        {12345678901234.0, "12345678901234"},
        {1.0 / 3, "0.3333333333333333"},
        {5e-324, nullptr},
    };
    for (const auto& [d, want] : cases) {
        INFO(d);
        number n;
        if (want == nullptr) {
            CHECK_FALSE(number::from_double(d, n));  // below 1e-130
            continue;
        }
        REQUIRE(number::from_double(d, n));
        CHECK(n.text() == want);
        CHECK(n.to_double() == d);
    }
    number n;
    CHECK_FALSE(number::from_double(std::nan(""), n));
    CHECK_FALSE(number::from_double(1e300, n));
    REQUIRE(number::from_double(std::numeric_limits<double>::infinity(), n));
    CHECK(n == number::positive_infinity());
    CHECK(std::isinf(number::negative_infinity().to_double()));

    std::mt19937_64 rng(11);
    int checked = 0;
    while (checked < 20000) {
        const double d = std::bit_cast<double>(rng());
        if (!std::isfinite(d) || d == 0 || std::fabs(d) < 1e-129 || std::fabs(d) >= 1e125) continue;
        ++checked;
        INFO(d);
        REQUIRE(number::from_double(d, n));
        std::vector<std::uint8_t> bytes;
        encode_number(n, bytes);
        number back;
        REQUIRE(!decode_number(bytes, back));
        CHECK(back.to_double() == d);
    }
}

TEST_CASE("NUMBER ordering is numeric") {
    const char* sorted[] = {"-~", "-1e125", "-100",    "-99.5", "-1", "-0.5",      "-1e-130",
                            "0",  "1e-130", "0.00012", "0.5",   "1",  "1.0000001", "9",
                            "10", "99.99",  "100",     "1e125", "~"};
    for (std::size_t i = 0; i < std::size(sorted); ++i)
        for (std::size_t j = 0; j < std::size(sorted); ++j) {
            INFO(sorted[i] << " vs " << sorted[j]);
            CHECK((num(sorted[i]) <=> num(sorted[j])) == (i <=> j));
        }
    std::mt19937_64 rng(3);
    for (int i = 0; i < 5000; ++i) {
        const double a = std::ldexp(static_cast<double>(static_cast<std::int64_t>(rng() >> 12)),
                                    -static_cast<int>(rng() % 40));
        const double b =
            std::ldexp(static_cast<double>(static_cast<std::int64_t>(rng() >> 12)) * ((rng() & 1) ? 1 : -1),
                       -static_cast<int>(rng() % 40));
        number na;
        number nb;
        REQUIRE(number::from_double(a, na));
        REQUIRE(number::from_double(b, nb));
        CHECK((na <=> nb) == (a < b   ? std::strong_ordering::less
                              : a > b ? std::strong_ordering::greater
                                      : std::strong_ordering::equal));
    }
}
