// CONNECT (type 1): the client's first packet. Layout (offsets from the start
// of the packet, as python-oracledb's ConnectMessage.send and node-oracledb's
// ConnectPacket write it): 8 version, 10 lowest version, 12 service options,
// 14 SDU and 16 TDU (16-bit), 18 protocol characteristics, 20 line
// turnaround, 22 the value 1, 24 connect data length, 26 connect data offset,
// 28 maximum receivable connect data (32-bit), 32/33 NA flags, 34..57
// reserved, 58 SDU and 62 TDU (32-bit), 66 connect flags 1 (node puts its
// compression bits here), 70 connect flags 2, 74 connect data. Connect data
// longer than 230 bytes is not put in the CONNECT: it travels in a DATA packet
// (data flags 0) sent right after it; the declared length stays.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <string>
#include <system_error>

namespace oranet::proto::tns {

inline constexpr std::size_t max_inline_connect_data     = 230;
inline constexpr std::uint16_t connect_data_offset_large = 74;  // after the 32-bit SDU/TDU and flags
inline constexpr std::uint16_t connect_data_offset_small = 58;  // without them (pre-315 layout)

// Global service options (CONNECT and ACCEPT).
namespace service_options {
inline constexpr std::uint16_t dont_care          = 0x0001;
inline constexpr std::uint16_t header_checksum    = 0x0008;
inline constexpr std::uint16_t packet_checksum    = 0x0010;
inline constexpr std::uint16_t can_send_attention = 0x0200;
inline constexpr std::uint16_t can_recv_attention = 0x0400;  // out-of-band breaks possible
}  // namespace service_options

// NA (network authentication) flags, bytes 32/33 of CONNECT, 22/23 of ACCEPT.
namespace nsi_flags {
inline constexpr std::uint8_t na_wanted              = 0x01;
inline constexpr std::uint8_t na_disabled            = 0x04;
inline constexpr std::uint8_t na_no_services         = 0x08;
inline constexpr std::uint8_t na_required            = 0x10;
inline constexpr std::uint8_t support_security_reneg = 0x80;
}  // namespace nsi_flags

// Connect flags 2.
inline constexpr std::uint32_t connect_flag2_check_oob = 0x00000001;

struct connect_packet {
    static constexpr packet_type type = packet_type::connect;

    std::uint16_t version                  = version_desired;
    std::uint16_t min_version              = version_minimum;
    std::uint16_t service_options          = service_options::dont_care;
    std::uint16_t sdu16                    = default_sdu;  // capped at 65535
    std::uint16_t tdu16                    = default_sdu;
    std::uint16_t protocol_characteristics = 0x4f98;  // what both thin clients send over TCP
    std::uint16_t line_turnaround          = 0;
    std::uint16_t value_of_one             = 1;
    std::uint32_t max_receivable_data      = 0;
    std::uint8_t nsi_flags0                = nsi_flags::support_security_reneg | nsi_flags::na_disabled;
    std::uint8_t nsi_flags1                = nsi_flags::support_security_reneg | nsi_flags::na_disabled;
    bool has_large_fields                  = true;  // offsets 58..73 present (data offset 74)
    std::uint32_t sdu                      = default_sdu;
    std::uint32_t tdu                      = default_sdu;
    std::uint32_t connect_flags1           = 0;
    std::uint32_t connect_flags2           = 0;
    std::string connect_data;  // "(DESCRIPTION=...)"
    // Decode only: the declared connect data was not in this packet; it comes
    // in the next DATA packet (set the text from it with
    // complete_connect_data). Encode decides by the data's length.
    bool data_follows                  = false;
    std::uint16_t declared_data_length = 0;  // decode only: the length field
};

// Sets both the 16-bit (capped at 65535) and 32-bit SDU and TDU fields.
void set_data_units(connect_packet& m, std::uint32_t sdu, std::uint32_t tdu) noexcept;
// The SDU the client asks for: the 32-bit field when present.
[[nodiscard]] std::uint32_t requested_sdu(const connect_packet& m) noexcept;
// True when the connect data travels in a separate DATA packet.
[[nodiscard]] bool connect_data_is_separate(const connect_packet& m) noexcept;

// The CONNECT payload (after the header). Connect data longer than 230 bytes
// is left out (only its length is written).
void encode(writer& w, const connect_packet& m);
// Decodes a CONNECT payload (the reader covers the bytes after the header).
[[nodiscard]] std::error_code decode(reader& r, connect_packet& m);

// The client's wire form: the CONNECT packet (2-byte length form) into
// `connect_out` and, when the data is longer than 230 bytes, the DATA packet
// that carries it into `data_out` (left empty otherwise). Send both, in order;
// on RESEND send both again.
std::error_code write_connect(writer& connect_out, writer& data_out, const connect_packet& m,
                              std::uint8_t header_flags = 0);
// Server role: fills in connect data that came in the DATA packet after a
// CONNECT whose data_follows is set. The DATA payload must hold exactly the
// declared length; pass the data_packet payload (after its data flags).
[[nodiscard]] std::error_code complete_connect_data(connect_packet& m, bytes_view data_payload);

}  // namespace oranet::proto::tns
