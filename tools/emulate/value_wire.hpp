// Column values <-> their TTC bytes for the types the emulator serves, as a
// stand-in until proto::types::encode_value / decode_value are available.
// NUMBER text goes through Oracle's base-100 form without a double.
#pragma once

#include <oranet/proto/types/codec.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::emulate {

// Oracle NUMBER bytes from decimal text ("-12.5", "1e3" is refused); false when invalid.
[[nodiscard]] bool number_bytes_from_text(std::string_view text, std::vector<std::uint8_t>& out);
// Decimal text (canonical: no exponent, no trailing zeros) from NUMBER bytes.
[[nodiscard]] bool number_text_from_bytes(const std::uint8_t* p, std::size_t n, std::string& out);

// Encodes one non-NULL value for a column of type `t`. A NUMBER column
// accepts a number, an int64 carried as std::string decimal text, or a double.
[[nodiscard]] bool encode_cell(const proto::types::wire_type& t, const value& v,
                               std::vector<std::uint8_t>& out);

// Decodes a bind value the client sent with Oracle type `type`.
[[nodiscard]] bool decode_bind(std::uint8_t type, const std::uint8_t* p, std::size_t n, value& out);

// The text of a value as SQLite takes it (numbers as decimal text).
[[nodiscard]] std::string number_value_text(const value& v);

}  // namespace oranet::emulate
