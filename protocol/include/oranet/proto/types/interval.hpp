// INTERVAL YEAR TO MONTH (5 bytes: years + 0x80000000 as big-endian u32,
// months + 60) and INTERVAL DAY TO SECOND (11 bytes: days + 0x80000000,
// hours + 60, minutes + 60, seconds + 60, nanoseconds + 0x80000000).
// All parts of one interval share a sign.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

[[nodiscard]] bool is_valid(const interval_ym& v) noexcept;
[[nodiscard]] bool is_valid(const interval_ds& v) noexcept;

[[nodiscard]] std::error_code decode_interval_ym(bytes_view wire, interval_ym& out);
[[nodiscard]] std::error_code encode_interval_ym(const interval_ym& v, std::vector<std::uint8_t>& out);
[[nodiscard]] std::error_code decode_interval_ds(bytes_view wire, interval_ds& out);
[[nodiscard]] std::error_code encode_interval_ds(const interval_ds& v, std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
