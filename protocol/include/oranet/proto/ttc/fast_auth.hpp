// Fast authentication (TTC message type 34, 23ai): protocol negotiation,
// data type negotiation and auth phase one in one round trip, offered when
// the ACCEPT packet carries accept_flag::fast_auth.
//
// Request: type 34, version 1, flag 1 (server converts chars), flag 2, the
// protocol request, u16be server charset, u8 flag, u16be server ncharset
// (all unused, 0), the TTC field version the rest is written with
// (19.1 ext 1), the data types request, the auth phase one request.
// Reply: the protocol reply, the data types reply and the auth phase one
// PARAMETER message, then the usual end items; or a RENEGOTIATE message
// (type 28), after which the client negotiates the classic way.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::ttc {

inline constexpr std::uint8_t server_converts_chars = 0x01;

struct fast_auth_request {
    std::uint8_t version = 1;
    std::uint8_t flag1   = server_converts_chars;
    std::uint8_t flag2   = 0;
    protocol_request protocol;
    std::uint16_t server_charset     = 0;  // unused
    std::uint8_t server_charset_flag = 0;
    std::uint16_t server_ncharset    = 0;                        // unused
    std::uint8_t ttc_field_version = field_version::v19_1_ext1;  // the auth request below is laid out for it
    data_types_request data_types;
    auth_request auth;

    friend bool operator==(const fast_auth_request&, const fast_auth_request&) = default;
};

// The caps the embedded auth request is written/read with: the field version
// byte of the message and the encoding flags of its data types request.
[[nodiscard]] caps fast_auth_auth_caps(const fast_auth_request& m, caps base = {});

// Client role.
void encode(writer& w, const fast_auth_request& m);
// Server role.
[[nodiscard]] std::error_code decode(reader& r, fast_auth_request& m);

struct fast_auth_reply {
    bool renegotiate = false;  // the server sent RENEGOTIATE (28): nothing else is filled
    protocol_reply protocol;
    data_types_reply data_types;
    auth_reply auth;

    friend bool operator==(const fast_auth_reply&, const fast_auth_reply&) = default;
};

// Client role: reads RENEGOTIATE, or the three messages in order; leaves the
// reader at the items that end the call. `c` is the client's caps before
// the protocol reply; the data types reply is read with them adjusted by it.
[[nodiscard]] std::error_code decode(reader& r, fast_auth_reply& m, const caps& c);
// Server role: `c` are the server's negotiated caps (TZ_EX decides the data
// types reply's time zone). A renegotiate reply is the one byte 28.
void encode(writer& w, const fast_auth_reply& m, const caps& c);

}  // namespace oranet::proto::ttc
