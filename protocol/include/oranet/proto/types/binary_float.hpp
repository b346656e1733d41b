// BINARY_FLOAT (4 bytes) and BINARY_DOUBLE (8 bytes) in Oracle's sortable
// form: the IEEE 754 bits big-endian; a value with the sign bit clear gets
// the sign bit set, a value with the sign bit set has every bit inverted, so
// the bytes sort as the numbers do. Every bit pattern round-trips (NaNs too).
#pragma once

#include <oranet/proto/reader.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

[[nodiscard]] std::error_code decode_binary_float(bytes_view wire, float& out);
[[nodiscard]] std::error_code decode_binary_double(bytes_view wire, double& out);
void encode_binary_float(float v, std::vector<std::uint8_t>& out);
void encode_binary_double(double v, std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
