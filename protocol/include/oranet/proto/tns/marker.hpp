// MARKER (type 12): break, reset and interrupt. Three payload bytes: the
// marker kind (1: one data byte follows; node-oracledb NSPMKTD1), an old
// pre-3.05 data byte (0), and the marker type. python-oracledb writes
// 01 00 <type>; a real 23ai server's break is 01 00 01 (header flags 0x20).
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::tns {

enum class marker_type : std::uint8_t {
    break_marker     = 1,  // the sender broke off the current call
    reset_marker     = 2,  // the break is over; resume
    interrupt_marker = 3,  // the client asks the server to break (call timeout, cancel)
};

inline constexpr std::uint8_t marker_kind_no_data   = 0;  // node: a break without data byte
inline constexpr std::uint8_t marker_kind_one_byte  = 1;
inline constexpr std::uint8_t marker_kind_attention = 2;

struct marker_packet {
    static constexpr packet_type type = packet_type::marker;

    std::uint8_t kind     = marker_kind_one_byte;
    std::uint8_t old_data = 0;
    marker_type marker    = marker_type::break_marker;
};

void encode(writer& w, const marker_packet& m);
[[nodiscard]] std::error_code decode(reader& r, marker_packet& m);

[[nodiscard]] inline marker_packet make_marker(marker_type t) noexcept {
    marker_packet m;
    m.marker = t;
    return m;
}

// What the receiver makes of a marker (node-oracledb MarkerPacket.fromPacket):
// kind 0 is a break; kind 1 is a reset when its data byte says reset, a break
// otherwise.
[[nodiscard]] inline bool is_reset(const marker_packet& m) noexcept {
    return m.kind == marker_kind_one_byte && m.marker == marker_type::reset_marker;
}

}  // namespace oranet::proto::tns
