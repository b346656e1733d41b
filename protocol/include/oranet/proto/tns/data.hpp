// DATA (type 6): 2-byte data flags, then the payload (TTC bytes, the
// overflow connect data, or the ANO exchange).
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::tns {

// Data flags (python-oracledb constants.pxi, node-oracledb NSPDAF*).
namespace data_flags {
inline constexpr std::uint16_t eof             = 0x0040;  // end of file: the session closes
inline constexpr std::uint16_t compressed      = 0x0400;  // network compression (not supported)
inline constexpr std::uint16_t end_of_request  = 0x0800;  // last packet of a client request
inline constexpr std::uint16_t begin_pipeline  = 0x1000;
inline constexpr std::uint16_t end_of_response = 0x2000;  // last packet of a server response (TNS >= 319)
}  // namespace data_flags

inline constexpr std::size_t data_flags_size = 2;

struct data_packet {
    static constexpr packet_type type = packet_type::data;

    std::uint16_t data_flags = 0;
    bytes_view payload;  // points into the packet (decode) or the caller's bytes (encode)
};

void encode(writer& w, const data_packet& m);
[[nodiscard]] std::error_code decode(reader& r, data_packet& m);

// The largest payload one DATA packet of `max_packet_size` bytes carries.
[[nodiscard]] std::size_t max_data_payload(std::size_t max_packet_size) noexcept;

// Splits `payload` into DATA packets of at most `max_packet_size` bytes each
// (the negotiated SDU, header and data flags included) and appends them to
// `w`. The last packet gets `last_flags`, the others `other_flags`. An empty
// payload gives one packet that holds only its flags (e.g. the EOF packet).
// Returns bad_argument when max_packet_size leaves no room for payload.
std::error_code write_data_packets(writer& w, bytes_view payload, std::size_t max_packet_size,
                                   length_mode mode, std::uint16_t last_flags, std::uint16_t other_flags = 0);

}  // namespace oranet::proto::tns
