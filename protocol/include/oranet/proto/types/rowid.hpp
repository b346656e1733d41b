// ROWID and UROWID.
//
// Text form of a physical rowid (18 characters, the "extended" form): the
// object number in 6, the relative file number in 3, the block number in 6
// and the row slot in 3 base-64 digits, most significant first, over the
// alphabet A-Z a-z 0-9 + /. A logical rowid's text starts with '*'.
//
// In a fetch, a ROWID column travels as a length byte and the parts as TTC
// integers (the TTC row decoder reads those; rowid_from_parts builds the
// value). A UROWID column carries bytes: a physical one is 13 bytes (1, then
// the object u32, file u16, block u32, slot u16, big-endian); any other is
// shown as '*' and the base-64 of its bytes after the first. Binds carry the
// text form.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

inline constexpr std::size_t rowid_text_length      = 18;
inline constexpr std::size_t physical_urowid_length = 13;

// The 18-character text of the parts of `r`.
[[nodiscard]] std::string rowid_text(const rowid& r);
// A physical rowid with its text filled in.
[[nodiscard]] rowid rowid_from_parts(std::uint32_t object, std::uint16_t file, std::uint32_t block,
                                     std::uint16_t slot);
// Parses the 18-character text (filling the parts) or a '*' logical text
// (parts stay zero). invalid_rowid otherwise.
[[nodiscard]] std::error_code rowid_from_text(std::string_view text, rowid& out);

[[nodiscard]] std::error_code decode_urowid(bytes_view wire, rowid& out);
// Appends the 13-byte physical form; a logical rowid gives invalid_rowid.
[[nodiscard]] std::error_code encode_urowid(const rowid& r, std::vector<std::uint8_t>& out);

// A ROWID/UROWID value as the dispatcher sees it: the 13-byte physical form,
// or the text form (binds and out binds).
[[nodiscard]] std::error_code decode_rowid_value(bytes_view wire, rowid& out);

}  // namespace oranet::proto::types
