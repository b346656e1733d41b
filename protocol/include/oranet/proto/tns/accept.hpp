// ACCEPT (type 2): the listener's yes. Layout (offsets from the start of the
// packet; python-oracledb ConnectMessage.process, node-oracledb AcceptPacket):
// 8 version, 10 service options, 12 SDU and 14 TDU (16-bit), 16 the value 1
// in the server's byte order, 18 accept data length, 20 accept data offset,
// 22/23 NA flags, 24 timeout, 26 tick size, 28/30 reconnect address length and
// offset. From version 315: 32 SDU and 36 TDU (32-bit), 40 compression flags.
// From version 318: 41 flags 2 (32-bit). Servers may put more bytes after
// that (23ai Free sends 16 more, before the data offset): kept as `trailer`.
// Real captures: 11g XE sends version 314 with 32 bytes; 18c XE 317 with 41;
// 23ai Free 319 with 61; a 12.1 listener 315 without flags 2.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::tns {

// ACCEPT flags 2 (python-oracledb TNS_ACCEPT_FLAG_*, node-oracledb).
namespace accept_flags {
inline constexpr std::uint32_t check_oob           = 0x00000001;  // client may check out-of-band breaks
inline constexpr std::uint32_t poll_and_check      = 0x01000000;
inline constexpr std::uint32_t has_end_of_response = 0x02000000;  // TTC end-of-response, pipelining (319+)
inline constexpr std::uint32_t fast_auth           = 0x10000000;
}  // namespace accept_flags

struct accept_packet {
    static constexpr packet_type type = packet_type::accept;

    std::uint16_t version                  = version_desired;
    std::uint16_t service_options          = 0x0001;
    std::uint16_t sdu16                    = 0;  // 315+ servers send 0 and use the 32-bit field
    std::uint16_t tdu16                    = 0;
    std::uint16_t value_of_one             = 0x0100;  // little-endian servers write 01 00
    std::uint8_t nsi_flags0                = 0;
    std::uint8_t nsi_flags1                = 0;
    std::uint16_t timeout                  = 0;
    std::uint16_t tick_size                = 0;
    std::uint16_t reconnect_address_length = 0;
    std::uint16_t reconnect_address_offset = 0;
    std::uint32_t sdu                      = default_sdu;  // version >= 315
    std::uint32_t tdu                      = default_sdu;  // version >= 315
    std::uint8_t compression_flags         = 0;            // version >= 315
    std::uint32_t flags2                   = 0;            // version >= 318
    std::vector<std::uint8_t> trailer;                     // bytes after the known fields, before the data
    std::vector<std::uint8_t> data;                        // accept data (rarely sent)
    // Bytes of fixed fields (after the header) the packet carries. 0 when
    // encoding means the full layout of `version`; decode sets what it found.
    // From 315 the 32-bit SDU is required; the TDU, compression flags and
    // flags 2 are read only when they lie before the data offset (a 12.1
    // listener's 315 ACCEPT is shorter than 18c's 317 one).
    std::size_t fixed_size = 0;
};

// The SDU both sides use from now on: the 32-bit field from version 315, else
// the 16-bit one.
[[nodiscard]] std::uint32_t negotiated_sdu(const accept_packet& m) noexcept;
[[nodiscard]] std::uint32_t negotiated_tdu(const accept_packet& m) noexcept;
// The header length form both sides use after this ACCEPT.
[[nodiscard]] length_mode negotiated_length_mode(const accept_packet& m) noexcept;
// Fixed-field bytes (after the header) an ACCEPT of this version carries.
[[nodiscard]] std::size_t accept_fixed_size(std::uint16_t version) noexcept;

// The ACCEPT payload. The data offset points past the fixed fields and the
// trailer; fields of later versions than m.version, or beyond a non-zero
// m.fixed_size, are not written.
void encode(writer& w, const accept_packet& m);
// Decodes an ACCEPT payload. Which fields are read depends on the version
// field; a version below 315 is decoded (the caller decides whether to
// refuse it: both thin clients refuse TNS versions below 315).
[[nodiscard]] std::error_code decode(reader& r, accept_packet& m);

}  // namespace oranet::proto::tns
