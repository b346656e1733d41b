// Character set conversion between the wire and UTF-8, usable on its own
// (the client and the emulator both use it).
//
// Supported ids (oranet::proto::types::charset): AL32UTF8 (873) and UTF8
// (871), validated as strict UTF-8 (no overlongs, no surrogates, nothing past
// U+10FFFF; UTF8's CESU-8 surrogate pairs are refused); AL16UTF16 (2000),
// big-endian UTF-16 with surrogate pairs; WE8MSWIN1252 (178) and
// WE8ISO8859P1 (31), single-byte. Errors: invalid_utf8, invalid_utf16,
// unmappable_character (a byte with no character, or a character the target
// cannot hold), unsupported_charset.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/types/codec.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

[[nodiscard]] bool is_supported_charset(std::uint16_t charset_id) noexcept;

// invalid_utf8 unless `text` is well-formed UTF-8.
[[nodiscard]] std::error_code validate_utf8(std::string_view text) noexcept;

// Wire bytes in `charset_id` -> UTF-8. `out` is replaced (left empty on error).
[[nodiscard]] std::error_code to_utf8(std::uint16_t charset_id, bytes_view in, std::string& out);

// UTF-8 -> wire bytes in `charset_id`. `out` is replaced (left empty on error).
[[nodiscard]] std::error_code from_utf8(std::uint16_t charset_id, std::string_view in,
                                        std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types
