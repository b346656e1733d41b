// CONTROL (type 14): out-of-band notices that never enter the TTC stream.
// Layout (after the header): command (2 bytes), then command data. Command 8
// (inband notification, node-oracledb NSPCTL_SERR) carries three 32-bit words
// — an error facility indicator (22: ORA), an error number and a second number
// (for 12573 the length of a notification text that follows). Command 9
// (reset OOB, NSPCTL_CLRATTN) tells the client out-of-band breaks no longer
// work.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::tns {

namespace control_command {
inline constexpr std::uint16_t inband_notification = 8;
inline constexpr std::uint16_t reset_oob           = 9;
}  // namespace control_command

inline constexpr std::uint32_t control_emfi_ora         = 22;     // error numbers are ORA-nnnnn
inline constexpr std::uint32_t control_err_shutdown     = 12572;  // connection manager shutdown
inline constexpr std::uint32_t control_err_send_message = 12573;  // a notification text follows

struct control_packet {
    static constexpr packet_type type = packet_type::control;

    std::uint16_t command = control_command::reset_oob;
    std::vector<std::uint8_t> data;  // command data
};

void encode(writer& w, const control_packet& m);
[[nodiscard]] std::error_code decode(reader& r, control_packet& m);

// The data of an inband notification.
struct control_error {
    std::uint32_t emfi   = 0;  // error facility indicator
    std::uint32_t error1 = 0;  // the error number (python-oracledb keeps it as the pending error)
    std::uint32_t error2 = 0;  // for 12573: length of the notification text
    bytes_view notification;   // for 12573: the text, pointing into control_packet::data
};

[[nodiscard]] std::error_code decode_control_error(bytes_view data, control_error& out);
[[nodiscard]] std::vector<std::uint8_t> encode_control_error(const control_error& e);

}  // namespace oranet::proto::tns
