// Oracle password verifiers: the types a server announces in the flags of
// AUTH_VFR_DATA, the stored form a server keeps for a user, and the keys both
// O5Logon roles derive from them.
//
//   11g (0xb152, 0x1b25): hash = SHA-1(password || salt), salt 10 bytes;
//       the AES-192 key that wraps AUTH_SESSKEY is hash || 00 00 00 00.
//   12c (0x4815): password_key = PBKDF2-HMAC-SHA512(password,
//       salt || "AUTH_PBKDF2_SPEEDY_KEY", vgen_count, 64 bytes);
//       hash = SHA-512(password_key || salt), salt 16 bytes;
//       the AES-256 key that wraps AUTH_SESSKEY is the first 32 bytes of hash.
//   10g (0x939, DES, user-name salted) is never accepted.
// Oracle shows them as "S:" + hex(hash || salt) (11g) and "T:" + hex(hash ||
// salt) (12c); John the Ripper and hashcat use the same forms.
#pragma once

#include <oranet/auth/crypto.hpp>
#include <oranet/auth/secret.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::auth {

enum class verifier_type : std::uint32_t {
    v10g   = 0x0939,
    v11g_1 = 0xb152,
    v11g_2 = 0x1b25,
    v12c   = 0x4815,
};

[[nodiscard]] constexpr bool is_11g(std::uint32_t t) noexcept {
    return t == static_cast<std::uint32_t>(verifier_type::v11g_1) ||
           t == static_cast<std::uint32_t>(verifier_type::v11g_2);
}
[[nodiscard]] constexpr bool is_12c(std::uint32_t t) noexcept {
    return t == static_cast<std::uint32_t>(verifier_type::v12c);
}

// "12c (0x4815)", "11g (0xb152)", "10g (0x939)" or "unknown (0x1234)".
[[nodiscard]] std::string verifier_type_name(std::uint32_t t);

inline constexpr std::uint32_t default_vgen_count = 4096;  // what real servers use
inline constexpr std::size_t salt_size_11g        = 10;
inline constexpr std::size_t salt_size_12c        = 16;

// What a server stores for a user. `hash` is password-equivalent for O5Logon
// (whoever has it can log in), so it is a secret too.
struct stored_verifier {
    verifier_type type = verifier_type::v12c;
    secret_bytes hash;                              // 11g: 20 bytes; 12c: 64 bytes
    std::vector<std::uint8_t> salt;                 // sent as AUTH_VFR_DATA
    std::uint32_t vgen_count = default_vgen_count;  // 12c: sent as AUTH_PBKDF2_VGEN_COUNT

    [[nodiscard]] stored_verifier clone() const;
};

// A verifier for `password` with a fresh random salt (10 or 16 bytes from `rng`).
// `type` must be v11g_1, v11g_2 or v12c; vgen_count within the O5Logon limits.
[[nodiscard]] std::error_code make_verifier(verifier_type type, std::string_view password,
                                            const random_source& rng, stored_verifier& out,
                                            std::uint32_t vgen_count = default_vgen_count);
[[nodiscard]] std::error_code make_verifier_with_salt(verifier_type type, std::string_view password,
                                                      byte_view salt, std::uint32_t vgen_count,
                                                      stored_verifier& out);

// Reads hex(hash || salt), with or without the "S:"/"T:" prefix, either case.
[[nodiscard]] std::error_code parse_verifier(verifier_type type, std::string_view text, stored_verifier& out,
                                             std::uint32_t vgen_count = default_vgen_count);
// "S:" or "T:" followed by upper-case hex(hash || salt). The result is a secret.
[[nodiscard]] std::string format_verifier(const stored_verifier& v);

// Client side: from the password and the server's AUTH_VFR_DATA, the key that
// wraps AUTH_SESSKEY (24 bytes for 11g, 32 for 12c) and, for 12c, the 64-byte
// PBKDF2 password key (empty for 11g).
[[nodiscard]] std::error_code derive_password_keys(std::uint32_t type, byte_view password, byte_view vfr_data,
                                                   std::uint32_t vgen_count, secret_bytes& sesskey_key,
                                                   secret_bytes& password_key);

// Server side: the key that wraps AUTH_SESSKEY, from the stored hash.
[[nodiscard]] std::error_code sesskey_key_from_verifier(const stored_verifier& v, secret_bytes& sesskey_key);

}  // namespace oranet::auth
