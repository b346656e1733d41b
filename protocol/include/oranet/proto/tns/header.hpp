// The 8-byte TNS packet header and the packet types. The length field covers
// the whole packet, header included. It takes 2 bytes (followed by a 2-byte
// packet checksum, always 0) until an ACCEPT of TNS version 315 or later has
// been exchanged; from then on both sides write it as 4 bytes (python-oracledb
// switches its reader after the ACCEPT and its writer on the negotiated
// version; node-oracledb's largeSDU). CONNECT, ACCEPT, REFUSE, REDIRECT,
// RESEND and a DATA packet carrying overflow connect data are therefore
// always sent with the 2-byte form.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/writer.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace oranet::proto::tns {

enum class packet_type : std::uint8_t {
    connect  = 1,
    accept   = 2,
    refuse   = 4,
    redirect = 5,
    data     = 6,
    resend   = 11,
    marker   = 12,
    control  = 14,
};

// True for the eight types above.
[[nodiscard]] bool is_known_packet_type(std::uint8_t t) noexcept;
// "CONNECT", "DATA", ... or "UNKNOWN".
[[nodiscard]] std::string_view packet_type_name(packet_type t) noexcept;

enum class length_mode : std::uint8_t {
    short_form,  // 2-byte length, 2-byte packet checksum (before TNS 315)
    large_sdu,   // 4-byte length (TNS version >= 315 accepted)
};

inline constexpr std::size_t header_size                   = 8;
inline constexpr std::uint16_t version_min_large_sdu       = 315;  // 4-byte lengths; 32-bit SDU/TDU in ACCEPT
inline constexpr std::uint16_t version_min_accept_flags2   = 318;  // ACCEPT carries the second flags word
inline constexpr std::uint16_t version_min_end_of_response = 319;
inline constexpr std::uint16_t version_desired             = 319;  // what current thin clients ask for
inline constexpr std::uint16_t version_minimum             = 300;
inline constexpr std::uint32_t max_short_packet            = 65535;
inline constexpr std::uint32_t max_large_sdu               = 2097152;  // node-oracledb's NSPABSSDULN
inline constexpr std::uint32_t default_sdu                 = 8192;

// Header flags (byte 5).
namespace header_flags {
inline constexpr std::uint8_t redirect_separate = 0x02;  // REDIRECT data: address, NUL, connect data
inline constexpr std::uint8_t redirected        = 0x04;  // CONNECT sent after a REDIRECT
inline constexpr std::uint8_t tls_renegotiate   = 0x08;  // RESEND/ACCEPT: renegotiate TLS first
inline constexpr std::uint8_t large_sdu         = 0x20;  // servers set it on some large-SDU packets
}  // namespace header_flags

struct header {
    std::uint32_t length          = header_size;  // whole packet, header included
    packet_type type              = packet_type::data;
    std::uint8_t flags            = 0;
    std::uint16_t packet_checksum = 0;  // short form only; always 0 in practice
    std::uint16_t header_checksum = 0;  // always 0 in practice
};

// Reads the 8 header bytes. Validates nothing but their presence.
[[nodiscard]] std::error_code decode_header(reader& r, length_mode mode, header& out) noexcept;
void encode_header(writer& w, const header& h, length_mode mode);

// A whole packet as the assembler returns it: the header and all its bytes.
struct packet_view {
    header hdr;
    bytes_view bytes;  // the whole packet, header included
    [[nodiscard]] bytes_view payload() const noexcept {
        return bytes.size() >= header_size ? bytes.subspan(header_size) : bytes_view{};
    }
    [[nodiscard]] packet_type type() const noexcept { return hdr.type; }
};

// Splits a whole packet held in `bytes` into a packet_view (length must match).
[[nodiscard]] std::error_code parse_packet(bytes_view bytes, length_mode mode, packet_view& out) noexcept;

// Back-patched framing: begin_packet reserves the header, the caller writes
// the payload, end_packet fills the header in. end_packet returns the
// writer's error, or tns_packet_too_large when the packet is longer than the
// length field can say (65535 bytes in short_form).
[[nodiscard]] std::size_t begin_packet(writer& w);
std::error_code end_packet(writer& w, std::size_t start, packet_type type, std::uint8_t flags,
                           length_mode mode);

// Writes one packet of `type` whose payload is `payload`.
std::error_code write_raw_packet(writer& w, packet_type type, std::uint8_t flags, bytes_view payload,
                                 length_mode mode);

// Writes one packet whose payload is encode(w, m), for any packet struct with
// a static `type` and an encode(writer&, const P&) overload.
template <class P>
std::error_code write_packet(writer& w, const P& m, length_mode mode, std::uint8_t flags = 0) {
    const std::size_t start = begin_packet(w);
    encode(w, m);
    return end_packet(w, start, P::type, flags, mode);
}

}  // namespace oranet::proto::tns
