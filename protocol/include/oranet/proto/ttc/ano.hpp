// Advanced Networking Option negotiation (native network encryption, data
// integrity, authentication adapters, supervisor): the payload of the DATA
// packet a client may send right after ACCEPT. python-oracledb 1.2.1 always
// sends it (PEER-NOTES 3); node-oracledb only for TCPS with external auth.
//
// Layout (all big-endian): magic 0xdeadbeef, u16 total length, u32 version,
// u16 service count, u8 flags; per service: u16 service id, u16 subpacket
// count, u32 error number; per subpacket: u16 data length, u16 type, data.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

namespace ano {
inline constexpr std::uint32_t magic     = 0xdeadbeef;
inline constexpr std::size_t header_size = 13;  // magic, length, version, count, flags

// Service ids.
inline constexpr std::uint16_t service_authentication = 1;
inline constexpr std::uint16_t service_encryption     = 2;
inline constexpr std::uint16_t service_data_integrity = 3;
inline constexpr std::uint16_t service_supervisor     = 4;

// Subpacket types.
inline constexpr std::uint16_t type_string  = 0;
inline constexpr std::uint16_t type_raw     = 1;
inline constexpr std::uint16_t type_ub1     = 2;
inline constexpr std::uint16_t type_ub2     = 3;
inline constexpr std::uint16_t type_version = 5;
inline constexpr std::uint16_t type_status  = 6;

// Status values.
inline constexpr std::uint16_t supervisor_ok           = 0x001f;
inline constexpr std::uint16_t auth_ok                 = 0xfaff;
inline constexpr std::uint16_t auth_dont_use           = 0xfbff;
inline constexpr std::uint16_t auth_not_required       = 0xfcff;
inline constexpr std::uint16_t auth_type_client_server = 0xe0e1;

inline constexpr std::uint32_t version_python_1_2_1 = 0x0b200200;  // what python-oracledb 1.2.1 sends
inline constexpr std::uint32_t version_server       = 0x13000000;  // what our emulator answers (19.0.0.0.0)
}  // namespace ano

struct ano_subpacket {
    std::uint16_t type = ano::type_raw;
    std::vector<std::uint8_t> data;

    friend bool operator==(const ano_subpacket&, const ano_subpacket&) = default;
};

struct ano_service {
    std::uint16_t id    = 0;
    std::uint32_t error = 0;  // non-zero: the peer refuses (python 1.2.1 and node check it)
    std::vector<ano_subpacket> subpackets;

    friend bool operator==(const ano_service&, const ano_service&) = default;
};

struct ano_message {
    std::uint32_t version = ano::version_server;
    std::uint8_t flags    = 0;
    std::vector<ano_service> services;

    friend bool operator==(const ano_message&, const ano_message&) = default;
};

// Both roles: the length field is computed on encode and checked on decode
// (it must equal the bytes the message takes).
void encode(writer& w, const ano_message& m);
[[nodiscard]] std::error_code decode(reader& r, ano_message& m);

// True when the payload starts with the ANO magic (lets the server tell an
// ANO DATA packet from a TTC one).
[[nodiscard]] bool is_ano(bytes_view payload) noexcept;

// Server role: "no services" answer to `request`, one service per requested
// one, in its order: supervisor (version, status 0x1f, the array of service
// ids), authentication (version, status "don't use"), encryption and data
// integrity (version, raw byte 0: no algorithm).
[[nodiscard]] ano_message make_ano_no_services_reply(const ano_message& request);

// Client role: the request python-oracledb 1.2.1 sends (supervisor, auth,
// encryption, data integrity, no algorithms) with the given 8-byte CID.
[[nodiscard]] ano_message make_ano_request(std::uint64_t supervisor_cid);

// Client role: checks a reply the way the official clients do: each
// service's error number, the supervisor status 0x1f, the authentication
// status ok or "don't use". malformed or tns_refused on failure.
[[nodiscard]] std::error_code check_ano_reply(const ano_message& reply) noexcept;

}  // namespace oranet::proto::ttc
