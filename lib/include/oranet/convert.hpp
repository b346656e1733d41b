// Conversions from a decoded oranet::value to the C++ types a program asks
// for: value_as<T>(v) throws oranet::error (type_mismatch, null_value,
// number_overflow); convert(v, out) returns the code instead.
//
//   T                                  accepts
//   std::int64_t (and other integers)  NUMBER, BINARY_FLOAT/DOUBLE holding an integer, BOOLEAN
//   double / float                     NUMBER (rounded), BINARY_FLOAT/DOUBLE
//   oranet::number                     NUMBER, integers, BINARY_FLOAT/DOUBLE (shortest text)
//   std::string                        any value but NULL (to_text)
//   bool                               BOOLEAN, NUMBER 0/1
//   oranet::date_time                  DATE, TIMESTAMP, TIMESTAMP WITH (LOCAL) TIME ZONE (UTC)
//   std::chrono::system_clock::time_point  the same, taken as UTC
//   oranet::raw_bytes                  RAW, LONG RAW, BLOB data
//   std::optional<T>                   NULL as std::nullopt, else as T
#pragma once

#include <oranet/error.hpp>
#include <oranet/value.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>

namespace oranet {

// Canonical text of a value (DECISIONS.md "oranet sql output"): NUMBER as
// exact decimal; DATE as YYYY-MM-DD HH:MM:SS; TIMESTAMP with
// `fractional_digits` digits (-1: as many as needed, at most 9); RAW as
// upper-case hex; BOOLEAN as TRUE/FALSE; NULL as "".
[[nodiscard]] std::string to_text(const value& v, int fractional_digits = -1);

[[nodiscard]] std::error_code convert(const value& v, std::int64_t& out);
[[nodiscard]] std::error_code convert(const value& v, double& out);
[[nodiscard]] std::error_code convert(const value& v, float& out);
[[nodiscard]] std::error_code convert(const value& v, number& out);
[[nodiscard]] std::error_code convert(const value& v, std::string& out);
[[nodiscard]] std::error_code convert(const value& v, bool& out);
[[nodiscard]] std::error_code convert(const value& v, date_time& out);
[[nodiscard]] std::error_code convert(const value& v, std::chrono::system_clock::time_point& out);
[[nodiscard]] std::error_code convert(const value& v, raw_bytes& out);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
[[nodiscard]] std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;
[[nodiscard]] date_time from_time_point(std::chrono::system_clock::time_point tp);

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

// Other integer types go through int64 with a range check.
template <class T>
requires(std::is_integral_v<T> && !std::is_same_v<T, std::int64_t> && !std::is_same_v<T, bool>)
    [[nodiscard]] std::error_code convert(const value& v, T& out) {
    std::int64_t wide = 0;
    if (auto ec = convert(v, wide)) return ec;
    if (wide < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (wide > 0 &&
         static_cast<std::uint64_t>(wide) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
        return client_errc::number_overflow;
    out = static_cast<T>(wide);
    return {};
}

template <class T>
[[nodiscard]] std::error_code convert(const value& v, std::optional<T>& out) {
    if (is_null(v)) {
        out.reset();
        return {};
    }
    T inner{};
    if (auto ec = convert(v, inner)) return ec;
    out = std::move(inner);
    return {};
}

template <class T>
[[nodiscard]] T value_as(const value& v) {
    T out{};
    if (auto ec = convert(v, out)) throw error(ec, {});
    return out;
}

}  // namespace oranet
