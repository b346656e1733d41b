// O5Logon's wire values, as the text key/value pairs of the TTC auth
// messages carry them, and the limits oranet holds the peer to
// (docs/SECURITY.md says why). The roles are in client.hpp and server.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace oranet::auth {

// Limits on what the server sends (DECISIONS.md), checked before any secret is
// derived or sent.
inline constexpr std::uint32_t min_vgen_count        = 4096;
inline constexpr std::uint32_t max_vgen_count        = 10'000'000;
inline constexpr std::uint32_t min_sder_count        = 3;
inline constexpr std::uint32_t max_sder_count        = 1'000'000;
inline constexpr std::size_t csk_salt_size           = 16;
inline constexpr std::size_t server_sesskey_size_12c = 32;
inline constexpr std::size_t server_sesskey_size_11g = 48;
inline constexpr std::size_t max_password_size       = 1024;  // bytes (UTF-8)

// The server's phase-one reply (AUTH_* values as text). Empty = absent.
struct phase_one_params {
    std::string sesskey;              // AUTH_SESSKEY: hex of the wrapped server key part
    std::string vfr_data;             // AUTH_VFR_DATA: hex of the verifier's salt
    std::uint32_t verifier_type = 0;  // the flags field of the AUTH_VFR_DATA pair
    std::string csk_salt;             // AUTH_PBKDF2_CSK_SALT: hex, 16 bytes
    std::string vgen_count;           // AUTH_PBKDF2_VGEN_COUNT: decimal (12c)
    std::string sder_count;           // AUTH_PBKDF2_SDER_COUNT: decimal
};

// The client's phase-two values (upper-case hex, as the thin clients send).
// Empty = not sent. AUTH_SESSKEY goes with flags 1, the others with flags 0.
struct phase_two_request {
    std::string sesskey;      // AUTH_SESSKEY
    std::string password;     // AUTH_PASSWORD
    std::string newpassword;  // AUTH_NEWPASSWORD (password change at login)
    std::string speedy_key;   // AUTH_PBKDF2_SPEEDY_KEY (12c only)
};

// How the AES key for AUTH_PASSWORD and AUTH_SVR_RESPONSE (the "combo key")
// is made from the two session key parts.
enum class combo_scheme {
    // 11g with a 48-byte server key (node-oracledb, python-oracledb >= 2, real
    // 11g servers): the two 48-byte parts XORed at bytes 16..40, then
    // MD5(x[0..16]) || MD5(x[16..24])[0..8].
    md5_xor,
    // 12c, and 11g as python-oracledb 1.x does it: PBKDF2-HMAC-SHA512 over the
    // upper-case hex of client_part[0..n] || server_part[0..n] (n = key size),
    // salt AUTH_PBKDF2_CSK_SALT, AUTH_PBKDF2_SDER_COUNT iterations. The
    // client's key part is then 32 bytes.
    pbkdf2,
};

}  // namespace oranet::auth
