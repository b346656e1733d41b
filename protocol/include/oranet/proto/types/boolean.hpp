// BOOLEAN (23ai). In row data and binds the value is a small TTC-style
// integer: 0x00 is FALSE, 0x01 0x01 is TRUE; 12.1-era servers may send 0x81
// 0x01 (-1) in place of a NULL whose indicator follows separately, read as
// FALSE. Inside database objects it is a big-endian 32-bit 0 or 1, which is
// accepted too. Anything else is invalid_boolean.
#pragma once

#include <oranet/proto/reader.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

[[nodiscard]] std::error_code decode_boolean(bytes_view wire, bool& out);
// Appends the row-data form (0x01 0x01 or 0x00).
void encode_boolean(bool v, std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
