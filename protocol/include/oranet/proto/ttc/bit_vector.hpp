// Bit vector (message 21): sent before a row that repeats some of the
// previous row's values; a clear bit leaves that column out of the next row.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/reply_context.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct bit_vector {
    std::uint16_t num_columns_sent = 0;
    std::vector<std::uint8_t> bits;  // ceil(columns / 8) bytes, bit i%8 of byte i/8 for column i
};

// Builds the bit vector of `num_columns` columns with `sent[i]` telling which are on the wire.
[[nodiscard]] bit_vector make_bit_vector(const std::vector<bool>& sent);

// Both roles; the length of `bits` comes from the context's column count.
void encode(writer& w, const bit_vector& m, const reply_context& ctx);
[[nodiscard]] std::error_code decode_body(reader& r, bit_vector& m, const reply_context& ctx);

}  // namespace oranet::proto::ttc
