// Private helpers of the TTC codecs: owned copies of length-prefixed fields.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::proto::ttc::detail {

// bytes_with_length, copied out (NULL gives an empty vector).
inline std::vector<std::uint8_t> read_owned_bytes(reader& r, std::string_view name) {
    std::vector<std::uint8_t> scratch;
    const opt_bytes b = r.bytes_with_length(scratch, name);
    return {b.data.begin(), b.data.end()};
}

// UB4 length then bytes_with_length, copied out (python-oracledb's
// read_bytes_with_length).
inline std::vector<std::uint8_t> read_owned_ub4_bytes(reader& r, std::string_view name) {
    std::vector<std::uint8_t> scratch;
    const opt_bytes b = r.ub4_then_bytes(scratch, name, field_kind::bytes);
    return {b.data.begin(), b.data.end()};
}

// UB4 length then bytes_with_length, as text (read_str_with_length).
inline std::string read_str_with_length(reader& r, std::string_view name) {
    std::vector<std::uint8_t> scratch;
    const opt_bytes b = r.ub4_then_bytes(scratch, name, field_kind::text);
    return {b.data.begin(), b.data.end()};
}

// bytes_with_length as text (read_str).
inline std::string read_str(reader& r, std::string_view name) {
    std::vector<std::uint8_t> scratch;
    const opt_bytes b = r.bytes_with_length(scratch, name, field_kind::text);
    return {b.data.begin(), b.data.end()};
}

inline void write_str_with_length(writer& w, std::string_view s) { w.ub4_then_bytes(s); }

}  // namespace oranet::proto::ttc::detail

namespace oranet::proto::ttc::detail {

// Server role: a universal integer in its fewest bytes (servers send 3-byte
// forms, e.g. `03 22 b1 f5`; python-oracledb's writer only uses 1, 2, 4 or
// 8). Both forms decode the same.
inline void put_ub(writer& w, std::uint64_t v) {
    std::uint8_t n = 0;
    for (std::uint64_t t = v; t != 0; t >>= 8)
        ++n;
    w.u8(n);
    for (int i = n - 1; i >= 0; --i)
        w.u8(static_cast<std::uint8_t>(v >> (8 * i)));
}

inline void put_sb(writer& w, std::int64_t v) {
    const bool negative     = v < 0;
    const std::uint64_t mag = negative ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
    std::uint8_t n          = 0;
    for (std::uint64_t t = mag; t != 0; t >>= 8)
        ++n;
    w.u8(static_cast<std::uint8_t>(n | (negative ? 0x80 : 0)));
    for (int i = n - 1; i >= 0; --i)
        w.u8(static_cast<std::uint8_t>(mag >> (8 * i)));
}

}  // namespace oranet::proto::ttc::detail
