// The one door from auth/ to OpenSSL's libcrypto: the primitives O5Logon
// needs, nothing more. Every function returns an error_code
// (client_errc::auth_crypto_failure when libcrypto fails) and never throws
// (allocation failure aside).
// AES-CBC always uses an all-zero IV, as O5Logon does.
#pragma once

#include <oranet/auth/secret.hpp>
#include <oranet/errc.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <system_error>

namespace oranet::auth {

using byte_view = std::span<const std::uint8_t>;

// Fills its argument with random bytes. Injected everywhere auth/ needs
// randomness, so that known-answer tests can script it.
using random_source = std::function<std::error_code(std::span<std::uint8_t>)>;

// libcrypto's CSPRNG (RAND_bytes).
[[nodiscard]] random_source system_random();
[[nodiscard]] std::error_code random_bytes(std::span<std::uint8_t> out) noexcept;

// Digests over the concatenation of `parts`; `out` is resized to the digest length.
[[nodiscard]] std::error_code sha1(std::initializer_list<byte_view> parts, secret_bytes& out);
[[nodiscard]] std::error_code sha512(std::initializer_list<byte_view> parts, secret_bytes& out);
[[nodiscard]] std::error_code md5(std::initializer_list<byte_view> parts, secret_bytes& out);

// PBKDF2-HMAC-SHA512 producing `length` bytes; iterations must be >= 1.
[[nodiscard]] std::error_code pbkdf2_sha512(byte_view password, byte_view salt, std::uint32_t iterations,
                                            std::size_t length, secret_bytes& out);

// How AES-CBC input is padded.
//  none:  the input must be a whole number of 16-byte blocks;
//  pkcs7: 1..16 bytes each equal to their count are added (a whole block when
//         the input is already aligned), as both thin clients pad; decryption
//         checks and strips them (client_errc::auth_crypto_failure if invalid).
enum class padding { none, pkcs7 };

// AES-CBC with a 16, 24 or 32-byte key (AES-128/192/256), zero IV.
[[nodiscard]] std::error_code aes_cbc_encrypt(byte_view key, byte_view plain, padding pad, secret_bytes& out);
[[nodiscard]] std::error_code aes_cbc_decrypt(byte_view key, byte_view cipher, padding pad,
                                              secret_bytes& out);

// Constant-time comparison (false when the sizes differ).
[[nodiscard]] bool equal_constant_time(byte_view a, byte_view b) noexcept;

}  // namespace oranet::auth
