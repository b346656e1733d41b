// The server side of O5Logon as the emulator plays it: the challenge of
// auth phase one and the checks of phase two. Kept here, over libcrypto,
// until auth/ offers the server role.
//
// Facts (python-oracledb thin crypto.pyx and auth messages, node-oracledb
// encryptDecrypt.js; PEER-NOTES 6 and 7):
// - 12c verifier (0x4815): password key = PBKDF2-HMAC-SHA512(password,
//   vfr_data + "AUTH_PBKDF2_SPEEDY_KEY", vgen count, 64 bytes); password
//   hash = SHA-512(password key + vfr_data)[0..32), an AES-256 key.
// - 11g verifier (0xb152): password hash = SHA-1(password + vfr_data) and
//   four zero bytes, an AES-192 key.
// - AUTH_SESSKEY: the server's session key (32 bytes for 12c, 48 for 11g)
//   AES-CBC encrypted under the password hash, zero IV, no padding.
// - The combo key: PBKDF2-HMAC-SHA512 over the upper-case hex of the
//   client's and then the server's key (key length bytes each), salted with
//   AUTH_PBKDF2_CSK_SALT; or, when the client answered a 48-byte key with a
//   48-byte key (node-oracledb, 11g), MD5 over bytes 16..40 of their XOR.
// - AUTH_PASSWORD: 16 random bytes + the password, padded with n bytes of
//   value n, AES-CBC under the combo key.
// - AUTH_SVR_RESPONSE: 16 random bytes + "SERVER_TO_CLIENT", same cipher.
#pragma once

#include "emulate/options.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::emulate {

using byte_vec = std::vector<std::uint8_t>;

struct o5logon_challenge {
    verifier_kind kind = verifier_kind::v12c;
    byte_vec vfr_data;       // AUTH_VFR_DATA: 16 bytes (12c) or 10 bytes (11g)
    byte_vec password_hash;  // the AES key of the session keys
    byte_vec server_key;     // the server's session key in the clear
    byte_vec csk_salt;       // AUTH_PBKDF2_CSK_SALT
    std::uint32_t vgen_count = 4096;
    std::uint32_t sder_count = 3;
    std::string encoded_server_key;  // AUTH_SESSKEY, upper-case hex
};

// Phase one: a fresh challenge for `password` (random salt and key).
[[nodiscard]] bool make_challenge(verifier_kind kind, std::string_view password, o5logon_challenge& out);

// Phase two: the combo key from the client's AUTH_SESSKEY (hex); nullopt
// when it does not decode.
[[nodiscard]] std::optional<byte_vec> combo_key(const o5logon_challenge& c, std::string_view client_key_hex);

// Decrypts an AUTH_PASSWORD / AUTH_NEWPASSWORD (hex); nullopt when malformed.
[[nodiscard]] std::optional<std::string> decrypt_password(const byte_vec& combo, std::string_view hex);

// AUTH_SVR_RESPONSE for the combo key (upper-case hex).
[[nodiscard]] std::string server_response(const byte_vec& combo);

[[nodiscard]] std::string to_hex_upper(const byte_vec& b);
[[nodiscard]] std::optional<byte_vec> from_hex(std::string_view hex);

}  // namespace oranet::emulate
