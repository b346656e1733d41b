// Internal helpers shared by the O5Logon roles: hex and decimal text, the
// combo key, and "salt || secret" encryption.
#pragma once

#include <oranet/auth/crypto.hpp>
#include <oranet/auth/o5logon.hpp>
#include <oranet/auth/secret.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::auth::detail {

inline constexpr std::string_view server_to_client = "SERVER_TO_CLIENT";
inline constexpr std::string_view speedy_key_label = "AUTH_PBKDF2_SPEEDY_KEY";
inline constexpr std::size_t salt_prefix           = 16;  // random bytes before a password
inline constexpr std::size_t speedy_key_size       = 80;  // 16 salt + 64 PBKDF2 key

// Hex text to bytes; false for an odd length or a non-hex digit.
bool from_hex(std::string_view hex, std::vector<std::uint8_t>& out);
bool from_hex(std::string_view hex, secret_bytes& out);
// Upper-case hex.
std::string to_hex_upper(byte_view b);
// The same into a secret buffer (for the hex text PBKDF2 mixes).
void to_hex_upper(byte_view b, secret_bytes& out);
// Plain decimal digits only (no sign, no spaces), at most 10 digits, fits 32 bits.
bool parse_decimal(std::string_view text, std::uint32_t& out);

inline byte_view as_bytes(std::string_view s) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// The combo key of `key_size` bytes (24 for 11g, 32 for 12c).
std::error_code make_combo_key(combo_scheme scheme, std::size_t key_size, byte_view server_part,
                               byte_view client_part, byte_view csk_salt, std::uint32_t sder_count,
                               secret_bytes& out);

// hex(AES-CBC-PKCS7(combo, salt || secret)), as AUTH_PASSWORD is made.
std::error_code encrypt_salted(byte_view combo_key, byte_view salt, byte_view secret, std::string& hex_out);

// The inverse: decrypts, checks the padding, drops the 16-byte salt.
std::error_code decrypt_salted(byte_view combo_key, std::string_view hex, secret_bytes& secret_out);

}  // namespace oranet::auth::detail
