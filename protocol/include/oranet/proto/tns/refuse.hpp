// REFUSE (type 4): the listener's no. Layout (after the header): user reason
// (1 byte), system reason (1 byte), data length (2 bytes), then the data: a
// descriptor such as "(DESCRIPTION=(TMP=)(VSNNUM=...)(ERR=12514)(ERROR_STACK=...))".
// When the packet ends at the data offset, the data comes in the next DATA
// packet (node-oracledb reads it from there).
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace oranet::proto::tns {

struct refuse_packet {
    static constexpr packet_type type = packet_type::refuse;

    std::uint8_t user_reason   = 0;
    std::uint8_t system_reason = 0;
    std::string data;
    // Decode: the declared data was not in this packet (read the next DATA
    // packet). Encode: write the length only and send the data separately.
    bool data_follows                  = false;
    std::uint16_t declared_data_length = 0;  // decode only
};

void encode(writer& w, const refuse_packet& m);
[[nodiscard]] std::error_code decode(reader& r, refuse_packet& m);

// The number in "(ERR=nnnnn)" of a refuse text (12514: unknown service,
// 12505: unknown SID), or 0 when there is none.
[[nodiscard]] int refuse_error_number(std::string_view data) noexcept;

}  // namespace oranet::proto::tns
