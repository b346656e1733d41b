// NUMBER (and BINARY_INTEGER in row data) <-> oranet::number.
//
// Byte form: an exponent byte, then up to 20 base-100 digits.
// - positive: exponent byte = 0xc1 + base-100 exponent, each digit stored + 1;
// - negative: every byte is the complement: exponent byte inverted, each
//   digit stored as 101 - digit, and a 102 terminator when there are fewer
//   than 20 digits;
// - zero is the single byte 0x80; +infinity is 0xff 0x65; -infinity is the
//   single byte 0x00.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

inline constexpr std::size_t max_number_bytes = 22;  // exponent, 20 digits, terminator

// Decodes one NUMBER value (the whole span). Errors: truncated (empty),
// invalid_number (bad digit byte, too long, out of range).
[[nodiscard]] std::error_code decode_number(bytes_view wire, number& out);

// Appends the byte form of `n` (always canonical: no leading or trailing zero digits).
void encode_number(const number& n, std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
