// Typed getters over oranet::value (convert.hpp) and the canonical texts of
// DECISIONS.md ("oranet sql output").
#include <oranet/convert.hpp>
#include <oranet/error.hpp>

#include <catch2/catch.hpp>

using namespace oranet;

namespace {
number num(const char* s) {
    number n;
    REQUIRE(number::parse(s, n));
    return n;
}
}  // namespace

TEST_CASE("convert: integers from NUMBER, exact or refused") {
    CHECK(value_as<std::int64_t>(value{num("42")}) == 42);
    CHECK(value_as<std::int64_t>(value{num("-9223372036854775808")}) == INT64_MIN);
    std::int64_t out = 0;
    CHECK(convert(value{num("9223372036854775808")}, out) == client_errc::number_overflow);
    CHECK(convert(value{num("1.5")}, out) == client_errc::type_mismatch);
    CHECK(convert(value{null_t{}}, out) == client_errc::null_value);
    int small = 0;
    CHECK(convert(value{num("70000")}, small) == std::error_code{});
    CHECK(small == 70000);
    std::int16_t tiny = 0;
    CHECK(convert(value{num("70000")}, tiny) == client_errc::number_overflow);
}

TEST_CASE("convert: optional maps NULL to nullopt") {
    CHECK_FALSE(value_as<std::optional<std::string>>(value{null_t{}}).has_value());
    CHECK(value_as<std::optional<std::string>>(value{std::string("x")}) == "x");
    CHECK_THROWS_AS(value_as<std::string>(value{null_t{}}), oranet::error);
}

TEST_CASE("convert: double, number and string") {
    CHECK(value_as<double>(value{num("0.25")}) == 0.25);
    CHECK(value_as<number>(value{2.5}).text() == "2.5");
    CHECK(value_as<std::string>(value{num("-12.5")}) == "-12.5");
    CHECK(value_as<std::string>(value{raw_bytes{{0x0a, 0xff}}}) == "0AFF");
    CHECK(value_as<std::string>(value{true}) == "TRUE");
}

TEST_CASE("convert: DATE and TIMESTAMP texts and chrono") {
    date_time d{2024, 2, 29, 13, 5, 9, 123456000};
    CHECK(to_text(value{d}, 0) == "2024-02-29 13:05:09");
    CHECK(to_text(value{d}, 6) == "2024-02-29 13:05:09.123456");
    CHECK(to_text(value{d}) == "2024-02-29 13:05:09.123456");
    const auto tp = value_as<std::chrono::system_clock::time_point>(value{d});
    CHECK(from_time_point(tp) == d);
    using namespace std::chrono;
    CHECK(duration_cast<seconds>(
              value_as<system_clock::time_point>(value{date_time{1970, 1, 2}}).time_since_epoch())
              .count() == 86400);
    timestamp_tz z;
    z.utc            = date_time{2024, 1, 1, 23, 30};
    z.offset_minutes = 90;
    CHECK(to_text(value{z}, 0) == "2024-01-02 01:00:00 +01:30");
}
