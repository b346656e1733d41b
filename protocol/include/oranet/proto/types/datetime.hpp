// DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE and WITH LOCAL TIME ZONE.
//
// DATE (7 bytes): century + 100, year-of-century + 100 (both signed parts of
// the year for BC dates: -4712 is 53, 88), month, day, hour + 1, minute + 1,
// second + 1. TIMESTAMP adds the nanoseconds as a big-endian u32 (11 bytes);
// a TIMESTAMP whose fraction is zero may arrive in the 7-byte form.
// TIMESTAMP WITH TIME ZONE (13 bytes): the UTC instant as a TIMESTAMP, then
// either the offset (hour + 20, minute + 60, both signed) or, when the high
// bit of byte 11 is set, a region id: its high 7 bits in byte 11, its low 6
// bits in the top of byte 12.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

inline constexpr int min_year = -4712;
inline constexpr int max_year = 9999;

// True for a real calendar date and time in Oracle's range (year 0 is not one;
// Julian leap years before 1583, Gregorian after).
[[nodiscard]] bool is_valid(const date_time& v) noexcept;

[[nodiscard]] std::error_code decode_date(bytes_view wire, date_time& out);
// Appends 7 bytes; the nanoseconds are dropped (DATE has none).
[[nodiscard]] std::error_code encode_date(const date_time& v, std::vector<std::uint8_t>& out);

// Accepts the 11-byte form and the 7-byte form (fraction zero).
[[nodiscard]] std::error_code decode_timestamp(bytes_view wire, date_time& out);
// Appends 11 bytes, or 7 when `compact` and the fraction is zero (as servers send).
[[nodiscard]] std::error_code encode_timestamp(const date_time& v, std::vector<std::uint8_t>& out,
                                               bool compact = false);

[[nodiscard]] std::error_code decode_timestamp_tz(bytes_view wire, timestamp_tz& out);
// Appends 13 bytes: the region form when region_id != 0, else the offset form.
[[nodiscard]] std::error_code encode_timestamp_tz(const timestamp_tz& v, std::vector<std::uint8_t>& out);

[[nodiscard]] std::error_code decode_timestamp_ltz(bytes_view wire, timestamp_ltz& out);
[[nodiscard]] std::error_code encode_timestamp_ltz(const timestamp_ltz& v, std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
