// The capabilities negotiated at connect time. Both roles keep one: the
// client builds its offer with client_caps(), then narrows it with the
// ACCEPT packet and the server's protocol negotiation reply; the server
// (emulator) builds its own with server_caps() and narrows it with the
// client's data types request. Decoders read caps; only the session state
// machine changes them, after a message decoded whole.
#pragma once

#include <oranet/proto/ttc/constants.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace oranet::proto::ttc {

struct caps {
    std::uint16_t protocol_version = 0;                   // TNS version from ACCEPT (315 = 12.1, 319 = 23ai)
    std::uint8_t ttc_field_version = field_version::max;  // min(client, server) after negotiation
    std::vector<std::uint8_t> compile_caps;               // our side's compile caps (sent in TTIDTY)
    std::vector<std::uint8_t> runtime_caps;               // our side's runtime caps (sent in TTIDTY)
    std::uint16_t charset_id      = charset_al32utf8;     // database character set
    std::uint16_t ncharset_id     = charset_al16utf16;    // national character set
    std::uint8_t server_flags     = 0;                    // from the protocol negotiation reply
    std::uint8_t encoding_flags   = encoding_multi_byte | encoding_conv_length;  // the client's TTIDTY flags
    std::uint32_t max_string_size = 4000;   // 32767 when both sides set rcap::ttc_32k
    bool supports_oob             = false;  // ACCEPT options carry gso_can_recv_attention
    bool supports_oob_check       = false;  // ACCEPT flag check_oob
    bool supports_fast_auth       = false;  // ACCEPT flag fast_auth (23ai)
    bool supports_end_of_response = false;  // TNS >= 319 and ACCEPT flag has_end_of_response
    bool supports_pipelining      = false;
    bool supports_request_boundaries = false;  // server ttc4 explicit_boundary and rcap session state ops
    bool supports_tz_ex              = false;  // both sides set rcap::tz_ex: 11 TZ bytes in TTIDTY
    bool supports_end_user_security_context = false;
    bool supports_oac_type                  = true;  // the client listed data type 646 (PEER-NOTES 2)
    bool supports_oer_type                  = true;  // the client listed data type 652 (PEER-NOTES 2)

    // Strings (user name, SQL text) travel length-prefixed only when the
    // client's data types message set CONV_LENGTH (PEER-NOTES 1).
    [[nodiscard]] bool conv_length() const noexcept { return (encoding_flags & encoding_conv_length) != 0; }
    [[nodiscard]] bool at_least(std::uint8_t v) const noexcept { return ttc_field_version >= v; }
    [[nodiscard]] std::uint8_t ccap(std::size_t i) const noexcept {
        return i < compile_caps.size() ? compile_caps[i] : 0;
    }
    [[nodiscard]] std::uint8_t rcap(std::size_t i) const noexcept {
        return i < runtime_caps.size() ? runtime_caps[i] : 0;
    }
};

// Which client's capability offer to build.
enum class client_profile : std::uint8_t {
    python_oracledb,  // current python-oracledb thin: 55 compile caps, 11 runtime caps, no TZ_EX
    node_oracledb,    // node-oracledb 26 thin: 53 compile caps, 7 runtime caps, TZ_EX
    oranet = python_oracledb,
};

// The offer our client sends before negotiation (field version 23.4).
[[nodiscard]] caps client_caps(client_profile p = client_profile::oranet);

// Client role: apply the ACCEPT packet (TNS version, service options, flags).
void adjust_for_accept(caps& c, std::uint16_t protocol_version, std::uint16_t service_options,
                       std::uint32_t accept_flags) noexcept;
// Client role: apply the server's compile caps (field version = min, request
// boundaries, HA readiness, end-user security context).
void adjust_for_server_compile_caps(caps& c, std::span<const std::uint8_t> server_caps) noexcept;
// Client role: apply the server's runtime caps (max string size, TZ_EX).
void adjust_for_server_runtime_caps(caps& c, std::span<const std::uint8_t> server_caps) noexcept;

// The caps a server of the given field version offers (what an 18c or 23ai
// server sends in its protocol negotiation reply, close enough for both
// judges). `protocol_version` is the TNS version the server accepted.
[[nodiscard]] caps server_caps(std::uint8_t ttc_field_version, std::uint16_t protocol_version);

// Server role: apply the client's data types request (its compile caps decide
// the field version; its runtime caps TZ_EX; its encoding flags CONV_LENGTH).
void adjust_for_client_caps(caps& c, std::span<const std::uint8_t> client_compile_caps,
                            std::span<const std::uint8_t> client_runtime_caps,
                            std::uint8_t client_encoding_flags) noexcept;

}  // namespace oranet::proto::ttc
