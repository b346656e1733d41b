// O5Logon's two TTC calls and their replies.
//
// Request (function 118 phase one, 115 phase two): the call header
// (message 3, function code, sequence number, from field version 23.1 ext 1 a
// UB8 token), a user pointer byte, UB4 user length, UB4 auth mode, a pointer
// byte, UB4 pair count, two pointer bytes, the user name and the key/value
// pairs. The user name is length-prefixed when the client's TTIDTY set
// CONV_LENGTH and raw bytes otherwise (python-oracledb 1.2.1, PEER-NOTES 1).
//
// Reply: a PARAMETER message (type 8) with a UB2 count and key/value pairs,
// then the items every call ends with (error/status, end of response), which
// the reply codecs encode (PEER-NOTES 9: PARAMETER then ERROR(0) serves
// both judges).
//
// This module only moves the values; auth/ computes them.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/key_value.hpp>
#include <oranet/proto/writer.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

namespace oranet::proto::ttc {

struct auth_request {
    function_code code  = function_code::auth_phase_one;  // or auth_phase_two
    std::uint8_t seq    = 1;                              // TTC sequence number
    std::uint64_t token = 0;                              // written from field version 23.1 ext 1
    std::string user;                                     // empty: no user (pointer byte 0)
    std::uint32_t auth_mode         = auth_mode::logon;
    std::uint8_t pairs_pointer      = 1;  // "authivl" pointer
    std::uint8_t out_pointer        = 1;  // "authovl" pointer (node-oracledb writes 0 in phase one)
    std::uint8_t out_length_pointer = 1;  // "authovln" pointer
    key_values pairs;

    friend bool operator==(const auth_request&, const auth_request&) = default;
};

// What the client says about itself in phase one.
struct client_identity {
    std::string terminal = "unknown";
    std::string program;  // AUTH_PROGRAM_NM
    std::string machine;  // AUTH_MACHINE
    std::string pid;      // AUTH_PID, decimal
    std::string os_user;  // AUTH_SID
};

// The values of phase two, computed by auth/ (upper-case hex strings).
struct phase_two_values {
    std::string session_key;                          // AUTH_SESSKEY (flags 1)
    std::optional<std::string> speedy_key;            // AUTH_PBKDF2_SPEEDY_KEY, 12c verifier only
    std::string encoded_password;                     // AUTH_PASSWORD
    std::optional<std::string> encoded_new_password;  // AUTH_NEWPASSWORD (adds auth_mode::change_password)
    std::string driver_name = "oranet";               // SESSION_CLIENT_DRIVER_NAME
    std::string client_version;                       // SESSION_CLIENT_VERSION, decimal
    std::optional<std::string> alter_session;   // AUTH_ALTER_SESSION (flags 1), e.g. the time zone statement
    std::optional<std::string> connect_string;  // AUTH_CONNECT_STRING
    std::optional<std::string> edition;         // AUTH_ORA_EDITION
};

// Client role: builders and codecs.
[[nodiscard]] auth_request make_auth_phase_one(std::string user, std::uint32_t auth_mode,
                                               const client_identity& id);
[[nodiscard]] auth_request make_auth_phase_two(std::string user, std::uint32_t auth_mode,
                                               const phase_two_values& v);
void encode(writer& w, const auth_request& m, const caps& c);

// Server role: decodes either phase (m.code tells which); other function
// codes give ttc_unexpected_message.
[[nodiscard]] std::error_code decode(reader& r, auth_request& m, const caps& c);

// The PARAMETER message of an auth reply.
struct auth_reply {
    key_values pairs;

    friend bool operator==(const auth_reply&, const auth_reply&) = default;
};

// Server role.
void encode(writer& w, const auth_reply& m);
// Client role.
[[nodiscard]] std::error_code decode(reader& r, auth_reply& m);
[[nodiscard]] std::error_code decode_body(reader& r, auth_reply& m);

// Key lookup that ignores the trailing NUL some servers put in key names
// (18c sends "AUTH_GLOBALLY_UNIQUE_DBID\0").
[[nodiscard]] std::optional<std::string_view> auth_value(const auth_reply& m, std::string_view key) noexcept;
// The verifier type (flags of AUTH_VFR_DATA), 0 when absent.
[[nodiscard]] std::uint32_t verifier_type(const auth_reply& m) noexcept;

// Server role: phase one reply values.
struct phase_one_values {
    std::string session_key;    // AUTH_SESSKEY, upper-case hex (64 chars 12c, 96 chars 11g)
    std::string verifier_data;  // AUTH_VFR_DATA, upper-case hex (salt)
    std::uint32_t verifier_type = verifier_12c;
    std::string csk_salt;                             // AUTH_PBKDF2_CSK_SALT, upper-case hex
    std::string vgen_count = "4096";                  // AUTH_PBKDF2_VGEN_COUNT (12c only)
    std::string sder_count = "3";                     // AUTH_PBKDF2_SDER_COUNT
    std::optional<std::string> globally_unique_dbid;  // AUTH_GLOBALLY_UNIQUE_DBID
};
[[nodiscard]] auth_reply make_phase_one_reply(const phase_one_values& v);

// Server role: phase two reply values (python 1.2.1 requires session id,
// serial number and version number; node checks AUTH_SVR_RESPONSE).
struct phase_two_reply_values {
    std::string version_string = "Oracle Database (oranet emulator)";  // AUTH_VERSION_STRING
    std::array<std::uint8_t, 5> version{19, 0, 0, 0, 0};               // encoded into AUTH_VERSION_NO
    std::string session_id = "1";
    std::string serial_num = "1";
    std::string server_response;  // AUTH_SVR_RESPONSE, upper-case hex; empty: left out
    std::string db_name               = "ORANET";
    std::string instance_name         = "oranet";
    std::string service_name          = "oranet";
    std::string max_open_cursors      = "300";
    std::string max_identifier_length = "128";
};
[[nodiscard]] auth_reply make_phase_two_reply(const phase_two_reply_values& v, const caps& c);

// AUTH_VERSION_NO: its packing changed at field version 18.1 ext 1 (PEER-NOTES 7).
[[nodiscard]] std::uint32_t pack_version_number(const std::array<std::uint8_t, 5>& v, const caps& c) noexcept;
[[nodiscard]] std::array<std::uint8_t, 5> unpack_version_number(std::uint32_t n, const caps& c) noexcept;

}  // namespace oranet::proto::ttc
