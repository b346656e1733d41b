// Protocol negotiation (TTC message type 1, TTIPRO): the first TTC exchange.
// The client lists the TTC protocol versions it speaks and names itself; the
// server answers with its version, banner, character sets, flags and its
// compile and runtime capabilities.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct protocol_request {
    std::vector<std::uint8_t> versions = {6};  // zero-terminated on the wire; both thin clients send 6 (8.1+)
    std::string driver_name            = "oranet";  // zero-terminated; python-oracledb / node-oracledb

    friend bool operator==(const protocol_request&, const protocol_request&) = default;
};

struct protocol_reply {
    std::uint8_t server_version = 6;
    std::string server_banner;                     // zero-terminated, e.g. "x86_64/Linux 2.4.xx"
    std::uint16_t charset_id  = charset_al32utf8;  // little-endian on the wire
    std::uint8_t server_flags = 1;
    std::vector<std::uint8_t> elements;  // count (u16le) * 5 bytes, opaque
    std::vector<std::uint8_t> fdo;       // u16be length; empty when encoding: a minimal one is built
    std::uint16_t ncharset_id = charset_al16utf16;  // read from inside the FDO block
    std::vector<std::uint8_t> compile_caps;         // length-prefixed
    std::vector<std::uint8_t> runtime_caps;         // length-prefixed

    friend bool operator==(const protocol_reply&, const protocol_reply&) = default;
};

// All decoders consume exactly one message, starting at its message type
// byte (decode_body: just after it), and return the reader's sticky error.
// Bytes after the message are the caller's business (r.finish() checks them).

// Client role.
void encode(writer& w, const protocol_request& m);
[[nodiscard]] std::error_code decode(reader& r, protocol_reply& m);
[[nodiscard]] std::error_code decode_body(reader& r, protocol_reply& m);

// Server role (emulator).
[[nodiscard]] std::error_code decode(reader& r, protocol_request& m);
void encode(writer& w, const protocol_reply& m);

// The FDO block encode() writes when m.fdo is empty: it carries the two
// character set ids where both thin clients look for the national one
// (index 6 + fdo[5] + fdo[6], plus 3).
[[nodiscard]] std::vector<std::uint8_t> make_fdo(std::uint16_t charset_id, std::uint16_t ncharset_id);

// A reply for the emulator from its caps (banner as given).
[[nodiscard]] protocol_reply make_protocol_reply(const caps& server, std::string banner);

// Client role: apply a decoded reply (charsets, server flags, compile and
// runtime caps).
void apply(caps& c, const protocol_reply& m) noexcept;

}  // namespace oranet::proto::ttc
